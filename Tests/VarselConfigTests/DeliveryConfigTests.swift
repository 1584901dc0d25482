import Foundation
import Testing
import VarselConfig
import VarselModel

/// `[subscribers]`, `[delivery]`, `[email]` and `[webhook]` in varselvakt.toml.
@Suite struct DeliveryConfigTests {
    /// A config folder with the real catalog and, optionally, a subscribers.toml.
    private func folder(subscribers: String? = nil) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let catalog = try String(contentsOf: repositoryRoot().appendingPathComponent("config/catalog.toml"), encoding: .utf8)
        try directory.write("catalog.toml", catalog)
        if let subscribers { try directory.write("subscribers.toml", subscribers) }
        return directory
    }

    private func load(_ extra: String, in directory: TemporaryDirectory, environment: [String: String] = [:]) throws
        -> VarselvaktConfig
    {
        try ConfigLoader.load(
            text: minimalConfig + extra, file: "varselvakt.toml", baseDirectory: directory.path, environment: environment)
    }

    private func failure(_ extra: String, in directory: TemporaryDirectory, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(extra, in: directory, environment: environment)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func sectionsAreOptionalWithDefaults() throws {
        let directory = try folder()
        defer { directory.remove() }
        let config = try load("", in: directory)
        #expect(config.subscribersPath == nil)
        #expect(config.subscribers.isEmpty)
        #expect(config.delivery == DeliveryConfig())
        #expect(config.delivery.maxAge == .seconds(86400))
        #expect(config.delivery.templatesPath == "/usr/share/varselvakt/templates")
        #expect(config.email == nil)
        #expect(config.webhook == WebhookConfig(timeout: .seconds(10), connectTimeout: .seconds(5)))
        #expect(config.summary().contains("Subscribers: none (no subscribers file; nobody is alerted)"))
    }

    @Test func deliverySectionResolvesPathsAndChecksTheTemplatesFolder() throws {
        let directory = try folder()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/mal", withIntermediateDirectories: true)
        let text = """

            [delivery]
            max_age = "2d"
            retry_initial = "1s"
            retry_max = "10m"
            per_host_concurrency = 4
            concurrency = 8
            templates = "mal"
            file_sink = "outbox"
            """
        let config = try load(text, in: directory)
        #expect(
            config.delivery
                == DeliveryConfig(
                    maxAge: .seconds(2 * 86400), retryInitial: .seconds(1), retryMax: .seconds(600), perHostConcurrency: 4,
                    concurrency: 8, templatesPath: directory.path + "/mal", fileSink: directory.path + "/outbox"))

        let missing = try #require(failure("\n[delivery]\ntemplates = \"nowhere\"\n", in: directory))
        #expect(
            missing.description
                == "varselvakt.toml:8: delivery.templates: \(directory.path)/nowhere is not a folder (it must hold the alert templates)"
        )
        let order = try #require(failure("\n[delivery]\nretry_initial = \"1h\"\nretry_max = \"1m\"\n", in: directory))
        #expect(order.key == "delivery.retry_max")
        let range = try #require(failure("\n[delivery]\nconcurrency = 0\n", in: directory))
        #expect(range.description.hasSuffix("delivery.concurrency: 0 is out of range; allowed 1...1024"))
    }

    @Test func templatesFolderNextToTheConfigIsTheDefault() throws {
        let directory = try folder()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/templates", withIntermediateDirectories: true)
        #expect(try load("", in: directory).delivery.templatesPath == directory.path + "/templates")
    }

    @Test func emailSectionTakesItsPasswordFromTheEnvironment() throws {
        let directory = try folder()
        defer { directory.remove() }
        let text = """

            [email]
            url = "smtps://smtp.example.no:465"
            from = "varselvakt@ks.no"
            username = "varselvakt"
            password_env = "SMTP_PASSWORD"
            timeout = "1m"
            """
        let config = try load(text, in: directory, environment: ["SMTP_PASSWORD": "pa55-word"])
        #expect(
            config.email
                == EmailConfig(
                    url: "smtps://smtp.example.no:465", from: "varselvakt@ks.no", fromName: "varselvakt", security: .tls,
                    username: "varselvakt", password: Secret("pa55-word"), timeout: .seconds(60), connectTimeout: .seconds(10),
                    messageIDDomain: "ks.no"))
        #expect(!config.summary().contains("pa55-word"))
        #expect(config.summary().contains("Email: smtps://smtp.example.no:465 (tls) as varselvakt (password set)"))
        let unset = try #require(failure(text, in: directory))
        #expect(unset.description == "varselvakt.toml:11: email.password_env: environment variable SMTP_PASSWORD is not set")
    }

    @Test func securityNoneIsOnlyAllowedToALoopbackRelay() throws {
        let directory = try folder()
        defer { directory.remove() }
        let remote = "\n[email]\nurl = \"smtp://smtp.example.no:25\"\nfrom = \"varselvakt@ks.no\"\nsecurity = \"none\"\n"
        let error = try #require(failure(remote, in: directory))
        #expect(error.line == 10)
        #expect(error.key == "email.security")
        #expect(error.description.contains("only allowed to a loopback relay"))
        for host in ["127.0.0.1", "localhost", "[::1]"] {
            let local = remote.replacingOccurrences(of: "smtp.example.no", with: host)
            #expect(try load(local, in: directory).email?.security == EmailSecurity.none, "\(host)")
        }
    }

    @Test func emailURLAndSecurityMustAgree() throws {
        let directory = try folder()
        defer { directory.remove() }
        func problem(_ body: String) -> String? {
            failure("\n[email]\nfrom = \"varselvakt@ks.no\"\n" + body, in: directory)?.description
        }
        #expect(problem("url = \"smtp://smtp.example.no\"\nsecurity = \"tls\"\n")?.contains("needs an smtps:// url") == true)
        #expect(problem("url = \"smtps://smtp.example.no\"\nsecurity = \"starttls\"\n")?.contains("does not go with") == true)
        #expect(problem("url = \"https://smtp.example.no\"\n")?.contains("scheme \"https\" is not supported") == true)
        #expect(problem("url = \"smtp://u:p@smtp.example.no\"\n")?.contains("must not contain a user name") == true)
        #expect(
            problem("url = \"smtp://smtp.example.no\"\nusername = \"u\"\n")?.contains("email.username: a username needs") == true)
        #expect(
            problem("url = \"smtp://smtp.example.no\"\npassword = \"p\"\n")?.contains(
                "email.password: a password needs a username") == true)
        #expect(
            problem("url = \"smtp://smtp.example.no\"\nfrom_name = \"KS\\r\\nBcc: x@y.no\"\n")?.contains(
                "email.from_name: must not contain") == true)
        #expect(failure("\n[email]\nurl = \"smtp://smtp.example.no\"\nfrom = \"ks.no\"\n", in: directory)?.key == "email.from")
    }

    @Test func subscribersWithEmailNeedAnEmailSectionOrAFileSink() throws {
        let directory = try folder(subscribers: osloSubscriber)
        defer { directory.remove() }
        let text = "\n[subscribers]\npath = \"subscribers.toml\"\n"
        let error = try #require(failure(text, in: directory))
        #expect(error.file == directory.path + "/subscribers.toml")
        #expect(error.line == 7)
        #expect(error.key == "subscriber \"oslo\": emails")
        #expect(error.description.contains("no [email] section"))

        let sink = try load(text + "[delivery]\nfile_sink = \"outbox\"\n", in: directory)
        #expect(sink.subscribers.map(\.id) == [SubscriberID("oslo")])
        #expect(sink.subscribersPath == directory.path + "/subscribers.toml")
        let email = try load(text + "[email]\nurl = \"smtp://smtp.example.no\"\nfrom = \"varselvakt@ks.no\"\n", in: directory)
        #expect(email.subscribers.count == 1)
    }

    @Test func subscribersTomlNextToTheConfigIsFoundWithoutAPath() throws {
        let directory = try folder(subscribers: osloSubscriber)
        defer { directory.remove() }
        let config = try load("[delivery]\nfile_sink = \"outbox\"\n", in: directory)
        #expect(config.subscribersPath == directory.path + "/subscribers.toml")
        #expect(config.summary().contains("Subscribers: \(directory.path)/subscribers.toml (1: 1 municipality)"))
        let missing = try #require(failure("\n[subscribers]\npath = \"other.toml\"\n", in: directory))
        #expect(missing == .fileUnreadable(file: directory.path + "/other.toml", reason: "no such file"))
    }

    @Test func reloadReadsTheChangedFileAndRefusesABadOne() throws {
        let directory = try folder(subscribers: osloSubscriber)
        defer { directory.remove() }
        let file = try directory.write("varselvakt.toml", minimalConfig + "[delivery]\nfile_sink = \"outbox\"\n")
        let config = try ConfigLoader.load(path: file, environment: [:])
        #expect(config.subscribers.map(\.id.rawValue) == ["oslo"])

        try directory.write("subscribers.toml", osloSubscriber.replacingOccurrences(of: "\"oslo\"", with: "\"oslo-kommune\""))
        #expect(try ConfigLoader.reloadSubscribers(for: config, environment: [:]).map(\.id.rawValue) == ["oslo-kommune"])

        try directory.write("subscribers.toml", osloSubscriber.replacingOccurrences(of: "974760673", with: "974760674"))
        #expect(throws: ConfigError.self) { try ConfigLoader.reloadSubscribers(for: config, environment: [:]) }

        var withoutSink = config
        withoutSink.delivery.fileSink = nil
        try directory.write("subscribers.toml", osloSubscriber)
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.reloadSubscribers(for: withoutSink, environment: [:]) }
        #expect(error?.key == "subscriber \"oslo\": emails")
    }

    /// Secrets written in the files, read from files or from the environment never reach the
    /// summary or an error's text.
    @Test func secretsNeverAppearInTheSummaryOrInErrors() throws {
        let directory = try folder()
        defer { directory.remove() }
        try directory.write("bergen.secret", "FILE-SECRET-3\n")
        let subscribers = """
            [[subscriber]]
            id = "ks"
            kind = "ks"
            name = "KS"
            org_number = "971032146"
            [subscriber.webhook]
            url = "https://hooks.ks.no/varsel?token=abc"
            secret = "LITERAL-SECRET-1"

            [[subscriber]]
            id = "oslo"
            kind = "municipality"
            name = "Oslo kommune"
            org_number = "974760673"
            municipality_number = "0301"
            all = true
            [subscriber.webhook]
            url = "https://hook.oslo.kommune.no/"
            secret_env = "OSLO_SECRET"

            [[subscriber]]
            id = "bergen"
            kind = "municipality"
            name = "Bergen kommune"
            org_number = "964338531"
            municipality_number = "4601"
            all = true
            [subscriber.webhook]
            url = "https://hook.bergen.kommune.no/"
            secret_file = "bergen.secret"
            """
        try directory.write("subscribers.toml", subscribers)
        let email =
            "[email]\nurl = \"smtp://127.0.0.1:2525\"\nfrom = \"v@ks.no\"\nusername = \"u\"\npassword = \"LITERAL-PASSWORD-4\"\n"
        let environment = ["OSLO_SECRET": "ENV-SECRET-2"]
        let config = try load(email, in: directory, environment: environment)
        #expect(
            config.subscribers.compactMap { $0.webhook?.secret.value } == ["LITERAL-SECRET-1", "ENV-SECRET-2", "FILE-SECRET-3"])
        #expect(config.email?.password?.value == "LITERAL-PASSWORD-4")
        let secrets = ["LITERAL-SECRET-1", "ENV-SECRET-2", "FILE-SECRET-3", "LITERAL-PASSWORD-4", "token=abc"]
        let summary = config.summary()
        #expect(summary.contains("webhook hosts: hook.bergen.kommune.no, hook.oslo.kommune.no, hooks.ks.no"))
        for secret in secrets {
            #expect(!summary.contains(secret))
            // The shared type prints its URL (a token in it is the receiver's choice), never the secret.
            if secret != "token=abc" { #expect(!"\(config.subscribers)".contains(secret)) }
            #expect(!"\(String(describing: config.email))".contains(secret))
        }

        // Errors raised next to the secrets: a bad value beside them, a secret of the wrong type.
        let broken = [
            subscribers.replacingOccurrences(of: "https://hooks.ks.no/varsel?token=abc", with: "ftp://hooks.ks.no/"),
            subscribers.replacingOccurrences(of: "\"LITERAL-SECRET-1\"", with: "[\"LITERAL-SECRET-1\"]"),
            subscribers.replacingOccurrences(of: "\"LITERAL-SECRET-1\"", with: "123456789"),
            subscribers.replacingOccurrences(
                of: "secret = \"LITERAL-SECRET-1\"", with: "secret = \"LITERAL-SECRET-1\"\nsecret_env = \"OSLO_SECRET\""),
            subscribers.replacingOccurrences(
                of: "secret_file = \"bergen.secret\"", with: "secret_file = \"bergen.secret\"\nsecrt = 1"),
        ]
        for text in broken {
            try directory.write("subscribers.toml", text)
            let error = try #require(self.failure(email, in: directory, environment: environment))
            for secret in secrets + ["123456789"] { #expect(!error.description.contains(secret), "\(error)") }
        }
        try directory.write("subscribers.toml", subscribers)
        let badPassword = try #require(
            failure(
                email.replacingOccurrences(of: "\"LITERAL-PASSWORD-4\"", with: "4711"), in: directory, environment: environment))
        #expect(badPassword.key == "email.password")
        #expect(!badPassword.description.contains("4711"))
    }
}
