import Compose
import Foundation
import TestSupport
import Testing
import VarselModel

/// The webhook body: schema "varselvakt.alert/v1", as docs/webhooks.md documents it.
@Suite struct WebhookBodyTests {
    let composer: Composer

    init() throws {
        composer = try Composer(templatesDirectory: AlertFixtures.templates)
    }

    func json(_ context: AlertContext) throws -> [String: Any] {
        let body = try composer.webhookBody(for: context)
        return try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func bodyHasTheDocumentedKeysAndSchema() throws {
        let body = try json(AlertFixtures.maintenance())
        #expect(Set(body.keys) == ["schema", "event", "idempotency_key", "delivery_id", "subscriber", "change", "notice", "version"])
        #expect(body["schema"] as? String == "varselvakt.alert/v1")
        #expect(body["event"] as? String == "notice.new")
        #expect(body["delivery_id"] as? Int == 7042)
        let subscriber = try #require(body["subscriber"] as? [String: Any])
        #expect(subscriber["id"] as? String == "974760673")
        #expect(subscriber["name"] as? String == "Oslo kommune")
        #expect(subscriber["kind"] as? String == "municipality")
        let change = try #require(body["change"] as? [String: Any])
        #expect(change["type"] as? String == "new")
        #expect(change["at"] as? String == "2023-11-14T14:05:00Z")
        let notice = try #require(body["notice"] as? [String: Any])
        #expect(notice["kind"] as? String == "maintenance")
        #expect(notice["scope"] as? String == "all")
        #expect(notice["status"] as? String == "active")
        #expect(notice["title"] as? String == "Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 22.00")
        let window = try #require(notice["maintenance_window"] as? [String: Any])
        #expect(window["start"] as? String == "2023-11-16T17:00:00Z")
        #expect(window["end"] as? String == "2023-11-16T21:00:00Z")
        let version = try #require(body["version"] as? [String: Any])
        #expect(version["seq"] as? Int == 1)
        #expect((version["html"] as? String)?.hasPrefix("<p>Som følge av") == true)
    }

    @Test func changedBodyCarriesBothVersions() throws {
        let body = try json(
            AlertFixtures.context(
                entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
                kind: .resolved, apis: ["folkeregisteret"]))
        #expect(body["event"] as? String == "notice.changed")
        let version = try #require(body["version"] as? [String: Any])
        let previous = try #require(body["previous_version"] as? [String: Any])
        #expect(version["seq"] as? Int == 2)
        #expect(previous["seq"] as? Int == 1)
        #expect(version["title"] as? String == "Manglende oppdatering av rettighetspakke - LØST")
        #expect(previous["title"] as? String == "Manglende oppdatering av rettighetspakke")
        #expect(version["html"] == nil)
        #expect((body["notice"] as? [String: Any])?["apis"] as? [String] == ["folkeregisteret"])
    }

    @Test func withdrawnBodyHasNoVersionAndCancellationNamesItsTarget() throws {
        let withdrawn = try json(AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: .withdrawn))
        #expect(withdrawn["event"] as? String == "notice.withdrawn")
        #expect(withdrawn["version"] == nil)
        #expect((withdrawn["notice"] as? [String: Any])?["status"] as? String == "withdrawn")
        var context = AlertFixtures.context(
            entry: AlertFixtures.cancellationEntry, kind: .cancelled, cancelledTitle: "Varsel om vedlikehold torsdag 15. juni 2023")
        context.notice.cancelsNoticeID = NoticeID("https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/06/12/Vedlikehold")
        let notice = try #require(try json(context)["notice"] as? [String: Any])
        #expect(notice["cancels_notice_id"] as? String == "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/06/12/Vedlikehold")
        #expect(notice["cancels_title"] as? String == "Varsel om vedlikehold torsdag 15. juni 2023")
        let unparsed = try #require(try json(AlertFixtures.maintenance(window: nil))["notice"] as? [String: Any])
        #expect(unparsed["unparsed_window"] as? String == "torsdag 16.november")
        #expect(unparsed["maintenance_window"] == nil)
    }

    @Test func bodyIsByteStableWithSortedKeys() throws {
        let context = AlertFixtures.maintenance()
        let a = try composer.webhookBody(for: context)
        let b = try composer.webhookBody(for: context)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.hasPrefix("{\"change\":{\"at\":"))
        #expect(text.contains("\"link\":\"https://skatteetaten.github.io/api-dokumentasjon/"))
    }

    /// The example in docs/webhooks.md has exactly the keys a real body has, at every level.
    @Test func documentedExampleMatchesARealBody() throws {
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/webhooks.md"), encoding: .utf8)
        let afterFence = try #require(doc.components(separatedBy: "```json\n").dropFirst().first)
        let example = try #require(afterFence.components(separatedBy: "\n```").first)
        let documented = try #require(try JSONSerialization.jsonObject(with: Data(example.utf8)) as? [String: Any])
        var context = AlertFixtures.context(
            entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
            kind: .maintenance, apis: ["folkeregisteret"])
        context.version?.entry.contentHTML = "<p>STATUS: LØST</p>"
        context.previousVersion?.entry.contentHTML = "<p>x</p>"
        context.version?.entry.published = AlertFixtures.date("2018-10-18T00:00:00Z")
        context.notice.entry.published = AlertFixtures.date("2018-10-18T00:00:00Z")
        context.notice.classification.maintenanceWindow = MaintenanceWindow(
            start: AlertFixtures.date("2018-10-18T16:00:00Z"), end: AlertFixtures.date("2018-10-18T17:00:00Z"))
        let real = try json(context)
        #expect(keyPaths(documented) == keyPaths(real))
        #expect(documented["schema"] as? String == "varselvakt.alert/v1")
    }

    private func keyPaths(_ object: Any, prefix: String = "") -> Set<String> {
        guard let dictionary = object as? [String: Any] else { return [] }
        var paths: Set<String> = []
        for (key, value) in dictionary {
            paths.insert(prefix + key)
            paths.formUnion(keyPaths(value, prefix: prefix + key + "."))
        }
        return paths
    }
}
