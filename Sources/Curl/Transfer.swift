import CCurl
import Synchronization

/// One easy handle plus everything libcurl points into while it runs (body buffer, header list,
/// error buffer, upload cursor) and the continuation of the task waiting for it.
///
/// Hand-off rule (why `@unchecked Sendable` is sound): the caller builds it and stores the
/// continuation, then enqueues it; from then on only the curl thread touches the handle and the
/// buffers. Only ``isCancelled`` (an atomic) is touched from other threads. The result crosses back
/// as a Sendable ``CurlResponse`` or ``CurlError``.
final class Transfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let url: String
    let maxResponseBytes: Int
    /// A body over the limit ends the transfer with what fits, instead of failing.
    let truncateBody: Bool
    let captureCertificate: Bool
    /// ``CurlRequest/addressFilter``; `nil` connects anywhere.
    let addressFilter: (@Sendable ([UInt8]) -> String?)?
    /// The first address the filter refused and why. Curl thread only, like the two flags below.
    var addressRefusal: (address: String, reason: String)?
    /// Whether the filter let a socket open: a later connect failure is then the network's
    /// doing (retryable), not the filter's, even if another address of the host was refused.
    var admittedAnAddress = false
    /// Whether the check before sending refused the connection (`CURLE_ABORTED_BY_CALLBACK`).
    var refusedBeforeSending = false
    let isCancelled = Atomic<Bool>(false)
    var continuation: CheckedContinuation<CurlResponse, any Error>?

    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// `CURLOPT_MAIL_RCPT`; set by `configureMail`, freed with the transfer.
    var recipientList: UnsafeMutablePointer<curl_slist>?
    /// Whether this is an SMTP submission (errors then carry the server's reply code).
    let isMail: Bool
    private let errorBuffer: UnsafeMutablePointer<CChar>
    fileprivate var body: [UInt8] = []
    fileprivate var exceededLimit = false
    fileprivate var truncated = false
    let upload: [UInt8]
    fileprivate var uploadOffset = 0

    /// Creates and configures the easy handle; throws `.invalidRequest` when curl rejects an option.
    init(_ request: CurlRequest) throws(CurlError) {
        guard let easy = curl_easy_init() else {
            throw .invalidRequest(url: request.url, reason: "curl_easy_init failed")
        }
        self.easy = easy
        self.url = request.url
        self.maxResponseBytes = max(0, request.maxResponseBytes)
        self.truncateBody = request.truncateBody
        self.captureCertificate = request.captureCertificate
        self.addressFilter = request.addressFilter
        self.upload = request.body
        self.isMail = request.mail != nil
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(request)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        curl_slist_free_all(recipientList)
        errorBuffer.deallocate()
    }

    // MARK: - Setup

    private func configure(_ request: CurlRequest) throws(CurlError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(vv_easy_setopt_ptr(easy, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(vv_easy_setopt_str(easy, CURLOPT_URL, request.url), "CURLOPT_URL")
        // Signals and threads do not mix: without this, a DNS timeout uses SIGALRM.
        try check(vv_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        // An envelope must never be sent anywhere but a mail server.
        let protocols = request.mail == nil ? request.allowedProtocols : "smtp,smtps"
        try check(vv_easy_setopt_str(easy, CURLOPT_PROTOCOLS_STR, protocols), "CURLOPT_PROTOCOLS_STR")
        try check(
            vv_easy_setopt_str(easy, CURLOPT_REDIR_PROTOCOLS_STR, request.allowedRedirectProtocols ?? protocols),
            "CURLOPT_REDIR_PROTOCOLS_STR")
        try check(vv_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0), "CURLOPT_FOLLOWLOCATION")
        try check(vv_easy_setopt_long(easy, CURLOPT_MAXREDIRS, max(0, request.maxRedirects)), "CURLOPT_MAXREDIRS")
        try check(
            vv_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)),
            "CURLOPT_CONNECTTIMEOUT_MS")
        try check(vv_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout)), "CURLOPT_TIMEOUT_MS")
        // Refuse an announced oversize body before reading any of it; the write callback below
        // enforces the same limit on the decoded bytes as they arrive.
        if !truncateBody {
            try check(
                vv_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)), "CURLOPT_MAXFILESIZE_LARGE")
        }
        if let caFile = request.caFile {
            try check(vv_easy_setopt_str(easy, CURLOPT_CAINFO, caFile), "CURLOPT_CAINFO")
        }
        if request.freshConnection {
            try check(vv_easy_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1), "CURLOPT_FRESH_CONNECT")
            try check(vv_easy_setopt_long(easy, CURLOPT_FORBID_REUSE, 1), "CURLOPT_FORBID_REUSE")
        }
        if captureCertificate {
            try check(vv_easy_setopt_long(easy, CURLOPT_CERTINFO, 1), "CURLOPT_CERTINFO")
        }
        if let encoding = request.acceptEncoding {
            try check(vv_easy_setopt_str(easy, CURLOPT_ACCEPT_ENCODING, encoding), "CURLOPT_ACCEPT_ENCODING")
        }
        if let agent = request.userAgent {
            try check(vv_easy_setopt_str(easy, CURLOPT_USERAGENT, agent), "CURLOPT_USERAGENT")
        }
        try configureHeaders(request)
        if addressFilter != nil { try configureAddressGuard() }
        if let mail = request.mail {
            try configureMail(mail)
        } else {
            try configureMethod(request.method)
        }

        try check(vv_easy_setopt_ptr(easy, CURLOPT_WRITEDATA, me), "CURLOPT_WRITEDATA")
        try check(
            vv_easy_setopt_datacb(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                return transfer.receive(data, size * count)
            }, "CURLOPT_WRITEFUNCTION")
    }

    private func configureHeaders(_ request: CurlRequest) throws(CurlError) {
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        for (name, value) in request.headers {
            // Bytes, not Characters: "\r\n" is one Character and would slip past a Character check.
            if name.isEmpty || (name + value).utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
                throw .invalidRequest(url: url, reason: "header \(name.debugDescription) has an empty name or contains CR/LF/NUL")
            }
        }
        // A body over 1 KiB would otherwise make curl wait for "100 Continue" first.
        if request.method == .post { lines.append("Expect:") }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw .invalidRequest(url: url, reason: "curl_slist_append failed")
            }
            headerList = appended
        }
        if headerList != nil {
            try check(vv_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")
        }
    }

    private func configureMethod(_ method: CurlRequest.Method) throws(CurlError) {
        switch method {
        case .get:
            try check(vv_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "CURLOPT_HTTPGET")
        case .head:
            try check(vv_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "CURLOPT_NOBODY")
        case .post:
            // The body goes through a read callback, the same path an SMTP upload will use.
            try check(vv_easy_setopt_long(easy, CURLOPT_POST, 1), "CURLOPT_POST")
            try check(
                vv_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(upload.count)), "CURLOPT_POSTFIELDSIZE_LARGE")
            try configureUpload()
        }
    }

    /// Streams ``upload`` through the read callback (POST body, SMTP message).
    func configureUpload() throws(CurlError) {
        try check(vv_easy_setopt_ptr(easy, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque()), "CURLOPT_READDATA")
        try check(
            vv_easy_setopt_datacb(easy, CURLOPT_READFUNCTION) { buffer, size, count, context in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                return transfer.send(into: buffer, capacity: size * count)
            }, "CURLOPT_READFUNCTION")
    }

    func check(_ code: CURLcode, _ option: String) throws(CurlError) {
        guard code == CURLE_OK else {
            throw .invalidRequest(url: url, reason: "\(option) rejected: \(String(cString: curl_easy_strerror(code)))")
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    // MARK: - Callbacks (curl thread)

    fileprivate func receive(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard count > 0, let data else { return count }
        if body.count + count > maxResponseBytes {
            exceededLimit = true
            if truncateBody {
                truncated = true
                body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: maxResponseBytes - body.count))
            }
            return 0  // makes curl abort with CURLE_WRITE_ERROR
        }
        body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        return count
    }

    fileprivate func send(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int {
        let count = min(capacity, upload.count - uploadOffset)
        guard count > 0, let buffer else { return 0 }
        upload.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + uploadOffset, byteCount: count)
        }
        uploadOffset += count
        return count
    }

    // MARK: - Completion (curl thread)

    /// Resumes the waiting task exactly once: with the response for `CURLE_OK` (or a body cut at
    /// the limit when truncation was asked for), else a ``CurlFailure``.
    func complete(with code: CURLcode) {
        if code == CURLE_OK || (code == CURLE_WRITE_ERROR && truncated) {
            resume(with: .success(response()))
        } else {
            let certificate = captureCertificate ? certificateExpiry() : nil
            resume(
                with: .failure(
                    CurlFailure(
                        error: error(for: code), osErrno: osErrno(), timings: timings(), certificateExpiresAt: certificate)))
        }
    }

    func resume(with result: Result<CurlResponse, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }

    private func response() -> CurlResponse {
        var status = 0
        vv_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var redirects = 0
        vv_easy_getinfo_long(easy, CURLINFO_REDIRECT_COUNT, &redirects)
        var micros: curl_off_t = 0
        vv_easy_getinfo_off(easy, CURLINFO_TOTAL_TIME_T, &micros)
        var effective: UnsafeMutablePointer<CChar>?
        vv_easy_getinfo_str(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let body = self.body
        self.body = []
        return CurlResponse(
            statusCode: status, headers: headers(), body: body,
            effectiveURL: effective.map { String(cString: $0) } ?? url,
            redirectCount: redirects, totalTime: .microseconds(micros), timings: timings(),
            certificateExpiresAt: captureCertificate ? certificateExpiry() : nil, isTruncated: truncated)
    }

    /// The final response's headers, read with `curl_easy_nextheader` (not variadic, unlike
    /// getinfo), so no header callback is needed.
    private func headers() -> [CurlResponse.Header] {
        var result: [CurlResponse.Header] = []
        var previous: UnsafeMutablePointer<curl_header>?
        while let header = curl_easy_nextheader(easy, UInt32(CURLH_HEADER), -1, previous) {
            result.append(.init(name: String(cString: header.pointee.name), value: String(cString: header.pointee.value)))
            previous = header
        }
        return result
    }

    private func error(for code: CURLcode) -> CurlError {
        let buffered = String(cString: errorBuffer)
        let message = mailReplyPrefix() + (buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered)
        let number = Int(code.rawValue)
        if let refusal = addressRefusal,
            (code == CURLE_COULDNT_CONNECT && !admittedAnAddress) || (code == CURLE_ABORTED_BY_CALLBACK && refusedBeforeSending)
        {
            return .addressRefused(url: url, address: refusal.address, reason: refusal.reason)
        }
        switch code {
        case CURLE_WRITE_ERROR where exceededLimit, CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url: url, limit: maxResponseBytes)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(url: url, code: number, message: message)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url, code: number, message: message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolve(url: url, code: number, message: message)
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(url: url, code: number, message: message)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .protocolRefused(url: url, code: number, message: message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls(url: url, code: number, message: message)
        default:
            return .transfer(url: url, code: number, message: message)
        }
    }
}
