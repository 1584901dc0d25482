/// A rendered body, quoted-printable encoded once, except the lines holding the name
/// placeholder: those are personalised and encoded per message.
///
/// Exact because quoted-printable is line-local: the encoder starts afresh after every line
/// break, so encoding the lines in pieces gives the same bytes as encoding the whole text
/// (`EncodedBodyTests` checks this against `QuotedPrintable.encode` on awkward texts).
struct EncodedBody: Sendable {
    private enum Piece: Sendable {
        /// Lines without the placeholder, already encoded (with their CRLFs).
        case encoded([UInt8])
        /// One line with the placeholder, raw, with its line break if it had one.
        case personal(String)
    }

    private let pieces: [Piece]

    /// About how many bytes `encode` appends, for reserving capacity.
    var estimatedSize: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .encoded(let bytes): total + bytes.count
            case .personal(let line): total + line.utf8.count * 3
            }
        }
    }

    init(_ text: String) {
        var pieces: [Piece] = []
        var plain = ""
        var remaining = Substring(text)
        while !remaining.isEmpty {
            let end = remaining.firstIndex(of: "\n").map { remaining.index(after: $0) } ?? remaining.endIndex
            let line = remaining[..<end]
            remaining = remaining[end...]
            if line.contains(RenderCache.namePlaceholderCharacter) {
                if !plain.isEmpty {
                    pieces.append(.encoded(Self.encode(plain)))
                    plain = ""
                }
                pieces.append(.personal(String(line)))
            } else {
                plain += line
            }
        }
        if !plain.isEmpty { pieces.append(.encoded(Self.encode(plain))) }
        self.pieces = pieces
    }

    /// The encoded body with `name` in place of the placeholder (HTML-escaped for HTML).
    func encode(name: String, html: Bool, into out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .encoded(let bytes): out.append(contentsOf: bytes)
            case .personal(let line):
                QuotedPrintable.encode(RenderCache.personalise(line, name: name, html: html), into: &out)
            }
        }
    }

    private static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        QuotedPrintable.encode(text, into: &out)
        return out
    }
}
