import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A delivery target on the local disk instead of a network: for the demo, for dry runs, and for
/// installations that hand mail to a local reader. Layout under `directory`:
///
/// ```
/// mail/{tmp,new,cur}/        a maildir: one <name>.eml per e-mail (readable by mutt -f, Dovecot, ...)
/// webhooks/<name>.json       the webhook body, byte for byte what a receiver would get
/// webhooks/<name>.http       its request head: "POST <url> HTTP/1.1" then one "Name: value" line per header
/// ```
///
/// Why a sidecar and not a JSON wrapper for webhooks: the `.json` file stays exactly the signed
/// bytes, so `Varselvakt-Signature` from the `.http` file verifies over it, and `jq` reads it as is.
///
/// Names come from the idempotency key (its safe characters, then 16 hex digits of its SHA-256),
/// so a redelivery of the same outbox row overwrites its file instead of adding a second one. For
/// mail, a copy a mail reader has already moved to `cur/` (`<name>.eml:2,S`) also counts: the
/// redelivery is then acknowledged without writing.
///
/// Durability follows maildir: write into `tmp/`, fsync, rename into place, fsync the directory;
/// a crash leaves at most a stray file in `tmp/`, never a half message in `new/`. A failed write
/// (disk full, permissions) is `.retry`; a header with CR/LF is `.permanent`.
public struct FileSink: Sendable {
    public let directory: String

    private var mailTmp: String { directory + "/mail/tmp" }
    private var mailNew: String { directory + "/mail/new" }
    private var mailCur: String { directory + "/mail/cur" }
    private var webhooks: String { directory + "/webhooks" }

    /// Creates the layout (missing parents included) and checks that it is writable.
    /// - Throws: ``DeliveryError/fileSink(path:reason:)`` naming the folder and the system's reason.
    public init(directory: String) throws(DeliveryError) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for folder in [mailTmp, mailNew, mailCur, webhooks] {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .fileSink(path: folder, reason: "cannot create the folder: \(Self.reason(error))")
            }
            guard access(folder, W_OK | X_OK) == 0 else {
                throw .fileSink(path: folder, reason: "not writable: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Delivers `message` into the maildir as `new/<name>.eml`.
    public func writeEmail(message: [UInt8], idempotencyKey: String) -> AttemptResult {
        let file = Self.name(for: idempotencyKey) + ".eml"
        if let existing = alreadyRead(file) {
            return .delivered(detail: "maildir \(mailCur)/\(existing) (already delivered and read)")
        }
        return place(message, named: file, in: mailNew, staging: mailTmp)
    }

    /// Writes `body` to `webhooks/<name>.json` and the request head (`url`, `headers`) to
    /// `webhooks/<name>.http`. The head is written first, so a `.json` file always has its head.
    public func writeWebhook(url: String, body: [UInt8], headers: [(String, String)], idempotencyKey: String)
        -> AttemptResult
    {
        for (name, value) in headers + [("URL", url)]
        where (name + value).utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
            return .permanent(error: "webhook for file sink: \(OperatorText.oneLine(name, limit: 60)) contains CR/LF/NUL")
        }
        let stem = Self.name(for: idempotencyKey)
        let head = (["POST \(url) HTTP/1.1"] + headers.map { "\($0.0): \($0.1)" }).joined(separator: "\r\n") + "\r\n"
        let headResult = place(Array(head.utf8), named: stem + ".http", in: webhooks, staging: webhooks)
        guard headResult.isDelivered else { return headResult }
        return place(body, named: stem + ".json", in: webhooks, staging: webhooks)
    }

    // MARK: - Files

    /// `tmp` file → write → fsync → rename to `folder/name` → fsync `folder`.
    private func place(_ bytes: [UInt8], named name: String, in folder: String, staging: String) -> AttemptResult {
        // Hidden (leading dot) when staged inside the target folder, so readers skip it.
        let temporary = "\(staging)/.\(name).\(getpid()).\(UUID().uuidString).tmp"
        let target = "\(folder)/\(name)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return failure("cannot create \(temporary)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard ok, fsync(descriptor) == 0 else {
            let result = failure("cannot write \(temporary)")
            close(descriptor)
            unlink(temporary)
            return result
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let result = failure("cannot move \(temporary) to \(target)")
            unlink(temporary)
            return result
        }
        let directoryDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return .delivered(detail: "file \(target)")
    }

    /// A mail reader renames `new/X` to `cur/X:2,<flags>`; the name of such a copy, if any.
    private func alreadyRead(_ file: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: mailCur) else { return nil }
        return names.first { $0 == file || $0.hasPrefix(file + ":") }
    }

    private func failure(_ what: String) -> AttemptResult {
        .retry(error: "file sink: \(what): \(String(cString: strerror(errno)))", retryAfter: nil)
    }

    /// `<safe part of key, ≤ 64 chars>-<16 hex of SHA-256(key)>`: readable, a valid file name
    /// whatever the key holds (no `/`, `:`, dots at the start), distinct for distinct keys.
    static func name(for key: String) -> String {
        let safe = key.unicodeScalars.prefix(64).map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        }
        let digest = SHA256.hash(data: Array(key.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        let stem = String(safe).drop { $0 == "." }
        return (stem.isEmpty ? "" : stem + "-") + digest
    }

    private static func reason(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }
}
