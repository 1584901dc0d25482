import History
import Foundation
import Testing
import VarselApp
import VarselModel

/// The JSON contract gains `environment` (notice and change), `maintenance_windows` (notice) and
/// `environments` (subscriber); existing keys stay as they were.
@Suite struct EnvironmentOutputTests {
    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private static let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func notice(_ classification: Classification) -> NoticeRecord {
        NoticeRecord(
            id: NoticeID("n1"), feedID: FeedID("api"), entry: FeedEntry(id: "n1", title: "Vedlikehold i test"), aliases: [],
            classification: classification, status: .active, firstSeenAt: Self.start, lastChangedAt: Self.start,
            versionCount: 1)
    }

    @Test func noticeJSONCarriesEnvironmentAndEveryMaintenanceWindow() throws {
        let windows = [
            MaintenanceWindow(start: Self.start, end: Self.start.addingTimeInterval(3600)),
            MaintenanceWindow(start: Self.start.addingTimeInterval(86_400), end: nil),
        ]
        let json = try object(
            OutputJSON.encode(
                NoticeJSON(
                    notice(
                        Classification(
                            kind: .maintenance, apis: ["inntekt"], scope: .apis, environment: .test,
                            maintenanceWindows: windows)))))
        #expect(json["environment"] as? String == "test")
        let listed = try #require(json["maintenance_windows"] as? [[String: Any]])
        #expect(listed.map { $0["start"] as? String } == windows.map { OutputDate.iso($0.start) })
        #expect(listed[0]["end"] as? String == OutputDate.iso(windows[0].end!))
        #expect(listed[1].keys.contains("end") && listed[1]["end"] is NSNull)
        // The single window stays, equal to the first.
        let first = try #require(json["maintenance_window"] as? [String: Any])
        #expect(first["start"] as? String == OutputDate.iso(Self.start))
        #expect(json["unrecognised_apis"] as? [String] == [])
    }

    @Test func noticeWithoutWindowsHasAnEmptyListAndProductionByDefault() throws {
        let json = try object(OutputJSON.encode(NoticeJSON(notice(Classification(kind: .incident, apis: [], scope: .all)))))
        #expect(json["environment"] as? String == "production")
        #expect(json["maintenance_windows"] as? [Any] != nil && (json["maintenance_windows"] as? [Any])?.isEmpty == true)
        #expect(json["maintenance_window"] is NSNull)
    }

    @Test func changeJSONCarriesEnvironment() throws {
        let change = ChangeRecord(
            id: 7, noticeID: NoticeID("n1"), feedID: FeedID("api"), change: .new, at: Self.start, title: "T", kind: .incident,
            apis: [], scope: .all, versionSeq: 1, previousVersionSeq: nil, environment: .both)
        let json = try object(OutputJSON.encode(ChangeJSON(change)))
        #expect(json["environment"] as? String == "both")
        #expect(json["notice_id"] as? String == "n1" && json["change"] as? String == "new")
    }

    @Test func subscriberJSONAndTextShowEnvironments() throws {
        let vendor = Subscriber(
            id: SubscriberID("acme"), kind: .vendor, name: "Acme AS", orgNumber: "912345688", emails: ["vakt@acme.example"],
            subscription: Subscription(apis: ["inntekt"], environments: SubscriberKind.vendor.defaultEnvironments))
        let json = try object(OutputJSON.encode(SubscriberJSON(vendor)))
        #expect(json["environments"] as? [String] == ["production", "test"])
        #expect(
            SubscriberJSON.describe(vendor.subscription, actsFor: []) == "apis: inntekt; environments: production, test")
        #expect(
            SubscriberJSON.describe(Subscription(everything: true), actsFor: ["0301"])
                == "all; environments: production; for: 0301")
    }
}
