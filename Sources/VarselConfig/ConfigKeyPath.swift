import Foundation

/// Where a value sits in a TOML document, e.g. `feeds[1].interval`.
///
/// Errors print it so an operator can find the key; the line locator uses it as its index.
/// Array indices are 0-based, as in toml++ paths and jq: `feeds[1]` is the second `[[feeds]]`.
struct ConfigKeyPath: Hashable, CustomStringConvertible {
    enum Component: Hashable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) {
        self.components = components
    }

    static let root = ConfigKeyPath()

    func appending(_ key: String) -> ConfigKeyPath {
        ConfigKeyPath(components + [.key(key)])
    }

    func appending(index: Int) -> ConfigKeyPath {
        ConfigKeyPath(components + [.index(index)])
    }

    /// The enclosing path, or nil for the root.
    var parent: ConfigKeyPath? {
        components.isEmpty ? nil : ConfigKeyPath(Array(components.dropLast()))
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += Self.quotedIfNeeded(key)
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Bare TOML keys print as they are; anything else is quoted so the path stays unambiguous.
    static func quotedIfNeeded(_ key: String) -> String {
        let isBare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
                default: false
                }
            }
        if isBare { return key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
