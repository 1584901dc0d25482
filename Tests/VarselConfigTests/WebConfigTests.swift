import Testing
import VarselConfig

@Suite struct WebConfigTests {
    static let hash = "$2b$04$" + String(repeating: "a", count: 53)
    static let digest = String(repeating: "ab", count: 32)

    @Test func withoutAWebTableTheServerIsOnAndLoopbackOnly() throws {
        let config = try ConfigLoader.load(text: minimalConfig, file: "varselvakt.toml", baseDirectory: "/etc/varselvakt")
        #expect(config.web == WebConfig())
        #expect(config.web.enabled)
        #expect(config.web.listen.description == "127.0.0.1:8080")
        #expect(config.web.listen.isLoopback)
        #expect(!config.web.hasCredentials)
        #expect(!config.web.secureCookie)
    }

    @Test func aFullWebTableIsRead() throws {
        let text = minimalConfig + """
            [web]
            listen = "[::]:9443"
            behind_tls = true
            session_lifetime = "8h"

            [[web.users]]
            name = "kari"
            password_hash = "\(Self.hash)"

            [[web.tokens]]
            name = "prometheus"
            sha256 = "\(Self.digest.uppercased())"
            """
        let web = try ConfigLoader.load(text: text, file: "varselvakt.toml", baseDirectory: "/etc/varselvakt").web
        #expect(web.listen == WebListenAddress(host: "::", port: 9443))
        #expect(!web.listen.isLoopback)
        #expect(web.users == [WebConfig.User(name: "kari", passwordHash: Self.hash)])
        #expect(web.tokens == [WebConfig.Token(name: "prometheus", sha256: Self.digest)])
        #expect(web.behindTLS && web.secureCookie)
        #expect(web.sessionLifetime == .seconds(8 * 3600))
    }

    @Test func secureCookieCanBeSetAgainstTheTLSDefault() throws {
        let text = minimalConfig + "[web]\nbehind_tls = true\nsecure_cookie = false\n"
        #expect(try !ConfigLoader.load(text: text, file: "varselvakt.toml", baseDirectory: "/").web.secureCookie)
    }

    @Test func listenAddressesAreParsedAndJudged() {
        let loopback = ["127.0.0.1:8080", "127.1.2.3:1", "[::1]:8080", "localhost:80"]
        let network = ["0.0.0.0:8080", "[::]:8080", "10.0.0.5:8080", "varselvakt.ks.no:8080"]
        for text in loopback { #expect((try? WebListenAddress.parse(text).get())?.isLoopback == true, "\(text)") }
        for text in network { #expect((try? WebListenAddress.parse(text).get())?.isLoopback == false, "\(text)") }
        for text in ["8080", "::1:8080", "[::1]8080", "host:0", "host:70000", ":8080", "a b:80"] {
            #expect((try? WebListenAddress.parse(text).get()) == nil, "\(text)")
        }
    }

    @Test func aBadListenNamesTheKeyAndTheProblem() throws {
        let error = try #require(configError(minimalConfig + "[web]\nlisten = \"::1:8080\"\n"))
        #expect(error.key == "web.listen")
        #expect(error.description.contains("an IPv6 address goes in brackets"))
    }

    @Test func aPasswordThatIsNotABcryptHashIsRefused() throws {
        let text = minimalConfig + "[[web.users]]\nname = \"kari\"\npassword_hash = \"hemmelig\"\n"
        let error = try #require(configError(text))
        #expect(error.key == "web.users[0].password_hash")
        #expect(error.description.contains("is not a bcrypt hash"))
        #expect(!error.description.contains("hemmelig"))
    }

    @Test func aTokenThatIsNotASHA256IsRefused() throws {
        let text = minimalConfig + "[[web.tokens]]\nname = \"prometheus\"\nsha256 = \"the-token-itself\"\n"
        let error = try #require(configError(text))
        #expect(error.key == "web.tokens[0].sha256")
        #expect(error.description.contains("must be 64 hex digits"))
    }

    @Test func twoUsersWithOneNameAreRefused() throws {
        let user = "[[web.users]]\nname = \"kari\"\npassword_hash = \"\(Self.hash)\"\n"
        let error = try #require(configError(minimalConfig + user + user))
        guard case .duplicate(_, _, let key, let value, _) = error else {
            Issue.record("expected duplicate, got \(error)")
            return
        }
        #expect(key == "web.users[1].name")
        #expect(value == "kari")
    }

    @Test func aMisspeltWebKeyIsSuggested() throws {
        let error = try #require(configError(minimalConfig + "[web]\nlisen = \"127.0.0.1:8080\"\n"))
        #expect(error.key == "web.lisen")
        #expect(error.description.contains("did you mean \"listen\"?"))
    }

    @Test func checkConfigShowsTheWebSectionAndAnUnprotectedAddress() throws {
        let open = try ConfigLoader.load(
            text: minimalConfig + "[web]\nlisten = \"0.0.0.0:8080\"\n", file: "varselvakt.toml", baseDirectory: "/")
        let summary = open.summary()
        #expect(summary.contains("Web: listening on http://0.0.0.0:8080 (reachable from the network)"))
        #expect(summary.contains("REFUSED: 0.0.0.0:8080 is not a loopback address"))
        let off = try ConfigLoader.load(text: minimalConfig + "[web]\nenabled = false\n", file: "varselvakt.toml", baseDirectory: "/")
        #expect(off.summary().contains("Web: off ([web] enabled = false)"))
    }
}
