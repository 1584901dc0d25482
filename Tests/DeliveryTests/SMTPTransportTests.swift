import Curl
import Delivery
import Foundation
import TestSupport
import Testing


func mailTransport(_ client: CurlClient, url: String, security: MailSecurity = .none) -> SMTPTransport {
    SMTPTransport(client: client, url: url, security: security, credentials: nil, timeout: .seconds(10), connectTimeout: .seconds(5))
}

/// A small RFC 5322 message with CRLF line endings.
func alertMail(_ subject: String = "Driftsproblemer i Altinn") -> [UInt8] {
    let lines = [
        "From: varselvakt <varselvakt@localhost>", "To: drift@kommune.example", "Subject: \(subject)",
        "Message-ID: <notice-17.kommune-0301@varselvakt.localhost>", "Content-Type: text/plain; charset=utf-8", "",
        "Skatteetaten melder driftsproblemer.", ".linje som starter med punktum",
    ]
    return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
}

@Suite("SMTP transport against a real aiosmtpd server on 127.0.0.1")
struct SMTPTransportTests {
    @Test func messageReachesEveryRecipientInOneTransaction() async throws {
        try await withSMTPServerAndClient { server, client in
            let recipients = ["drift@kommune.example", "it@kommune.example", "leverandor@firma.example"]
            let message = alertMail()
            let result = await mailTransport(client, url: server.url).send(
                from: "varselvakt@localhost", recipients: recipients, message: message)
            #expect(result == .delivered(detail: "SMTP 250 via \(server.url) (3 recipients)"))
            let received = try await server.messages(atLeast: 1)
            #expect(received.count == 1)
            #expect(received.first?.from == "varselvakt@localhost")
            #expect(received.first?.recipients == recipients)
            #expect(received.first?.data == message)
        }
    }

    @Test func refusedRecipientIsAPermanentFailure() async throws {
        try await withSMTPServerAndClient(rejecting: ["nobody@kommune.example"]) { server, client in
            let result = await mailTransport(client, url: server.url).send(
                from: "varselvakt@localhost", recipients: ["nobody@kommune.example"], message: alertMail())
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.hasPrefix("SMTP 550 from \(server.url): "))
            #expect(server.messages.isEmpty)
        }
    }

    @Test func deferredRecipientIsRetried() async throws {
        try await withSMTPServerAndClient(deferring: ["busy@kommune.example"]) { server, client in
            let result = await mailTransport(client, url: server.url).send(
                from: "varselvakt@localhost", recipients: ["busy@kommune.example", "drift@kommune.example"],
                message: alertMail())
            guard case .retry(let error, nil) = result else {
                Issue.record("expected retry, got \(result)")
                return
            }
            #expect(error.hasPrefix("SMTP 450 from \(server.url): "))
            // All or nothing: the transaction was abandoned, so a retry cannot duplicate.
            #expect(server.messages.isEmpty)
        }
    }

    @Test func oneRefusedAddressAmongSeveralStillReachesTheOthersAndIsNamed() async throws {
        try await withSMTPServerAndClient(rejecting: ["typo@kommune.example"]) { server, client in
            let result = await mailTransport(client, url: server.url).send(
                from: "varselvakt@localhost",
                recipients: ["drift@kommune.example", "typo@kommune.example", "it@kommune.example"], message: alertMail())
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(
                error
                    == "mail server 127.0.0.1:\(server.port): refused permanently: typo@kommune.example (SMTP 550); delivered to 2 of 3 recipients"
            )
            let received = try await server.messages(atLeast: 2)
            #expect(received.map(\.recipients).sorted { $0[0] < $1[0] } == [["drift@kommune.example"], ["it@kommune.example"]])
        }
    }

    @Test func closedPortIsRetried() async throws {
        let server = try LocalSMTPServer()
        let url = server.url
        let port = server.port
        server.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let result = await mailTransport(client, url: url).send(
            from: "varselvakt@localhost", recipients: ["drift@kommune.example"], message: alertMail())
        guard case .retry(let error, nil) = result else {
            Issue.record("expected retry, got \(result)")
            return
        }
        #expect(error.hasPrefix("cannot connect to mail server 127.0.0.1:\(port): "))
    }

    @Test func requiredStartTLSAgainstAPlainServerIsRetriedAndSendsNothing() async throws {
        try await withSMTPServerAndClient { server, client in
            let result = await mailTransport(client, url: server.url, security: .startTLSRequired).send(
                from: "varselvakt@localhost", recipients: ["drift@kommune.example"], message: alertMail())
            guard case .retry(let error, nil) = result else {
                Issue.record("expected retry, got \(result)")
                return
            }
            #expect(error.hasPrefix("TLS failure with mail server 127.0.0.1:\(server.port)"))
            #expect(server.messages.isEmpty)
        }
    }

    @Test func plainSMTPToARemoteHostIsPermanentWithoutConnecting() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let result = await mailTransport(client, url: "smtp://192.0.2.1:25").send(
            from: "varselvakt@localhost", recipients: ["drift@kommune.example"], message: alertMail())
        guard case .permanent(let error) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(error.contains("loopback"))
    }

    @Test func credentialsInTheURLNeverAppearInResults() async throws {
        let server = try LocalSMTPServer()
        let port = server.port
        server.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let transport = SMTPTransport(
            client: client, url: "smtp://varsel:s3cr3t-pw@127.0.0.1:\(port)", security: .none,
            credentials: MailCredentials(username: "varsel", password: "s3cr3t-pw"), timeout: .seconds(10),
            connectTimeout: .seconds(5))
        let result = await transport.send(from: "varselvakt@localhost", recipients: ["a@kommune.example"], message: alertMail())
        let error = try #require(result.error)
        #expect(error.hasPrefix("cannot connect to mail server 127.0.0.1:\(port)"))
        #expect(!error.contains("s3cr3t-pw"))
    }
}
