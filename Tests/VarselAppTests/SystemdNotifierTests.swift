import Foundation
import Testing
import VarselApp

#if canImport(Glibc)
    import Glibc
#endif

/// sd_notify against a real unix datagram socket, as systemd listens on one.
@Suite struct SystemdNotifierTests {
    /// Binds a datagram socket at `path` and returns its descriptor.
    private func listen(at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func receive(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    @Test func readyAndStatusArriveAsOneDatagram() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString).sock").path
        let fd = try listen(at: path)
        defer {
            close(fd)
            unlink(path)
        }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.notify(["READY=1", "STATUS=polling 2 feeds"]))
        #expect(receive(fd) == "READY=1\nSTATUS=polling 2 feeds")
    }

    @Test func withoutNotifySocketNothingIsSent() {
        #expect(SystemdNotifier(environment: [:]).notify(["READY=1"]) == false)
        #expect(SystemdNotifier(socketPath: "").notify(["READY=1"]) == false)
    }

    @Test func unreachableSocketIsReportedNotFatal() {
        let notifier = SystemdNotifier(socketPath: "/nonexistent/varselvakt/notify.sock")
        #expect(notifier.notify(["READY=1"]) == false)
    }
}
