/// Operator actions as people read them (Norwegian bokmål), for the timeline and the pages.
public enum OperatorActionText {
    /// "delivery:12" → "leveranse 12", "silence:3" → "stilletid 3"; anything else as stored.
    public static func target(_ target: String) -> String {
        let parts = target.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return target }
        switch parts[0] {
        case "delivery": return "leveranse \(parts[1])"
        case "silence": return "stilletid \(parts[1])"
        default: return target
        }
    }
}
