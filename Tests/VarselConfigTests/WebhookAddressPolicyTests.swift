import Testing
import VarselModel

/// The SSRF guard's rule (`WebhookAddressPolicy`) and its CIDR syntax, without I/O.
@Suite struct WebhookAddressPolicyTests {
    @Test(arguments: [
        ("127.0.0.1", "a loopback address"), ("127.255.0.9", "a loopback address"),
        ("10.0.0.5", "a private address"), ("172.16.0.1", "a private address"), ("172.31.255.255", "a private address"),
        ("192.168.1.1", "a private address"), ("100.64.0.1", "a shared (carrier-grade NAT) address"),
        ("169.254.169.254", "a link-local address"), ("0.0.0.0", "an unspecified (\"this network\") address"),
        ("224.0.0.1", "a multicast address"), ("255.255.255.255", "a reserved or broadcast address"),
        ("::1", "a loopback address"), ("::", "the unspecified address"), ("fe80::1", "a link-local address"),
        ("fd12:3456::1", "a private (unique local) address"), ("ff02::1", "a multicast address"),
        ("::ffff:10.0.0.5", "a private address"), ("::ffff:127.0.0.1", "a loopback address"),
        ("::127.0.0.1", "an IPv4-compatible (deprecated) address"),
        ("64:ff9b::a00:5", "a NAT64 form of a private address"),
    ])
    func specialAddressIsRefusedSayingWhatItIs(address: String, kind: String) throws {
        let parsed = try #require(IPAddress(address))
        #expect(WebhookAddressPolicy().refusal(for: parsed) == kind)
    }

    @Test(arguments: [
        "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
        "::ffff:8.8.8.8", "64:ff9b::808:808",
    ])
    func publicAddressIsAllowed(address: String) throws {
        let parsed = try #require(IPAddress(address))
        #expect(WebhookAddressPolicy().refusal(for: parsed) == nil)
    }

    @Test func allowListLetsThroughItsBlocksAndNothingElse() throws {
        let policy = WebhookAddressPolicy(allowed: [try IPNetwork(cidr: "10.1.0.0/16"), try IPNetwork(cidr: "127.0.0.1/32")])
        #expect(policy.refusal(for: try #require(IPAddress("10.1.200.7"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("10.2.0.1"))) == "a private address")
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.2"))) == "a loopback address")
        // The mapped form of an allowed IPv4 address reaches the same host, so it is allowed too;
        // IPv6 loopback is another address and stays refused.
        #expect(policy.refusal(for: try #require(IPAddress("::ffff:127.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("::1"))) == "a loopback address")
    }

    @Test func mappedIPv6BlockMeansItsIPv4Block() throws {
        let block = try IPNetwork(cidr: "::ffff:10.0.0.0/104")
        #expect(block.description == "10.0.0.0/8")
        #expect(block.contains(try #require(IPAddress("10.9.9.9"))))
    }

    @Test(arguments: [
        ("10.0.0.5", "is not in CIDR notation"), ("10.0.0.0/33", "prefix length that is not a number from 0 to 32"),
        ("hooks.internal/24", "does not start with an IPv4 or IPv6 address"), ("10.0.0.0/", "prefix length"),
        ("10.0.0.0/+8", "prefix length"), ("fd00::/129", "from 0 to 128"), ("10.1.2.3/16", "did you mean \"10.1.0.0/16\"?"),
        ("127.1/8", "does not start with an IPv4 or IPv6 address"), ("10.0.0.0/8/8", "is not in CIDR notation"),
    ])
    func malformedBlockIsRefusedQuotingIt(text: String, problem: String) {
        let error = #expect(throws: IPNetwork.ParseError.self) { try IPNetwork(cidr: text) }
        #expect(error?.description.hasPrefix("\"\(text)\" ") == true)
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }
}
