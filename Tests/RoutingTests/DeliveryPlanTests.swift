import Foundation
import Routing
import Testing
import VarselModel

/// What each planned delivery holds: channel, recipients, key, and the order they come in.
@Suite struct DeliveryPlanTests {
    @Test func subscriberWithEmailAndWebhookGetsTwoDeliveriesWithDifferentKeys() throws {
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.oslo])
        let outcome = router.route(change(id: 7, kind: .incident, apis: ["summertskattegrunnlag"]))
        try #require(outcome.deliveries.count == 2)
        let (email, webhook) = (outcome.deliveries[0], outcome.deliveries[1])
        #expect(email.channel == .email)
        #expect(email.recipients == ["drift@oslo.example", "it@oslo.example"])
        #expect(webhook.channel == .webhook)
        #expect(webhook.recipients == ["https://hooks.oslo.example/varsel"])
        #expect(email.idempotencyKey != webhook.idempotencyKey)
        #expect(email.idempotencyKey == IdempotencyKey.make(changeID: 7, subscriber: Subscribers.oslo.id, channel: .email))
        #expect(webhook.idempotencyKey == IdempotencyKey.make(changeID: 7, subscriber: Subscribers.oslo.id, channel: .webhook))
        #expect(email.subscriberName == "Oslo kommune")
        #expect(email.subscriberKind == .municipality)
        #expect(outcome.note == "1 abonnent, 2 leveranser (e-post 1, webhook 1)")
    }

    @Test func deliveriesAreOrderedBySubscriberIDThenChannelWhateverTheInputOrder() {
        let general = change(kind: .incident, apis: [], scope: .all)
        let forward = Router(catalog: realCatalog, subscribers: Subscribers.all).route(general)
        let backward = Router(catalog: realCatalog, subscribers: Subscribers.all.reversed()).route(general)
        #expect(forward == backward)
        let order = forward.deliveries.map { "\($0.subscriberID)/\($0.channel)" }
        #expect(
            order == [
                "0301-oslo/email", "0301-oslo/webhook", "3301-drammen/email", "4601-bergen/email", "5001-trondheim/email",
                "ks-support/email", "vendor-acme/email", "vendor-acme/webhook",
            ])
    }

    @Test func routingTheSameChangeTwiceGivesTheSameOutcome() {
        let router = Router(catalog: realCatalog, subscribers: Subscribers.all)
        let record = change(id: 99, kind: .maintenance, apis: ["summertskattegrunnlag", "inntekt"])
        #expect(router.route(record) == router.route(record))
    }

    @Test func thousandSubscribersGetOneDeliveryPerChannelWithUniqueKeys() {
        let subscribers = (0..<1000).map { index in
            Subscriber(
                id: SubscriberID("k\(index)"), kind: .municipality, name: "Kommune \(index)", orgNumber: "000000000",
                municipalityNumber: String(format: "%04d", index), emails: ["drift@k\(index).example"],
                webhook: index.isMultiple(of: 2)
                    ? WebhookTarget(url: "https://k\(index).example/hook", secret: Secret("s")) : nil,
                subscription: Subscription(services: ["foreldrebetaling"]))
        }
        let outcome = Router(catalog: realCatalog, subscribers: subscribers).route(
            change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(outcome.deliveries.count == 1500)
        #expect(Set(outcome.deliveries.map(\.idempotencyKey)).count == 1500)
        #expect(outcome.note == "1000 abonnenter, 1500 leveranser (e-post 1000, webhook 500)")
    }
}
