import Foundation
import Routing
import TestSupport
import Testing
import VarselModel

/// Real notices from the fixture feeds, parsed and classified as the daemon does, routed to the
/// realistic subscriber set in `Subscribers`: exactly who is told, and why.
@Suite struct RealNoticeRoutingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var title: String
        var feed: URL = Fixtures.atom
        var feedAPIs: [String] = []
        /// Classification the routing expectation rests on (checked first, so a classifier change
        /// shows up as such, not as a routing bug).
        var kind: NoticeKind
        var apis: [String]
        var scope: NoticeScope
        /// "subscriber reason", ordered by subscriber id.
        var expected: [String]
        var testDescription: String { title }
    }

    static let cases: [Case] = [
        // Summert skattegrunnlag (maintenance): Oslo via foreldrebetaling, Bergen via boligsosial
        // (maintenance passes its filter), the vendor via Oslo (0301 sorts before 4601).
        Case(
            title: "Varsel om vedlikehold torsdag 15. juni 2023", kind: .maintenance,
            apis: ["skattemelding", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis,
            expected: [
                "0301-oslo service:foreldrebetaling", "4601-bergen service:boligsosial", "ks-support all",
                "vendor-acme for:0301",
            ]),
        // Its cancellation routes like any notice via its APIs, and Bergen's filter (incident,
        // maintenance) lets it through: who was warned of the maintenance hears it is off.
        Case(
            title: "Utgår - Varsel om vedlikehold torsdag 15. juni 2023", kind: .cancelled,
            apis: ["skattemelding", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis,
            expected: [
                "0301-oslo service:foreldrebetaling", "4601-bergen service:boligsosial", "ks-support all",
                "vendor-acme for:0301",
            ]),
        // A skatteoppgjør change: Summert skattegrunnlag among four APIs.
        Case(
            title: "Sanering av inntektsår 2016 på enkelte skatteoppgjørtjenester", kind: .change,
            apis: ["beregnetskatt", "pgi", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis,
            expected: ["0301-oslo service:foreldrebetaling", "ks-support all", "vendor-acme for:0301"]),
        // Inntekt (a change): only Bergen uses Inntekt (boligsosial), but it filters on incidents
        // and maintenance, and so does the vendor acting for it.
        Case(
            title: "Årsrevisjon – Endring i Inntekt API fra 2024", kind: .change, apis: ["inntekt"], scope: .apis,
            expected: ["ks-support all"]),
        // Restanser downtime happening now.
        Case(
            title: "Nedetid i Restanser API er i gang", kind: .incident, apis: ["restanser"], scope: .apis,
            expected: ["3301-drammen api:restanser", "ks-support all"]),
        // Folkeregisteret's feed: no categories; the feed is about Folkeregisteret.
        Case(
            title: "Driftsmelding - Driftsproblemer 14.08", feed: Fixtures.folkeregisteret("2024-08-15-1029"),
            feedAPIs: ["folkeregisteret"], kind: .incident, apis: ["folkeregisteret"], scope: .apis,
            expected: ["5001-trondheim api:folkeregisteret", "ks-support all"]),
        // Names no API: it concerns everyone who uses the APIs (issue 10), through each filter.
        Case(
            title: "Planlagt nedetid 27.April", kind: .maintenance, apis: [], scope: .all,
            expected: [
                "0301-oslo scope:all", "3301-drammen scope:all", "4601-bergen scope:all", "5001-trondheim scope:all",
                "ks-support all", "vendor-acme for:0301",
            ]),
        // Skatteetaten's services in general: everyone with a subscription (Bergen: an incident).
        Case(
            title: "Vi har driftsproblemer på en rekke av Skatteetatens systemer - 08.11.2023", kind: .incident, apis: [],
            scope: .all,
            expected: [
                "0301-oslo scope:all", "3301-drammen scope:all", "4601-bergen scope:all", "5001-trondheim scope:all",
                "ks-support all", "vendor-acme for:0301",
            ]),
        // General, but naming APIs as examples: a named match is the more precise reason; Bergen
        // filters out changes.
        Case(
            title: "Skatteetaten får nye URL'er til eksterne api'er", kind: .change,
            apis: ["beregnetskatt", "inntekt", "summertskattegrunnlag"], scope: .all,
            expected: [
                "0301-oslo service:foreldrebetaling", "3301-drammen scope:all", "5001-trondheim scope:all", "ks-support all",
                "vendor-acme for:0301",
            ]),
    ]

    @Test(arguments: cases)
    func realNoticeReachesExactlyTheSubscribersWhoseSubscriptionMatches(_ testCase: Case) throws {
        let (change, classification) = try RealNotices.change(testCase.title, feed: testCase.feed, feedAPIs: testCase.feedAPIs)
        #expect(classification.kind == testCase.kind)
        #expect(classification.apis == testCase.apis)
        #expect(classification.scope == testCase.scope)

        let outcome = Router(catalog: realCatalog, subscribers: Subscribers.all).route(change)
        #expect(outcome.reasons == testCase.expected)
        // One delivery per configured channel of each matched subscriber, nothing else.
        let byID = Dictionary(uniqueKeysWithValues: Subscribers.all.map { ($0.id, $0) })
        let expectedCount = testCase.expected.reduce(0) { sum, line in
            sum + (byID[SubscriberID(String(line.prefix { $0 != " " }))]?.channels.count ?? 0)
        }
        #expect(outcome.deliveries.count == expectedCount)
        #expect(outcome.deliveries.allSatisfy { $0.changeID == change.id && $0.noticeID == change.noticeID })
    }

    @Test func realRestanserIncidentNoteCountsSubscribersAndChannels() throws {
        let (change, _) = try RealNotices.change("Nedetid i Restanser API er i gang")
        let outcome = Router(catalog: realCatalog, subscribers: Subscribers.all).route(change)
        #expect(outcome.note == "2 abonnenter, 2 leveranser (e-post 2)")
    }

    @Test func realGeneralIncidentNoteCountsEveryChannel() throws {
        let (change, _) = try RealNotices.change("Vi har driftsproblemer på en rekke av Skatteetatens systemer - 08.11.2023")
        let outcome = Router(catalog: realCatalog, subscribers: Subscribers.all).route(change)
        // Oslo and the vendor have e-mail and webhook; the other four e-mail only.
        #expect(outcome.note == "6 abonnenter, 8 leveranser (e-post 6, webhook 2)")
    }

    @Test func unrecognisedNoticeNoteSaysNoAPIWasRecognised() throws {
        // A real notice as if it had named an API the catalog lacks ("Skattekort API"): scope unknown.
        var (change, _) = try RealNotices.change("Planlagt nedetid 27.April")
        change.scope = .unknown
        change.apis = []
        let outcome = Router(catalog: realCatalog, subscribers: Subscribers.all).route(change)
        #expect(outcome.note == "ingen API gjenkjent: 1 abonnent, 1 leveranse (e-post 1)")
    }
}
