#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file:// feed snapshot (demo configs and tests poll saved copies of the real feeds).
///
/// Why not through curl: a file has no ETag, but its mtime and size make a good validator, and
/// `fstat` answers "unchanged?" without reading a byte, so polling an unchanged snapshot costs
/// one syscall and no parse. The read is plain blocking I/O on the calling task; it is bounded by
/// the size limit (5 MiB by default) and local, so it takes milliseconds at most.
enum LocalSnapshot {
    static func fetch(path: String, url: String, validators: Validators, maxBytes: Int) throws(FeedFetchError) -> FetchResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .fileUnreadable(path: path, reason: lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileUnreadable(path: path, reason: lastError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .fileUnreadable(path: path, reason: "not a regular file")
        }
        let current = Validators(lastModified: syntheticLastModified(info))
        if validators == current { return .notModified(current) }
        guard Int(info.st_size) <= maxBytes else { throw .tooLarge(url: url, limit: maxBytes) }

        // Read until EOF but never past the limit, even if the file grows while we read it.
        var body = [UInt8](repeating: 0, count: maxBytes + 1)
        var filled = 0
        while filled < body.count {
            let count = body.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileUnreadable(path: path, reason: lastError())
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= maxBytes else { throw .tooLarge(url: url, limit: maxBytes) }
        body.removeSubrange(filled...)
        return .modified(FetchedFeed(body: body, validators: current, contentType: nil, finalURL: url, status: 200))
    }

    /// `file mtime=SECONDS.NANOSECONDS size=BYTES`: changes whenever the file is rewritten (the
    /// nanosecond mtime alone nearly always does; the size catches coarse-mtime file systems).
    static func syntheticLastModified(_ info: stat) -> String {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let nanos = String(time.tv_nsec)
        let padded = String(repeating: "0", count: max(0, 9 - nanos.count)) + nanos
        return "file mtime=\(time.tv_sec).\(padded) size=\(info.st_size)"
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
