import Testing
import VarselConfig
import VarselModel

/// `[delivery] allow_private_webhooks`: the SSRF guard's allow-list as the operator writes it.
@Suite struct PrivateWebhookConfigTests {
    private func load(_ delivery: String) throws -> VarselvaktConfig {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try ConfigLoader.load(
            text: minimalConfig + "\n[delivery]\n" + delivery + "\n", file: "varselvakt.toml", baseDirectory: directory.path)
    }

    @Test func defaultAllowsNoPrivateAddressAndSaysSo() throws {
        let config = try load("")
        #expect(config.delivery.allowPrivateWebhooks.isEmpty)
        #expect(config.delivery.webhookAddressPolicy == WebhookAddressPolicy())
        #expect(config.summary().contains("  private addresses: refused"))
    }

    @Test func listedBlocksBecomeThePolicy() throws {
        let config = try load(#"allow_private_webhooks = ["127.0.0.1/32", "10.1.0.0/16", "fd00:ab::/32"]"#)
        #expect(config.delivery.allowPrivateWebhooks.map(\.description) == ["127.0.0.1/32", "10.1.0.0/16", "fd00:ab::/32"])
        let policy = config.delivery.webhookAddressPolicy
        #expect(policy.refusal(for: try #require(IPAddress("10.1.4.4"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("10.2.4.4"))) == "a private address")
        #expect(config.summary().contains("  private addresses allowed: 127.0.0.1/32, 10.1.0.0/16, fd00:ab::/32"))
    }

    @Test(arguments: [
        ("[\"10.0.0.0/33\"]", 0, "\"10.0.0.0/33\" has a prefix length that is not a number from 0 to 32"),
        ("[\"127.0.0.1/32\", \"localhost\"]", 1, "\"localhost\" is not in CIDR notation"),
        ("[\"10.1.2.3/16\"]", 0, "did you mean \"10.1.0.0/16\"?"),
    ])
    func malformedBlockIsRejectedNamingKeyAndValue(list: String, position: Int, problem: String) throws {
        do {
            _ = try load("allow_private_webhooks = \(list)")
            Issue.record("\(list) was accepted")
        } catch let error as ConfigError {
            #expect(error.key == "delivery.allow_private_webhooks[\(position)]")
            #expect(error.description.contains(problem))
            #expect(error.description.hasPrefix("varselvakt.toml:"))
        }
    }

    @Test func nonStringElementIsAWrongType() throws {
        do {
            _ = try load("allow_private_webhooks = [10]")
            Issue.record("a number was accepted")
        } catch let error as ConfigError {
            #expect(error.key == "delivery.allow_private_webhooks[0]")
        }
    }
}
