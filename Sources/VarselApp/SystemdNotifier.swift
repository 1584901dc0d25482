public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the daemon is doing (`sd_notify(3)`): `READY=1` once the services run,
/// `STOPPING=1` on the way out, `STATUS=...` for `systemctl status`. With `Type=notify` in the unit,
/// `systemctl start` returns only once the configuration was loaded and the store opened.
///
/// Written here because no listed package does it; the protocol is one datagram with
/// newline-separated assignments to the unix socket named by `$NOTIFY_SOCKET` (a leading `@`
/// means Linux's abstract namespace). Outside systemd there is no socket and every call is a no-op.
public struct SystemdNotifier: Sendable {
    let socketPath: String?

    /// Reads `$NOTIFY_SOCKET` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(socketPath: environment["NOTIFY_SOCKET"])
    }

    public init(socketPath: String?) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sends `assignments` (e.g. `["READY=1", "STATUS=polling 2 feeds"]`) as one datagram.
    /// - Returns: whether it was sent; false without a socket or when sending failed (a daemon
    ///   must not stop because its supervisor is not listening).
    @discardableResult
    public func notify(_ assignments: [String]) -> Bool {
        guard let socketPath else { return false }
        let message = assignments.joined(separator: "\n")
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        let isAbstract = path.first == UInt8(ascii: "@")
        if isAbstract { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path)
        }
        let length = MemoryLayout<sa_family_t>.size + path.count + (isAbstract ? 0 : 1)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let sent = message.utf8CString.withUnsafeBufferPointer { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(fd, bytes.baseAddress, bytes.count - 1, Int32(MSG_NOSIGNAL), socketAddress, socklen_t(length))
                }
            }
        }
        return sent == message.utf8.count
    }
}
