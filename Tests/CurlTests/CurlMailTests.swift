import Curl
import Foundation
import TestSupport
import Testing


/// A hand-built RFC 5322 message with CRLF line endings and a line that needs dot-stuffing.
func message(subject: String) -> [UInt8] {
    let lines = [
        "From: varselvakt <varselvakt@localhost>",
        "To: ops@example.org",
        "Subject: \(subject)",
        "Message-ID: <\(UUID().uuidString)@varselvakt.localhost>",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Driftsvarsel: Altinn er nede.",
        ".starts with a dot and must survive",
        "..two dots too",
        ".",
        "last line",
    ]
    return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
}

@Suite("SMTP submission over a real aiosmtpd server")
struct CurlMailTests {
    @Test func oneSubmissionReachesAllRecipientsWithTheBodyByteForByte() async throws {
        try await withSMTPServerAndClient { server, client in
            let envelope = MailEnvelope(
                from: "varselvakt@localhost", recipients: ["ops@example.org", "vakt@example.org", "leder@example.no"])
            let body = message(subject: "Tre mottakere")
            let response = try await client.perform(
                .mail(url: server.url, envelope: envelope, message: body, security: .none))
            #expect(response.statusCode == 250)
            let received = try await server.messages(atLeast: 1)
            #expect(received.count == 1)
            let mail = try #require(received.first)
            #expect(mail.from == "varselvakt@localhost")
            #expect(mail.recipients == envelope.recipients)
            #expect(mail.data == body)
        }
    }

    @Test func rejectedRecipientIsAPermanentFailureWithTheServersReply() async throws {
        try await withSMTPServerAndClient(rejecting: ["nobody@example.org"]) { server, client in
            let envelope = MailEnvelope(from: "varselvakt@localhost", recipients: ["ops@example.org", "nobody@example.org"])
            let error = await #expect(throws: CurlError.self) {
                try await client.perform(
                    .mail(url: server.url, envelope: envelope, message: message(subject: "x"), security: .none))
            }
            let failure = try #require(error)
            // curl 7.88 reports a refused RCPT as CURLE_SEND_ERROR (55); the reply is what counts.
            #expect(failure.code == 55)
            #expect(failure.smtpReplyCode == 550)
            #expect(failure.isPermanentMailFailure)
            #expect(failure.description.contains("SMTP 550"))
            // By default one refused recipient aborts the whole submission: nothing was delivered.
            #expect(server.messages.isEmpty)
        }
    }

    @Test func deferredRecipientIsATemporaryFailure() async throws {
        try await withSMTPServerAndClient(deferring: ["busy@example.org"]) { server, client in
            let envelope = MailEnvelope(from: "varselvakt@localhost", recipients: ["busy@example.org"])
            let error = await #expect(throws: CurlError.self) {
                try await client.perform(
                    .mail(url: server.url, envelope: envelope, message: message(subject: "x"), security: .none))
            }
            let failure = try #require(error)
            #expect(failure.smtpReplyCode == 450)
            #expect(!failure.isPermanentMailFailure)
            #expect(server.messages.isEmpty)
        }
    }

    @Test func plainSMTPToARemoteHostIsRefusedBeforeConnecting() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        // 192.0.2.1 (TEST-NET-1) would hang on connect; the refusal must come first.
        for url in ["smtp://192.0.2.1:25", "smtp://127.0.0.1.nip.io:25", "smtp://localhost.example.org:25"] {
            let error = await #expect(throws: CurlError.self) {
                try await client.perform(
                    .mail(
                        url: url, envelope: MailEnvelope(from: "a@localhost", recipients: ["b@example.org"]),
                        message: message(subject: "x"), security: .none))
            }
            guard case .invalidRequest(_, let reason) = try #require(error) else {
                Issue.record("expected invalidRequest for \(url), got \(String(describing: error))")
                continue
            }
            #expect(reason.contains("loopback"))
            #expect(error?.isPermanentMailFailure == true)
        }
    }

    @Test func schemeMustMatchTheSecurityPolicy() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let envelope = MailEnvelope(from: "a@localhost", recipients: ["b@example.org"])
        for (url, security) in [("smtps://127.0.0.1:1", MailSecurity.startTLSRequired), ("smtp://127.0.0.1:1", .implicitTLS)] {
            await #expect(throws: CurlError.self) {
                try await client.perform(.mail(url: url, envelope: envelope, message: [], security: security))
            }
        }
        var request = CurlRequest.mail(url: "http://127.0.0.1:1/", envelope: envelope, message: [], security: .none)
        request.allowedProtocols = "http"
        let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
        guard case .invalidRequest = try #require(error) else {
            Issue.record("an envelope must not go over http: \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [
        MailEnvelope(from: "a@localhost\r\nRCPT TO:<victim@example.org>", recipients: ["b@example.org"]),
        MailEnvelope(from: "a@localhost", recipients: ["b@example.org\nDATA"]),
        MailEnvelope(from: "a@localhost", recipients: ["b@example.org> NOTIFY=NEVER"]),
        MailEnvelope(from: "a@localhost", recipients: []),
    ])
    func injectionOrEmptyEnvelopeIsRefusedBeforeSending(envelope: MailEnvelope) async throws {
        try await withSMTPServerAndClient { server, client in
            let error = await #expect(throws: CurlError.self) {
                try await client.perform(
                    .mail(url: server.url, envelope: envelope, message: message(subject: "x"), security: .none))
            }
            guard case .invalidRequest = try #require(error) else {
                Issue.record("expected invalidRequest, got \(String(describing: error))")
                return
            }
            // A well-formed message afterwards is the only one that arrives.
            let good = MailEnvelope(from: "a@localhost", recipients: ["b@example.org"])
            _ = try await client.perform(.mail(url: server.url, envelope: good, message: message(subject: "ok"), security: .none))
            let received = try await server.messages(atLeast: 1)
            #expect(received.map(\.recipients) == [["b@example.org"]])
        }
    }

    @Test func closedPortIsATemporaryFailure() async throws {
        // Take a port from a server, then stop it: nothing listens there any more.
        let server = try LocalSMTPServer()
        let url = server.url
        server.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(
                .mail(
                    url: url, envelope: MailEnvelope(from: "a@localhost", recipients: ["b@example.org"]),
                    message: message(subject: "x"), security: .none))
        }
        guard case .couldNotConnect = try #require(error) else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(error?.smtpReplyCode == nil)
        #expect(error?.isPermanentMailFailure == false)
    }

    @Test func requiredStartTLSFailsAgainstAServerWithoutIt() async throws {
        try await withSMTPServerAndClient { server, client in
            let error = await #expect(throws: CurlError.self) {
                try await client.perform(
                    .mail(
                        url: server.url, envelope: MailEnvelope(from: "a@localhost", recipients: ["b@example.org"]),
                        message: message(subject: "x"), security: .startTLSRequired))
            }
            guard case .tls(_, let code, _) = try #require(error) else {
                Issue.record("expected tls, got \(String(describing: error))")
                return
            }
            #expect(code == 64)  // CURLE_USE_SSL_FAILED
            #expect(error?.isPermanentMailFailure == false)
            #expect(server.messages.isEmpty)
        }
    }

    @Test func twentyParallelSubmissionsAllArrive() async throws {
        try await withSMTPServerAndClient { server, client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let envelope = MailEnvelope(from: "varselvakt@localhost", recipients: ["ops\(index)@example.org"])
                        return try await client.perform(
                            .mail(url: server.url, envelope: envelope, message: message(subject: "nr \(index)"), security: .none)
                        ).statusCode
                    }
                }
                for try await status in group { #expect(status == 250) }
            }
            let received = try await server.messages(atLeast: 20)
            #expect(received.count == 20)
            #expect(Set(received.flatMap(\.recipients)) == Set((0..<20).map { "ops\($0)@example.org" }))
            #expect(Set(received.map(\.data)).count == 20)
        }
    }

    @Test func credentialsNeverShowTheirPassword() {
        let credentials = MailCredentials(username: "varselvakt", password: "hemmelig-123")
        #expect(!credentials.description.contains("hemmelig"))
        let request = CurlRequest.mail(
            url: "smtp://mail.example.org:587", envelope: MailEnvelope(from: "a", recipients: ["b"]), message: [],
            credentials: credentials)
        #expect(!String(reflecting: request).contains("hemmelig"))
        #expect(!"\(request)".contains("hemmelig"))
    }
}
