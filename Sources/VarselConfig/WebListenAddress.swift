/// Where the web server listens: `host:port`, an IPv6 host in brackets (`[::1]:8080`).
public struct WebListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host without brackets (`127.0.0.1`, `::1`, `localhost`, `0.0.0.0`).
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:8080`: reachable from this machine only.
    public static let defaultAddress = WebListenAddress(host: "127.0.0.1", port: 8080)

    /// Whether only this machine can connect: 127.0.0.0/8, ::1 or `localhost`. Anything else
    /// (0.0.0.0, ::, a host name, a LAN address) may be reached from the network.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// As written in the config: `host:port`, IPv6 in brackets.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Reads `host:port` / `[v6]:port`; the problem as one sentence otherwise.
    public static func parse(_ text: String) -> Result<WebListenAddress, ListenProblem> {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(.init("an IPv6 address must be closed by ]")) }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(.init("expected :port after ]")) }
            portText = rest.dropFirst()
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return .failure(.init("\"\(host)\" is not an IPv6 address"))
            }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(.init("expected host:port, e.g. \"127.0.0.1:8080\"")) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { return .failure(.init("an IPv6 address goes in brackets, e.g. \"[::1]:8080\"")) }
            let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            guard !host.isEmpty, allowed else { return .failure(.init("\"\(host)\" is not a host name or IPv4 address")) }
        }
        guard let port = Int(portText), (1...65535).contains(port) else {
            return .failure(.init("port \"\(portText)\" must be a number in 1...65535"))
        }
        return .success(WebListenAddress(host: String(host), port: port))
    }

    /// Why a `listen` value was not understood.
    public struct ListenProblem: Error, Hashable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
