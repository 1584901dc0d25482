public import VarselModel

/// Facts about a set of subscribers worth an operator's attention but not worth refusing the
/// file for.
public enum SubscriberWarnings {
    /// One line per vendor `acts_for` number that no municipality in the set has: allowed (the
    /// vendor then gets nothing extra for it), but probably a typo or a missing municipality.
    public static func warnings(for subscribers: [Subscriber]) -> [String] {
        let numbers = Set(subscribers.compactMap(\.municipalityNumber))
        var lines: [String] = []
        for subscriber in subscribers where subscriber.kind == .vendor {
            for number in subscriber.actsFor where !numbers.contains(number) {
                lines.append(
                    "vendor \"\(subscriber.id)\" acts for \(number), but no municipality subscriber has "
                        + "municipality_number \"\(number)\"; it gets nothing extra for it")
            }
        }
        return lines
    }
}
