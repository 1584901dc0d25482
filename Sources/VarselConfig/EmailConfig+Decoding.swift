import Foundation
import VarselModel

extension EmailConfig {
    /// `[email]`: `url` and `from` required, the rest optional. The password comes from exactly
    /// one of `password`, `password_file` (relative to the config's folder) and `password_env`.
    init(from reader: TableReader, baseDirectory: String, environment: [String: String]) throws(ConfigError) {
        let url = try reader.requiredNonEmptyString("url", expected: "a string: the relay, e.g. \"smtp://smtp.example.no:587\"")
        let from = try reader.requiredNonEmptyString("from", expected: "a string: the sender address, e.g. \"varselvakt@ks.no\"")
        if let problem = EmailAddressRule.problem(with: from) { throw reader.invalid("from", problem) }
        let fromName = try reader.nonEmptyString("from_name")
        if let fromName, TextRules.hasControlCharacters(fromName) {
            throw reader.invalid("from_name", "must not contain control characters or line breaks")
        }
        let givenSecurity = try reader.word("security", as: EmailSecurity.self)
        let username = try reader.nonEmptyString("username")
        if let username, TextRules.hasControlCharacters(username) {
            throw reader.invalid("username", "must not contain control characters or line breaks")
        }
        let literal = try SubscriberTable.secretString(reader, "password")
        let passwordFile = try reader.string("password_file")
        let passwordEnv = try reader.string("password_env")
        let source: SecretSource?
        do throws(FieldProblem) {
            source = try SecretSource.choose(
                literal: literal, file: passwordFile, environment: passwordEnv, keys: .password, base: ConfigKeyPath())
        } catch {
            throw reader.error(for: error)
        }
        let timeout = try reader.duration("timeout", atLeast: .milliseconds(1))
        let connectTimeout = try reader.duration("connect_timeout", atLeast: .milliseconds(1))
        let messageIDDomain = try reader.nonEmptyString("message_id_domain")?.lowercased()
        try reader.rejectUnknownKeys()

        let security = try Self.security(url: url, given: givenSecurity, reader: reader)
        if let messageIDDomain, let problem = HostNameRule.problem(with: messageIDDomain) {
            throw reader.invalid("message_id_domain", problem)
        }
        switch (username, source) {
        case (nil, let source?):
            throw reader.invalid(source.key(in: .password), "a password needs a username")
        case (.some, nil):
            throw reader.invalid("username", "a username needs password_env, password_file or password")
        default: break
        }
        var password: Secret?
        if let source {
            switch source.resolve(baseDirectory: baseDirectory, environment: environment) {
            case .success(let value): password = value
            case .failure(let problem): throw reader.invalid(source.key(in: .password), problem.message)
            }
        }
        self.init(
            url: url, from: from, fromName: fromName ?? "varselvakt", security: security, username: username,
            password: password, timeout: timeout ?? .seconds(30), connectTimeout: connectTimeout ?? .seconds(10),
            messageIDDomain: messageIDDomain ?? from.split(separator: "@").last.map { $0.lowercased() })
    }

    /// The security that goes with the URL: smtps:// is TLS; smtp:// is STARTTLS unless `none`
    /// is asked for, which only a loopback relay may get (mail and password would cross the
    /// network in clear text).
    private static func security(url: String, given: EmailSecurity?, reader: TableReader) throws(ConfigError) -> EmailSecurity {
        guard !TextRules.hasControlCharacters(url), let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased()
        else {
            throw reader.invalid("url", "\"\(TextRules.shown(url))\" is not a URL; write e.g. \"smtp://smtp.example.no:587\"")
        }
        guard let host = components.host, !host.isEmpty else {
            throw reader.invalid("url", "\"\(TextRules.shown(url))\" has no host")
        }
        guard components.user == nil, components.password == nil else {
            throw reader.invalid("url", "must not contain a user name or password; use username and password_env")
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let key = reader.contains("security") ? "security" : "url"
        switch (scheme, given) {
        case ("smtps", nil), ("smtps", .tls?):
            return .tls
        case ("smtps", let other?):
            throw reader.invalid(key, "security \"\(other.rawValue)\" does not go with an smtps:// url (that is \"tls\")")
        case ("smtp", nil), ("smtp", .starttls?):
            return .starttls
        case ("smtp", .tls?):
            throw reader.invalid(key, "security \"tls\" needs an smtps:// url (implicit TLS, usually port 465)")
        case ("smtp", .some(EmailSecurity.none)):
            guard FeedURLRule.isLoopback(bare) else {
                throw reader.invalid(
                    key,
                    "security \"none\" is only allowed to a loopback relay (127.0.0.0/8, ::1, localhost), not "
                        + "\(TextRules.shown(bare)): mail and password would cross the network in clear text")
            }
            return .none
        default:
            throw reader.invalid("url", "scheme \"\(TextRules.shown(scheme))\" is not supported; use smtp:// or smtps://")
        }
    }
}
