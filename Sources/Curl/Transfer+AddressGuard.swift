import CCurl

#if canImport(Glibc)
    import Glibc
#endif

/// The connect-time half of ``CurlRequest/addressFilter`` (the webhook SSRF guard).
///
/// Two callbacks, because each alone leaves a gap:
/// - `CURLOPT_OPENSOCKETFUNCTION` sees every address curl resolved before it connects, so a
///   refused address is never even sent a SYN (nor a TLS ClientHello). It is not called when
///   curl reuses a connection from the shared cache.
/// - `CURLOPT_PREREQFUNCTION` runs after connecting or picking a cached connection, before the
///   request is sent, with the connection's address; it catches a connection that another,
///   unfiltered transfer (a feed poll, a probe) left open to the same host and port.
extension Transfer {
    func configureAddressGuard() throws(CurlError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(vv_easy_setopt_ptr(easy, CURLOPT_OPENSOCKETDATA, me), "CURLOPT_OPENSOCKETDATA")
        try check(
            vv_easy_setopt_opensocketcb(easy, CURLOPT_OPENSOCKETFUNCTION) { context, _, address in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                guard let address else { return CURL_SOCKET_BAD }
                var bytes = [UInt8](repeating: 0, count: 16)
                let count = Int(vv_sockaddr_bytes(address, &bytes))
                guard transfer.admits(Array(bytes.prefix(count)), shown: nil) else { return CURL_SOCKET_BAD }
                transfer.admittedAnAddress = true
                return vv_open_socket(address)
            }, "CURLOPT_OPENSOCKETFUNCTION")
        try check(vv_easy_setopt_ptr(easy, CURLOPT_PREREQDATA, me), "CURLOPT_PREREQDATA")
        try check(
            vv_easy_setopt_prereqcb(easy, CURLOPT_PREREQFUNCTION) { context, primaryIP, _, _, _ in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                guard let primaryIP else {
                    transfer.addressRefusal = transfer.addressRefusal ?? ("?", "an address that cannot be judged")
                    transfer.refusedBeforeSending = true
                    return Int32(CURL_PREREQFUNC_ABORT)
                }
                var bytes = [UInt8](repeating: 0, count: 16)
                let count = Int(vv_address_bytes(primaryIP, &bytes))
                let admitted = transfer.admits(Array(bytes.prefix(count)), shown: String(cString: primaryIP))
                if !admitted { transfer.refusedBeforeSending = true }
                return Int32(admitted ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT)
            }, "CURLOPT_PREREQFUNCTION")
    }

    /// Asks the filter about `bytes` (4 or 16; anything else is refused: an address that cannot
    /// be judged is not trusted) and remembers the first refusal for the error.
    private func admits(_ bytes: [UInt8], shown: String?) -> Bool {
        guard let filter = addressFilter else { return true }
        let reason = bytes.isEmpty ? "an address of an unknown family" : filter(bytes)
        guard let reason else { return true }
        if addressRefusal == nil {
            addressRefusal = (shown ?? Self.text(of: bytes), reason)
        }
        return false
    }

    /// `inet_ntop` text of 4 or 16 address bytes.
    private static func text(of bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "?" }
        var text = [CChar](repeating: 0, count: 64)
        guard inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, bytes, &text, socklen_t(text.count)) != nil else { return "?" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
