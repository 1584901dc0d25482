import Curl
import Foundation
import TestSupport
import Testing

/// What probes need from the client: timings, a failure's errno, a capped body, a private CA,
/// the certificate's notAfter.
@Suite("CurlClient probe support")
struct CurlProbeSupportTests {
    @Test func responseCarriesOrderedPhaseTimings() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.perform(CurlRequest(url: server.url("/slow?ms=50")))
            let t = response.timings
            #expect(t.total > 0.04)
            #expect(t.nameLookup <= t.connect)
            #expect(t.connect > 0)
            #expect(t.appConnect == 0)  // plain http: no TLS phase
            #expect(t.connect <= t.startTransfer)
            #expect(t.startTransfer >= 0.04)  // the server slept before answering
            #expect(t.startTransfer <= t.total)
        }
    }

    @Test func refusedConnectionIsReportedWithItsErrno() async throws {
        let closed = try LocalHTTPServer()
        let url = closed.url("/")
        closed.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let result = try await client.attempt(CurlRequest(url: url))
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        guard case .couldNotConnect = failure.error else {
            Issue.record("expected couldNotConnect, got \(failure.error)")
            return
        }
        #expect(failure.isConnectionRefused)
        #expect(failure.osErrno == Int(ECONNREFUSED))
        #expect(failure.timings.connect == 0)
    }

    @Test func performStillThrowsThePlainCurlError() async throws {
        let closed = try LocalHTTPServer()
        let url = closed.url("/")
        closed.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        await #expect(throws: CurlError.self) { try await client.perform(CurlRequest(url: url)) }
    }

    @Test func timeoutFailureKnowsTheConnectionWasMade() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/slow?ms=2000"))
            request.totalTimeout = .milliseconds(300)
            let result = try await client.attempt(request)
            guard case .failure(let failure) = result, case .timeout = failure.error else {
                Issue.record("expected a timeout, got \(result)")
                return
            }
            #expect(failure.timings.connect > 0)
            #expect(failure.timings.startTransfer == 0)
            #expect(failure.timings.total >= 0.29)
        }
    }

    @Test func truncatedBodyEndsTheTransferWithTheStatus() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/bytes?n=5000000&chunked=1"))
            request.maxResponseBytes = 1000
            request.truncateBody = true
            let response = try await client.perform(request)
            #expect(response.statusCode == 200)
            #expect(response.body.count == 1000)
            #expect(response.isTruncated)

            var announced = CurlRequest(url: server.url("/bytes?n=5000"))
            announced.maxResponseBytes = 1000
            announced.truncateBody = true
            let second = try await client.perform(announced)
            #expect(second.body.count == 1000)
            #expect(second.isTruncated)

            var small = CurlRequest(url: server.url("/bytes?n=10"))
            small.truncateBody = true
            #expect(try await client.perform(small).isTruncated == false)
        }
    }

    @Test(.enabled(if: TestCertificateAuthority.isAvailable))
    func privateCAIsTrustedAndTheCertificateExpiryIsRead() async throws {
        let ca = try TestCertificateAuthority()
        defer { ca.remove() }
        let notAfter = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3 * 86_400).rounded(.down))
        let files = try ca.issue(name: "leaf", notBefore: Date().addingTimeInterval(-3600), notAfter: notAfter)
        let server = try LocalHTTPServer(tls: files)
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }

        var request = CurlRequest(url: server.url("/status?code=204"))
        request.caFile = ca.caFile
        request.captureCertificate = true
        request.freshConnection = true
        let response = try await client.perform(request)
        #expect(response.statusCode == 204)
        #expect(response.certificateExpiresAt == notAfter)
        #expect(response.timings.appConnect >= response.timings.connect)
        #expect(response.timings.appConnect > 0)

        // Without the flag nothing is read.
        var plain = request
        plain.captureCertificate = false
        #expect(try await client.perform(plain).certificateExpiresAt == nil)
    }
}
