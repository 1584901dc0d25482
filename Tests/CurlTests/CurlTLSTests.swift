import Curl
import Foundation
import TestSupport
import Testing

@Suite("CurlClient TLS failures")
struct CurlTLSTests {
    static let openssl = "/usr/bin/openssl"

    /// A self-signed certificate is not in the system trust store, so verification must fail,
    /// and that failure must be reported as TLS (an operator alarm), not as a generic error.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl)))
    func selfSignedCertificateFailsAsTLS() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("curltls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: Self.openssl)
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-keyout", key, "-out", cert,
        ]
        openssl.standardError = FileHandle.nullDevice
        try launch(openssl)
        openssl.waitForExit()
        try #require(openssl.terminationStatus == 0)

        let server = try LocalHTTPServer(tls: (cert, key))
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(CurlRequest(url: server.url("/conditional")))
        }
        guard case .tls(_, let code, let message) = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
        #expect(code == 60)
        #expect(!message.isEmpty)
    }
}
