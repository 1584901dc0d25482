import CCurl
import Foundation

/// What libcurl measured about a finished (or failed) transfer. Read on the curl thread before the
/// handle is released.
extension Transfer {
    func timings() -> CurlTimings {
        func seconds(_ info: CURLINFO) -> Double {
            var micros: curl_off_t = 0
            guard vv_easy_getinfo_off(easy, info, &micros) == CURLE_OK else { return 0 }
            return Double(micros) / 1_000_000
        }
        return CurlTimings(
            nameLookup: seconds(CURLINFO_NAMELOOKUP_TIME_T), connect: seconds(CURLINFO_CONNECT_TIME_T),
            appConnect: seconds(CURLINFO_APPCONNECT_TIME_T), startTransfer: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T))
    }

    func osErrno() -> Int {
        var value = 0
        return vv_easy_getinfo_long(easy, CURLINFO_OS_ERRNO, &value) == CURLE_OK ? value : 0
    }

    /// The leaf certificate's "Expire date:" from `CURLINFO_CERTINFO` (index 0 is the server's own
    /// certificate), or `nil` when no handshake happened on this transfer or the date is unreadable.
    func certificateExpiry() -> Date? {
        var raw: UnsafeMutableRawPointer?
        guard vv_easy_getinfo_ptr(easy, CURLINFO_CERTINFO, &raw) == CURLE_OK, let raw else { return nil }
        let info = raw.assumingMemoryBound(to: curl_certinfo.self).pointee
        guard info.num_of_certs > 0, let chain = info.certinfo else { return nil }
        let prefix = "Expire date:"
        var entry = chain[0]
        while let node = entry {
            if let data = node.pointee.data {
                let line = String(cString: data)
                if line.hasPrefix(prefix) { return CertificateDate.parse(String(line.dropFirst(prefix.count))) }
            }
            entry = node.pointee.next
        }
        return nil
    }
}
