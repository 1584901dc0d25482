import VarselModel

/// Due rows waiting to be sent, one FIFO per receiver, handed out round-robin while each
/// receiver stays under its concurrency limit. Keeps a slow webhook host from holding up mail.
struct ReceiverQueues {
    private struct Lane {
        var waiting: [AlertContext] = []
        var head = 0
        var inFlight = 0
        var hasWaiting: Bool { head < waiting.count }
    }

    private let perReceiver: Int
    private var lanes: [String: Lane] = [:]
    private var order: [String] = []
    private var cursor = 0
    /// Rows queued or in flight: a refill must not queue them again.
    private(set) var ids: Set<Int64> = []

    init(perReceiver: Int) { self.perReceiver = perReceiver }

    /// No row waits to be started (rows may still be in flight).
    var isEmpty: Bool { !lanes.values.contains { $0.hasWaiting } }

    mutating func add(_ context: AlertContext, receiver: String) {
        guard ids.insert(context.delivery.id).inserted else { return }
        if lanes[receiver] == nil {
            lanes[receiver] = Lane()
            order.append(receiver)
        }
        lanes[receiver]!.waiting.append(context)
    }

    /// The next row whose receiver has room, or nil.
    mutating func next() -> (AlertContext, String)? {
        guard !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let index = (cursor + step) % order.count
            let receiver = order[index]
            guard var lane = lanes[receiver], lane.hasWaiting, lane.inFlight < perReceiver else { continue }
            let context = lane.waiting[lane.head]
            lane.head += 1
            lane.inFlight += 1
            if lane.head == lane.waiting.count {
                lane.waiting.removeAll(keepingCapacity: true)
                lane.head = 0
            }
            lanes[receiver] = lane
            cursor = (index + 1) % order.count
            return (context, receiver)
        }
        return nil
    }

    mutating func finished(_ id: Int64, receiver: String) {
        ids.remove(id)
        guard var lane = lanes[receiver] else { return }
        lane.inFlight -= 1
        if lane.inFlight == 0 && !lane.hasWaiting {
            lanes[receiver] = nil
            order.removeAll { $0 == receiver }
            cursor = 0
        } else {
            lanes[receiver] = lane
        }
    }
}
