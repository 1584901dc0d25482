public import VarselModel

/// The pure routing stage: one change, the catalog and the subscribers in; the deliveries it
/// causes (one per subscriber and channel) and a line for history out.
///
/// Why pure: who was told, and why, must be explainable and testable without a store or a
/// network. The rules, in order:
/// * a change that does not alert (baseline, expired) goes to no one, and the note says why;
/// * a notice naming APIs goes to subscribers of those APIs, of services using them (catalog),
///   and of "all";
/// * a notice about Skatteetaten's services in general (scope `.all`) goes to every subscriber
///   that subscribes to anything;
/// * a notice naming no API we recognise goes to "all" subscribers and to KS support, and to KS
///   even when its kind filter would exclude it: KS is the safety net, so nothing is dropped;
/// * a notice naming a platform (Maskinporten, a catalog entry of kind platform) also goes to
///   the subscribers of every API that depends on it (`depends_on`), directly or through a
///   service, with reason "platform:<id>"; subscribers of the platform itself get it as an API;
/// * a subscription's kind filter (`kinds`, empty = every kind) applies to every rule above
///   except that safety net;
/// * a subscription's `minSeverity` holds back a change whose source states a lower severity,
///   through every rule except that safety net; a change without severity (feeds) always
///   passes. The note counts whom it held back;
/// * a subscription's `environments` holds back a change whose notice concerns an environment
///   the subscriber does not follow (`NoticeEnvironment.concerns`: a test notice does not reach
///   a municipality following production only; a "both" notice reaches everyone), through every
///   rule except that safety net: KS hears of an unrecognised test notice, but its own
///   subscriptions follow its environments. The note counts whom it held back;
/// * a vendor also gets what each municipality it acts for gets (that municipality's
///   subscription and kind filter, the stricter of the two severities, the vendor's own
///   environments), once per channel however many of them match.
///
/// Never fails. A change nobody matches yields no deliveries and a note that says so, naming the
/// APIs, so "routed to no one" is itself recorded.
///
/// Cost: `init` compiles the subscriptions into rule lists keyed by API (`RoutingTable`);
/// `route` walks only the rules filed under the change's APIs, sorts the matched subscribers'
/// indices (subscribers are pre-sorted by id), and hashes one idempotency key per delivery.
public struct Router: Sendable {
    let subscribers: [Target]
    private let table: RoutingTable

    /// A subscriber as routing needs it: identity plus, per channel, its recipients and the
    /// precomputed tail of its idempotency key.
    struct Target: Sendable {
        var id: SubscriberID
        var name: String
        var kind: SubscriberKind
        var channels: [(channel: DeliveryChannel, recipients: [String], keySuffix: [UInt8])]
    }

    /// Compiles the subscriptions. Unknown API or service ids in a subscription simply never
    /// match (the config loader is where they are reported). A vendor's `actsFor` number with no
    /// municipality subscriber of that number adds nothing.
    public init(catalog: Catalog, subscribers: [Subscriber]) {
        let sorted = subscribers.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element)
        self.subscribers = sorted.map { subscriber in
            Target(
                id: subscriber.id, name: subscriber.name, kind: subscriber.kind,
                channels: subscriber.channels.sorted().map { channel in
                    let recipients: [String] =
                        switch channel {
                        case .email: subscriber.emails
                        case .webhook: subscriber.webhook.map { [$0.url] } ?? []
                        }
                    return (channel, recipients, IdempotencyKey.suffix(subscriber: subscriber.id, channel: channel))
                })
        }
        table = RoutingTable(catalog: catalog, subscribers: sorted)
    }

    /// Pure: the deliveries one change causes, one per (subscriber, channel), and a note for history.
    ///
    /// Deliveries are ordered by subscriber id, then channel. Each carries the reason its
    /// subscriber matched (the best one, see `MatchCategory`) and an `IdempotencyKey`.
    public func route(_ change: ChangeRecord) -> RoutingOutcome {
        guard change.change.isAlerting else {
            return RoutingOutcome(deliveries: [], note: RoutingNote.notAlerting(change.change))
        }
        let unrecognised = change.scope == .unknown || (change.scope != .all && change.apis.isEmpty)

        // best[i]: index of the winning rule for subscriber i; -1 none yet; -2 (-3) none yet but
        // one was held back by its severity (environment) filter, whichever held it back first.
        // touched: who has a winning rule. A subscriber is counted as held back at most once.
        let rules = table.rules
        let severity = change.severity
        let environment = change.environment
        var best = [Int32](repeating: -1, count: subscribers.count)
        var touched: [Int32] = []
        var heldBackBySeverity = 0
        var heldBackByEnvironment = 0
        func consider(_ list: [Int32]) {
            for ruleIndex in list {
                let rule = rules[Int(ruleIndex)]
                guard rule.kinds.contains(change.kind) else { continue }
                let subscriber = Int(rule.subscriber)
                let current = best[subscriber]
                // Environment first: a subscriber that does not follow the environment at all is
                // held back by that, whatever its severity filter would say.
                if !rule.environments.contains(environment) {
                    if current == -1 {
                        best[subscriber] = -3
                        heldBackByEnvironment += 1
                    }
                    continue
                }
                if rule.filtersOut(severity) {
                    if current == -1 {
                        best[subscriber] = -2
                        heldBackBySeverity += 1
                    }
                    continue
                }
                if current < 0 {
                    if current == -2 { heldBackBySeverity -= 1 }
                    if current == -3 { heldBackByEnvironment -= 1 }
                    touched.append(rule.subscriber)
                } else if rules[Int(current)].rank <= rule.rank {
                    continue
                }
                best[subscriber] = ruleIndex
            }
        }
        if unrecognised {
            consider(table.unmatched)
        } else {
            consider(table.everything)
            if change.scope == .all { consider(table.anySubscription) }
        }
        for api in change.apis {
            if let list = table.byAPI[api] { consider(list) }
        }
        touched.sort()

        var deliveries: [PlannedDelivery] = []
        deliveries.reserveCapacity(touched.count * 2)
        var count = RoutingNote.Count()
        let keyPrefix = IdempotencyKey.prefix(changeID: change.id)
        for subscriber in touched {
            let target = subscribers[Int(subscriber)]
            let reason = rules[Int(best[Int(subscriber)])].reason
            count.subscribers += 1
            for channel in target.channels {
                count.add(channel.channel)
                deliveries.append(
                    PlannedDelivery(
                        changeID: change.id, noticeID: change.noticeID, subscriberID: target.id, subscriberName: target.name,
                        subscriberKind: target.kind, channel: channel.channel, recipients: channel.recipients,
                        reason: reason, idempotencyKey: IdempotencyKey.make(prefix: keyPrefix, suffix: channel.keySuffix)))
            }
        }
        let platforms = unrecognised ? [] : change.apis.compactMap { table.platformNames[$0] }
        return RoutingOutcome(
            deliveries: deliveries,
            note: RoutingNote.routed(
                count, change: change, unrecognised: unrecognised, platforms: platforms,
                heldBackBySeverity: heldBackBySeverity, heldBackByEnvironment: heldBackByEnvironment))
    }
}
