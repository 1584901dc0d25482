import Classify
import Foundation
import Testing
import VarselConfig
import VarselModel

/// The window forms of issue 10 (item 5), each with the publication date it is read against.
/// Oslo is UTC+1 in winter and UTC+2 in summer (from the last Sunday of March).
@Suite struct MaintenanceWindowFormsTests {
    let parser = NorwegianDateParser()

    struct Form: Sendable, CustomTestStringConvertible {
        let name: String
        let texts: [String]
        let published: String?
        /// Every window: (start, end) in UTC.
        let windows: [(String, String?)]
        var testDescription: String { name }
    }

    static let forms: [Form] = [
        Form(
            name: "a range across days without a year", texts: ["Vedlikehold fra 28.04 til 02.05"],
            published: "2025-04-20T10:00:00Z", windows: [("2025-04-27T22:00:00Z", "2025-05-02T22:00:00Z")]),
        Form(
            name: "a range across days with years", texts: ["Vedlikehold fra 28.04.2025 til 02.05.2025"], published: nil,
            windows: [("2025-04-27T22:00:00Z", "2025-05-02T22:00:00Z")]),
        Form(
            name: "a range across the new year without years", texts: ["Nedetid fra 30.12 til 02.01"],
            published: "2024-12-20T10:00:00Z", windows: [("2024-12-29T23:00:00Z", "2025-01-02T23:00:00Z")]),
        Form(
            name: "a weekday and date in early January published in late December is next year",
            texts: ["Vedlikehold torsdag 2. januar kl. 18:00"], published: "2024-12-28T09:00:00Z",
            windows: [("2025-01-02T17:00:00Z", nil)]),
        Form(
            name: "a weekday and date seven months ahead is this year", texts: ["Vedlikehold mandag 15.09 kl 18:00"],
            published: "2025-02-10T09:00:00Z", windows: [("2025-09-15T16:00:00Z", nil)]),
        Form(
            name: "i dag with hours is the publication day", texts: ["Vedlikehold i dag kl 18-22"],
            published: "2025-03-10T08:00:00Z", windows: [("2025-03-10T17:00:00Z", "2025-03-10T21:00:00Z")]),
        Form(
            name: "i kveld with hours to 24:00 ends at midnight", texts: ["I kveld fra kl 21:00 til 24:00 gjøres vedlikehold"],
            published: "2025-03-10T08:00:00Z", windows: [("2025-03-10T20:00:00Z", "2025-03-10T23:00:00Z")]),
        Form(
            name: "i kveld without hours is the publication day", texts: ["Vedlikehold ikveld"],
            published: "2025-03-10T08:00:00Z", windows: [("2025-03-09T23:00:00Z", "2025-03-10T23:00:00Z")]),
        Form(
            name: "i morgen is the day after publication", texts: ["Tjenesten tas ned i morgen fra kl. 16:00"],
            published: "2025-03-10T14:00:00Z", windows: [("2025-03-11T15:00:00Z", nil)]),
        Form(
            name: "i kveld followed by a date yields to the date", texts: ["I kveld, mandag 30.03.2020, fra kl 21:00 til ca 24:00"],
            published: "2020-03-30T10:00:00Z", windows: [("2020-03-30T19:00:00Z", "2020-03-30T22:00:00Z")]),
        Form(
            name: "kl 18-22", texts: ["Vedlikehold 12.03.2025 kl 18-22"], published: nil,
            windows: [("2025-03-12T17:00:00Z", "2025-03-12T21:00:00Z")]),
        Form(
            name: "dotted times with an en dash", texts: ["Vedlikehold 12.03.2025 kl. 18.00–22.00"], published: nil,
            windows: [("2025-03-12T17:00:00Z", "2025-03-12T21:00:00Z")]),
        Form(
            name: "mellom kl 09-10", texts: ["lørdag 15.03.2025 mellom kl 09-10"], published: nil,
            windows: [("2025-03-15T08:00:00Z", "2025-03-15T09:00:00Z")]),
        Form(
            name: "mellom 09-10 without kl", texts: ["Vedlikehold i TEST lørdag 14.11.2020 mellom 09-10."],
            published: "2020-11-13T07:59:00Z", windows: [("2020-11-14T08:00:00Z", "2020-11-14T09:00:00Z")]),
        Form(
            name: "four-digit times", texts: ["Vedlikehold 15.03.2025 kl 0900-1100"], published: nil,
            windows: [("2025-03-15T08:00:00Z", "2025-03-15T10:00:00Z")]),
        Form(
            name: "fra kl. 16:00 has no end", texts: ["onsdag 12.03.2025 fra kl. 16:00"], published: nil,
            windows: [("2025-03-12T15:00:00Z", nil)]),
        Form(
            name: "a postponement: the new day is the window",
            texts: [
                "Varslet arbeid utsatt til 29.02.2022",
                "Tidligere varslet arbeid som skulle skje 27. september er utsatt til vedlikeholdsvinduet torsdag 29. september fra klokka 18:00.",
            ], published: "2022-09-23T15:11:00Z", windows: [("2022-09-29T16:00:00Z", nil)]),
        Form(
            name: "a move: the new day is the window",
            texts: [
                "Vedlikehold",
                "Tidligere varslet arbeid torsdag 22. september har blitt flyttet til vedlikeholdsvinduet på tirsdag 27. september, fra klokka 18:00.",
            ], published: "2022-09-19T08:31:00Z", windows: [("2022-09-27T16:00:00Z", nil)]),
        Form(
            name: "a postponement by hours names the new day after the old",
            texts: [
                "Planlagt vedlikehold 20.11.2023",
                "Panlagt vedlikehold onsdag 22. november: Etter innspill fra konsumenter vil arbeidet utsettes i fire timer. Nedetid blir derfor 23.november kl 00:00 - 02:00.",
            ], published: "2023-11-20T10:05:00Z", windows: [("2023-11-22T23:00:00Z", "2023-11-23T01:00:00Z")]),
        Form(
            name: "a header pointing to another notice is no window; each listed day is",
            texts: [
                "Vedlikehold FREG perioder mars 2022",
                "ENDRET - se driftsvarsel fra 09.03.2022\n- Lørdag 12.03.2022 fra kl 08 og utover dagen.\n- Lørdag 26.03.2022 fra kl 08 og ca 2 timer etter.",
            ], published: "2022-03-03T10:15:00Z", windows: [("2022-03-12T07:00:00Z", nil), ("2022-03-26T07:00:00Z", nil)]),
        Form(
            name: "days in the title take the hours given for them in the text, in order",
            texts: [
                "Varsling vedlikehold mandag 25.11.2019 og tirsdag 26.11.2019",
                "Rettighetspakke offentlig tas 25.11.2019 etter kl 16:00. Finans og begrenset tas 26.11.2019 etter kl 16:00.",
            ], published: "2019-11-25T13:00:00Z", windows: [("2019-11-25T15:00:00Z", nil), ("2019-11-26T15:00:00Z", nil)]),
        Form(
            name: "a day repeated with and without hours is one window",
            texts: ["Vedlikehold 12.03.2025", "Vedlikehold 12.03.2025 kl 18-22."], published: "2025-03-05T09:00:00Z",
            windows: [("2025-03-12T17:00:00Z", "2025-03-12T21:00:00Z")]),
        Form(
            name: "several evenings in one notice are all kept",
            texts: ["Vedlikehold tirsdag 11.03 kl 18-20, onsdag 12.03 kl 18-20 og torsdag 13.03 kl 18-20"],
            published: "2025-03-05T09:00:00Z",
            windows: [
                ("2025-03-11T17:00:00Z", "2025-03-11T19:00:00Z"), ("2025-03-12T17:00:00Z", "2025-03-12T19:00:00Z"),
                ("2025-03-13T17:00:00Z", "2025-03-13T19:00:00Z"),
            ]),
        Form(
            name: "a slip of the month in the text yields to the title's day and keeps the text's hours",
            texts: [
                "Varsling vedlikehold torsdag 20.02.2020",
                "Torsdag 20.01.2020 kl 21-23 så gjøres det vedlikehold på databaser.",
            ], published: "2020-02-20T08:55:00Z", windows: [("2020-02-20T20:00:00Z", "2020-02-20T22:00:00Z")]),
    ]

    @Test(arguments: forms)
    func readsEveryWindowInTextOrder(_ form: Form) {
        let published = form.published.map(utc)
        let windows = parser.windows(in: form.texts, published: published)
        let expected = form.windows.map { MaintenanceWindow(start: utc($0.0), end: $0.1.map(utc)) }
        #expect(windows == expected)
        #expect(parser.window(in: form.texts, published: published) == expected.first)
    }

    @Test func textWithoutDaysOrTimesHasNoWindows() {
        #expect(parser.windows(in: ["Vedlikehold", "Vi ser på saken i dag."], published: nil).isEmpty)
        #expect(parser.windows(in: ["Det blir noen minutters nedetid, 5-20 minutter."], published: utc("2025-03-10T08:00:00Z")).isEmpty)
    }

    @Test func maintenanceNoticeWithTwoWindowsKeepsBoth() {
        let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)
        let classification = classifier.classify(
            ClassificationInput(
                title: "Varsling vedlikehold mandag 25.11.2019 og tirsdag 26.11.2019",
                contentText:
                    "Det må gjøres vedlikehold i perioden som påvirker Rettighetspakker. Rettighetspakke offentlig tas 25.11.2019 etter kl 16:00. Finans og begrenset tas 26.11.2019 etter kl 16:00.",
                published: utc("2019-11-25T13:00:00Z")))
        #expect(classification.kind == .maintenance)
        #expect(
            classification.maintenanceWindows == [
                MaintenanceWindow(start: utc("2019-11-25T15:00:00Z"), end: nil),
                MaintenanceWindow(start: utc("2019-11-26T15:00:00Z"), end: nil),
            ])
        #expect(classification.maintenanceWindow == classification.maintenanceWindows.first)
    }
}
