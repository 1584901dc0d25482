import Synchronization
import VarselModel

/// The rendered subject, text and HTML of one change for one footer reason, shared by every
/// subscriber the change fans out to; only the greeting's name differs, and it is put in after
/// rendering. A fan-out to 1,000 municipalities renders the templates a handful of times instead
/// of 1,000 (rendering was a third of the daemon's CPU in the delivery benchmark).
///
/// Correct because the view of an alert depends only on the change (its notice and versions,
/// which never change once written), the reason and the name; and the name is always a
/// non-empty plain value, so a placeholder of its own renders the same sections it would.
final class RenderCache: Sendable {
    /// Everything the view is made of except the name, identified cheaply: versions by their
    /// content fingerprint, the notice by id, version count and classification (hashing whole
    /// texts per mail cost more than a tenth of the rendering saved).
    struct Key: Hashable {
        var change: ChangeRecord
        var template: String
        var reason: String
        var notice: NoticeID
        var noticeVersions: Int
        var noticeStatus: NoticeStatus
        var classification: Classification
        var version: Fingerprint?
        var previousVersion: Fingerprint?
        var cancelledTitle: String?

        init(_ context: AlertContext, template: String) {
            change = context.change
            self.template = template
            reason = context.delivery.planned.reason
            notice = context.notice.id
            noticeVersions = context.notice.versionCount
            noticeStatus = context.notice.status
            classification = context.notice.classification
            version = context.version?.fingerprint
            previousVersion = context.previousVersion?.fingerprint
            cancelledTitle = context.cancelledTitle
        }
    }

    struct Bodies: Sendable {
        var subject: String
        var text: EncodedBody
        var html: EncodedBody
    }

    /// Stands for the subscriber's name while rendering: a private-use character around a word,
    /// which neither HTML escaping nor whitespace folding alters, and no feed text contains.
    static let namePlaceholder = "\u{E000}varselvakt-name\u{E000}"
    /// The placeholder's first character, which nothing else produces: a line holds the
    /// placeholder exactly when it holds this character.
    static let namePlaceholderCharacter: Character = "\u{E000}"

    private let entries = Mutex<[Key: Bodies]>([:])
    private let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func bodies(for key: Key, render: () -> Bodies) -> Bodies {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let bodies = render()
        entries.withLock { entries in
            // A daemon sees a few changes a day: dropping everything now and then is simpler
            // than an LRU and costs one render per change and reason.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = bodies
        }
        return bodies
    }

    /// `text` with the placeholder replaced by `name` (HTML-escaped for the HTML part).
    ///
    /// Byte-level on UTF-8: Foundation's `replacingOccurrences` folds character clusters on
    /// Linux and cost more than the rendering this cache saves.
    static func personalise(_ text: String, name: String, html: Bool) -> String {
        let needle = Array(namePlaceholder.utf8)
        let replacement = Array((html ? htmlEscaped(name) : name).utf8)
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var start = 0
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + replacement.count) }
                    out.append(contentsOf: bytes[start..<index])
                    out.append(contentsOf: replacement)
                    index += needle.count
                    start = index
                } else {
                    index += 1
                }
            }
            if start == 0 { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: bytes[start...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
