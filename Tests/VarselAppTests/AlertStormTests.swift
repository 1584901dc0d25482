import Foundation
import NoticeStore
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// A source that suddenly brings many alerting changes (a redesign, a broken generator, every
/// entry rewritten on every poll) must not mail every municipality once per entry: the changes
/// are stored, KS support is told once per storm, and nobody else is told.
@Suite struct AlertStormTests {
    static let subscribers = """
        [[subscriber]]
        id = "oslo"
        kind = "municipality"
        name = "Oslo kommune"
        org_number = "974760673"
        municipality_number = "0301"
        apis = ["folkeregisteret"]
        [subscriber.webhook]
        url = "http://127.0.0.1:9/oslo"
        secret = "s"

        [[subscriber]]
        id = "ks"
        kind = "ks"
        name = "KS brukerstøtte"
        org_number = "971032146"
        [subscriber.webhook]
        url = "http://127.0.0.1:9/ks"
        secret = "k"
        """

    func deliveries(_ sandbox: Sandbox) async throws -> [DeliveryRecord] {
        try await sandbox.runtime.store.deliveries()
    }

    @Test func aStormIsStoredAndToldToKSOnceAndToNobodyElse() async throws {
        let sandbox = try Sandbox(extraFeedKeys: "storm_threshold = 10", subscribers: Self.subscribers)
        defer { sandbox.remove() }
        try sandbox.serve(LargePollTests.atom(3))
        _ = try await sandbox.poll()

        // 3 → 3 + 40 entries: 40 new notices, above the threshold of 10.
        try sandbox.serve(LargePollTests.atom(43))
        let first = try await sandbox.poll()
        let storm = try #require(first.storm)
        #expect(storm.changes == 40 && storm.tellKS)
        #expect(first.counts == [.new: 40], "every change is stored")
        let told = try await deliveries(sandbox)
        #expect(told.map(\.planned.subscriberID.rawValue) == ["ks"], "KS hears of it once, Oslo not at all")
        #expect(told.first?.planned.reason == "storm:40")
        let note = try #require(try await sandbox.runtime.store.routingNote(change: first.changes[0].id))
        // Oslo and KS (which follows everything) would have had it.
        #expect(note.contains("varselstorm: 40 varslingsverdige endringer") && note.contains("holdt tilbake fra 2 abonnenter"), "\(note)")
        #expect(try await sandbox.runtime.store.feedState(sandbox.feed.id)?.stormSince != nil)

        // The source rewrites every entry again: still a storm, KS already knows.
        try sandbox.serve(LargePollTests.atom(43, revision: 1))
        let second = try await sandbox.poll()
        #expect(second.storm?.tellKS == false)
        #expect(second.counts[.changed] == 43)
        #expect(try await deliveries(sandbox).count == 1, "no second alert to KS while the storm lasts")

        // A quiet poll ends the storm, and a quiet change reaches Oslo as usual.
        try sandbox.serve(LargePollTests.atom(44, revision: 1))
        let quiet = try await sandbox.poll()
        #expect(quiet.storm == nil && quiet.counts == [.new: 1])
        #expect(try await sandbox.runtime.store.feedState(sandbox.feed.id)?.stormSince == nil)
        #expect(Set(try await deliveries(sandbox).map(\.planned.subscriberID.rawValue)) == ["ks", "oslo"])

        // The next storm is a new one: KS is told again.
        try sandbox.serve(LargePollTests.atom(44, revision: 2))
        let next = try await sandbox.poll()
        #expect(next.storm?.tellKS == true)
        #expect(try await deliveries(sandbox).filter { $0.planned.reason.hasPrefix("storm:") }.count == 2)
    }

    @Test func changesUpToTheThresholdAreRoutedAsUsual() async throws {
        let sandbox = try Sandbox(extraFeedKeys: "storm_threshold = 10", subscribers: Self.subscribers)
        defer { sandbox.remove() }
        try sandbox.serve(LargePollTests.atom(3))
        _ = try await sandbox.poll()
        try sandbox.serve(LargePollTests.atom(13))
        let report = try await sandbox.poll()
        #expect(report.storm == nil && report.counts == [.new: 10])
        #expect(try await deliveries(sandbox).filter { $0.planned.subscriberID.rawValue == "oslo" }.count == 10)
    }
}
