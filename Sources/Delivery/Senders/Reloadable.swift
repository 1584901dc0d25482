import Synchronization

/// A value the daemon replaces on SIGHUP (subscribers, templates) while senders read it.
/// Readers always see one whole value, old or new, never a mix.
public final class Reloadable<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    public init(_ value: Value) { storage = Mutex(value) }

    public var value: Value { storage.withLock { $0 } }

    public func replace(_ value: Value) { storage.withLock { $0 = value } }
}
