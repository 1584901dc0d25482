import Foundation
import Routing
import Testing
import VarselModel

/// In an alert storm only KS support is told, once, on the poll's first alerting change; the
/// note still says whom each change would have reached.
@Suite struct StormRoutingTests {
    let router = Router(catalog: realCatalog, subscribers: Subscribers.all)

    func storm(tellKS: Bool = true) -> AlertStorm {
        AlertStorm(changes: 120, threshold: 25, firstNotice: NoticeID("notice-5"), tellKS: tellKS)
    }

    @Test func theFirstChangeOfAStormGoesToKSOnlyOnEveryKSChannel() {
        let record = change(id: 5, kind: .incident, apis: ["inntekt"], scope: .all)
        let usual = router.route(record)
        let outcome = router.route(record, inStorm: storm())
        #expect(outcome.deliveries.map(\.subscriberID.rawValue) == ["ks-support"])
        #expect(outcome.deliveries.allSatisfy { $0.reason == "storm:120" && $0.subscriberKind == .ks })
        #expect(
            outcome.deliveries.map(\.idempotencyKey)
                == usual.deliveries.filter { $0.subscriberKind == .ks }.map(\.idempotencyKey))
        let reached = Set(usual.deliveries.map(\.subscriberID)).count
        #expect(outcome.note.hasPrefix("varselstorm: 120 varslingsverdige endringer i én henting (grensen er 25)"))
        #expect(outcome.note.contains("holdt tilbake fra \(reached) abonnenter; KS varslet (1 leveranse)"))
    }

    @Test func theOtherChangesOfAStormGoToNobody() {
        let outcome = router.route(change(id: 6, kind: .incident, apis: ["inntekt"]), inStorm: storm())
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note.hasSuffix("KS varsles på stormens første endring"))
    }

    @Test func aStormKSAlreadyKnowsOfGoesToNobodyAtAll() {
        let outcome = router.route(change(id: 5, kind: .incident, apis: ["inntekt"]), inStorm: storm(tellKS: false))
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note.hasSuffix("KS er alt varslet om stormen"))
    }

    @Test func aChangeThatDoesNotAlertIsNotPartOfTheStorm() {
        let record = change(id: 5, .baseline, kind: .incident, apis: ["inntekt"])
        #expect(router.route(record, inStorm: storm()) == router.route(record))
    }
}
