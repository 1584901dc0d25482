import Classify
import Foundation
import Testing
import VarselModel

/// Norwegian dates and times → exact instants (Europe/Oslo: UTC+1 until the last Sunday of
/// March, UTC+2 until the last Sunday of October).
@Suite struct NorwegianDateParserTests {
    let parser = NorwegianDateParser()

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let published: String?
        let start: String
        let end: String?
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // The forms the brief and the feeds use.
        Case(
            text: "torsdag 16.november kl. 18.00 til kl. 22.00", published: "2023-11-14T14:00:00Z",
            start: "2023-11-16T17:00:00Z", end: "2023-11-16T21:00:00Z"),
        Case(
            text: "Planlagt nedetid 27.April", published: "2023-04-25T00:00:00Z",
            start: "2023-04-26T22:00:00Z", end: "2023-04-27T22:00:00Z"),  // no time: the whole day
        Case(text: "tirsdag 28.11.23 kl. 09:00", published: nil, start: "2023-11-28T08:00:00Z", end: nil),
        Case(
            text: "05.10.2023 i tidsrommet mellom kl. 18:00 og kl. 19.00", published: nil,
            start: "2023-10-05T16:00:00Z", end: "2023-10-05T17:00:00Z"),
        Case(text: "15. juni 2023", published: nil, start: "2023-06-14T22:00:00Z", end: "2023-06-15T22:00:00Z"),
        Case(
            text: "15. juni 2023 fra kl 16:00 til 18:00", published: nil,
            start: "2023-06-15T14:00:00Z", end: "2023-06-15T16:00:00Z"),  // June: UTC+2
        Case(
            text: "tirsdag morgen (09.05.2023). Utilgjengeligheten forventes mellom kl. 07.00-09.00.", published: nil,
            start: "2023-05-09T05:00:00Z", end: "2023-05-09T07:00:00Z"),
        Case(
            text: "Fra lørdag 29.april kl 0900 til kl 0930", published: "2023-04-26T00:00:00Z",
            start: "2023-04-29T07:00:00Z", end: "2023-04-29T07:30:00Z"),
        Case(
            text: "Nedetid på Tjenestepensjonsavtale API 07.11.2023 kl. 9", published: nil, start: "2023-11-07T08:00:00Z",
            end: nil),
        Case(
            text: "Vedlikehold onsdag 23.november kl.21:00", published: "2022-11-17T10:15:00Z", start: "2022-11-23T20:00:00Z",
            end: nil),
        Case(
            text: "klokken 9.00 – 12.00 onsdag 16. oktober 2024", published: nil,
            start: "2024-10-16T07:00:00Z", end: "2024-10-16T10:00:00Z"),
        // Abbreviated months, two-digit years, ISO and dashed numeric forms.
        Case(
            text: "16. nov. kl 18-20", published: "2023-11-01T00:00:00Z", start: "2023-11-16T17:00:00Z",
            end: "2023-11-16T19:00:00Z"),
        Case(text: "3. des kl. 10:00", published: "2023-11-01T00:00:00Z", start: "2023-12-03T09:00:00Z", end: nil),
        Case(text: "Driftsproblemer 30-03-2024", published: nil, start: "2024-03-29T23:00:00Z", end: "2024-03-30T23:00:00Z"),
        Case(text: "driftsvarsel 2023-09-05 kl. 12:00", published: nil, start: "2023-09-05T10:00:00Z", end: nil),
        // Ranges of days are inclusive; a time range may cross midnight or end on another day.
        Case(
            text: "fra og med søndag 31.12.23 til og med fredag 05.01.24", published: nil,
            start: "2023-12-30T23:00:00Z", end: "2024-01-05T23:00:00Z"),
        Case(
            text: "Oppgraderingen er utsatt til 3. eller 4. juni.", published: "2023-05-25T00:00:00Z",
            start: "2023-06-02T22:00:00Z", end: "2023-06-04T22:00:00Z"),
        Case(
            text: "Varsling vedlikehold 12 til 14 oktober", published: "2018-10-08T15:23:00Z",
            start: "2018-10-11T22:00:00Z", end: "2018-10-14T22:00:00Z"),
        Case(
            text: "onsdag 25. januar kl 22:00 - torsdag 26. januar kl 04:00", published: "2023-01-23T11:00:00Z",
            start: "2023-01-25T21:00:00Z", end: "2023-01-26T03:00:00Z"),
        Case(
            text: "mandag 29.04.2019 kl 20 til tirsdag 30.04.2019 kl 08:00", published: nil,
            start: "2019-04-29T18:00:00Z", end: "2019-04-30T06:00:00Z"),
        Case(
            text: "lørdag 02.03.2024 kl. 22:00 - 02:00", published: nil, start: "2024-03-02T21:00:00Z",
            end: "2024-03-03T01:00:00Z"),
        Case(
            text: "Vedlikehold kl.20:00 til 24:00 i kveld 09.03.2021", published: nil,
            start: "2021-03-09T19:00:00Z", end: "2021-03-09T23:00:00Z"),
        // DST: the night the clocks go back (29 Oct 2023, 03:00 CEST → 02:00 CET).
        Case(
            text: "søndag 29.10.2023 kl. 01:00 til kl. 04:00", published: nil,
            start: "2023-10-28T23:00:00Z", end: "2023-10-29T03:00:00Z"),
    ]

    @Test(arguments: cases)
    func readsWindow(_ item: Case) throws {
        let window = try #require(parser.window(in: [item.text], published: item.published.map(utc)))
        #expect(window.start == utc(item.start))
        #expect(window.end == item.end.map(utc))
    }

    @Test func yearlessDateTakesTheYearNearestPublication() throws {
        // Published mid-December: "5. januar" is next January.
        let next = try #require(parser.window(in: ["fredag 5. januar kl. 10:00"], published: utc("2023-12-13T11:10:00Z")))
        #expect(next.start == utc("2024-01-05T09:00:00Z"))
        // Published 3 January: "13.12" refers back to last December.
        let previous = try #require(parser.window(in: ["driftsvarsel 13.12 kl. 10:00"], published: utc("2024-01-03T14:40:00Z")))
        #expect(previous.start == utc("2023-12-13T09:00:00Z"))
        // Same year otherwise.
        let same = try #require(parser.window(in: ["torsdag 16.november kl. 18.00"], published: utc("2023-11-14T14:00:00Z")))
        #expect(same.start == utc("2023-11-16T17:00:00Z"))
    }

    @Test func yearlessDateWithoutPublicationCannotBePlaced() {
        #expect(parser.window(in: ["torsdag 16.november kl. 18.00 til kl. 22.00"], published: nil) == nil)
    }

    @Test func daysAlreadyOverAreReferencesNotTheWindow() throws {
        let window = try #require(
            parser.window(
                in: [
                    "Nedetid i Restanser API", "Viser til meldt driftsvarsel 13.12.23. om nedetid i Restanser API.",
                    "Viser til meldt driftsvarsel 13.12.23. Nedetiden starter om kort tid i dag 03.01.24.",
                ],
                published: utc("2024-01-03T14:40:00Z")))
        #expect(window.start == utc("2024-01-02T23:00:00Z"))
        #expect(window.end == utc("2024-01-03T23:00:00Z"))
    }

    @Test func titleLabelOfThePostDateYieldsToTheAnnouncedDay() throws {
        let window = try #require(
            parser.window(
                in: [
                    "Driftsmelding - 04.10.2023", "",
                    "vil være utilgjengelige torsdag 05.10.2023 i tidsrommet mellom kl. 18:00 og kl. 19.00.",
                ],
                published: utc("2023-10-04T11:45:00Z")))
        #expect(window.start == utc("2023-10-05T16:00:00Z"))
    }

    @Test func dayInTitleBorrowsTheHoursGivenForThatDayInTheSummary() throws {
        let window = try #require(
            parser.window(
                in: [
                    "Varsel om vedlikehold torsdag 15. juni 2023",
                    "Det utføres nødvendig vedlikehold torsdag 15.juni som medfører nedetid fra kl. 18.00 til kl. 19.00",
                ],
                published: utc("2023-06-12T00:00:00Z")))
        #expect(window.start == utc("2023-06-15T16:00:00Z"))
        #expect(window.end == utc("2023-06-15T17:00:00Z"))
    }

    @Test func dayInTitleBorrowsHoursFromATextWithoutDays() throws {
        let window = try #require(
            parser.window(
                in: ["Planlagt nedetid 20.April", "Vedlikeholdet skjer fra kl. 18.00 til kl. 19.00."],
                published: utc("2023-04-18T00:00:00Z")))
        #expect(window.start == utc("2023-04-20T16:00:00Z"))
        #expect(window.end == utc("2023-04-20T17:00:00Z"))
    }

    @Test func onlyTimesMeanThePublicationDay() throws {
        let window = try #require(
            parser.window(in: ["Utilgjengelig fra kl.18-20 i kveld"], published: utc("2021-03-08T16:00:00Z")))
        #expect(window.start == utc("2021-03-08T17:00:00Z"))
        #expect(window.end == utc("2021-03-08T19:00:00Z"))
    }

    @Test(arguments: [
        "Vedlikehold",
        "Det blir noen minutters nedetid, 5-20 minutter.",
        "Beregnet skatt versjon 2.1 og v1",  // versions are not dates
        "IP-range: 20.100.51.138 / 2a13:6200:1065:13d:f5:52a2:e633:8625",
        "kl. 25:00 den 32.13.2023",  // impossible values
        "Feilen ble rettet 1115",  // four digits without "kl" are not a time
        "fra 18.00 til 19.00",  // dotted times need "kl"
    ])
    func textWithoutDatesGivesNoWindow(_ text: String) {
        #expect(parser.window(in: [text], published: utc("2023-06-01T00:00:00Z")) == nil)
    }

    @Test func invalidCalendarDaysAreSkipped() {
        #expect(parser.window(in: ["31.02.2023"], published: nil) == nil)
        #expect(parser.window(in: ["29.02.2023"], published: nil) == nil)
        #expect(parser.window(in: ["29.02.2024"], published: nil) != nil)
    }
}
