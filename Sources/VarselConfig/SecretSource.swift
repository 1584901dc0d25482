import Foundation
import VarselModel

/// Where a secret (webhook signing key, SMTP password) comes from: written in the file, read from
/// a file, or read from an environment variable. The file and environment forms exist so the
/// config itself can be world-readable and kept in git while the secret is not.
enum SecretSource: Hashable {
    case literal(Secret)
    case file(String)
    case environment(String)

    /// The three keys a table offers for one secret, e.g. `secret`, `secret_file`, `secret_env`.
    struct Keys {
        var literal: String
        var file: String
        var environment: String

        static let webhook = Keys(literal: "secret", file: "secret_file", environment: "secret_env")
        static let password = Keys(literal: "password", file: "password_file", environment: "password_env")
    }

    /// The one source given, nil when none is, or a problem when more than one is or one is
    /// malformed. `base` is the table the keys sit in (for the problem's path).
    static func choose(
        literal: String?, file: String?, environment: String?, keys: Keys, base: ConfigKeyPath
    ) throws(FieldProblem) -> SecretSource? {
        let given = [(keys.literal, literal), (keys.file, file), (keys.environment, environment)].filter { $0.1 != nil }
        if given.count > 1 {
            throw FieldProblem(
                base.appending(given[1].0),
                "give only one of \(keys.literal), \(keys.file) and \(keys.environment) (found \(given.map(\.0).joined(separator: " and ")))"
            )
        }
        if let literal {
            // Never show the value: even a malformed secret is a secret.
            guard !literal.allSatisfy(\.isWhitespace) else {
                throw FieldProblem(base.appending(keys.literal), "must not be empty")
            }
            return .literal(Secret(literal))
        }
        if let file {
            guard !file.allSatisfy(\.isWhitespace) else { throw FieldProblem(base.appending(keys.file), "must not be empty") }
            return .file(file)
        }
        if let environment {
            guard isVariableName(environment) else {
                throw FieldProblem(
                    base.appending(keys.environment),
                    "\"\(TextRules.shown(environment))\" is not an environment variable name (letters, digits, '_')")
            }
            return .environment(environment)
        }
        return nil
    }

    /// The secret's value; the failure is one sentence naming the file or variable, never a value.
    /// A file's trailing line breaks are dropped (editors add one); relative paths are resolved
    /// against `baseDirectory`.
    func resolve(baseDirectory: String, environment: [String: String]) -> Result<Secret, FieldProblemText> {
        switch self {
        case .literal(let secret):
            return .success(secret)
        case .environment(let name):
            guard let value = environment[name] else {
                return .failure(FieldProblemText("environment variable \(name) is not set"))
            }
            guard !value.allSatisfy(\.isWhitespace) else {
                return .failure(FieldProblemText("environment variable \(name) is empty"))
            }
            return .success(Secret(value))
        case .file(let path):
            let absolute = FilePaths.resolve(path, against: baseDirectory)
            let text: String
            do throws(ConfigError) {
                text = try TOMLDocument.readText(path: absolute, file: absolute)
            } catch {
                if case .fileUnreadable(_, let reason) = error {
                    return .failure(FieldProblemText("cannot read \(absolute): \(reason)"))
                }
                return .failure(FieldProblemText("cannot read \(absolute)"))
            }
            var value = Substring(text)
            while let last = value.last, last == "\n" || last == "\r" || last == "\r\n" { value = value.dropLast() }
            guard !value.allSatisfy(\.isWhitespace) else {
                return .failure(FieldProblemText("\(absolute) is empty"))
            }
            return .success(Secret(String(value)))
        }
    }

    /// Which key of `keys` this source came from.
    func key(in keys: Keys) -> String {
        switch self {
        case .literal: keys.literal
        case .file: keys.file
        case .environment: keys.environment
        }
    }

    /// How summaries say where the secret comes from, without the secret.
    var origin: String {
        switch self {
        case .literal: "written in the file"
        case .file(let path): "from file \(path)"
        case .environment(let name): "from $\(name)"
        }
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}

/// A failure message that is an `Error`, so it can travel in a `Result`.
struct FieldProblemText: Error, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
