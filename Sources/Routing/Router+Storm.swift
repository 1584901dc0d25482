public import VarselModel

extension Router {
    /// Pure, as `route`: one change of a poll in an alert storm. Nobody gets it but KS support:
    /// every KS subscriber on every channel, for the poll's first alerting change only, and only
    /// when `storm.tellKS` (the storm's first poll); reason `storm:<changes>`. The note records
    /// whom the change would have reached, so history still answers "who was not told, and why".
    public func route(_ change: ChangeRecord, inStorm storm: AlertStorm) -> RoutingOutcome {
        guard change.change.isAlerting else { return route(change) }
        let wouldReach = Set(route(change).deliveries.map(\.subscriberID)).count
        var deliveries: [PlannedDelivery] = []
        if storm.tellKS && change.noticeID == storm.firstNotice {
            let keyPrefix = IdempotencyKey.prefix(changeID: change.id)
            for target in subscribers where target.kind == .ks {
                for channel in target.channels {
                    deliveries.append(
                        PlannedDelivery(
                            changeID: change.id, noticeID: change.noticeID, subscriberID: target.id,
                            subscriberName: target.name, subscriberKind: target.kind, channel: channel.channel,
                            recipients: channel.recipients, reason: "storm:\(storm.changes)",
                            idempotencyKey: IdempotencyKey.make(prefix: keyPrefix, suffix: channel.keySuffix)))
                }
            }
        }
        return RoutingOutcome(
            deliveries: deliveries, note: RoutingNote.storm(storm, wouldReach: wouldReach, toldKS: deliveries.count))
    }
}
