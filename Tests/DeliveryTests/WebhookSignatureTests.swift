import Crypto
import Delivery
import Foundation
import Testing
import VarselModel

@Suite("Webhook signature: t=<ts>,v1=<hex HMAC-SHA256(secret, ts.body)>")
struct WebhookSignatureTests {
    let body = Array(#"{"notice":"Planlagt vedlikehold"}"#.utf8)

    @Test func headerMatchesAnIndependentlyComputedHMAC() throws {
        let header = WebhookSignature.header(body: body, secret: testSecret, timestamp: 1_700_000_000)
        let key = SymmetricKey(data: Array(testSecret.value.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array("1700000000.".utf8) + body, using: key)
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        #expect(header == "t=1700000000,v1=\(hex)")
    }

    @Test func aKnownVectorStaysStable() {
        // Computed once with Python: hmac.new(b"secret", b"1.{}", hashlib.sha256).hexdigest()
        let header = WebhookSignature.header(body: Array("{}".utf8), secret: Secret("secret"), timestamp: 1)
        #expect(header == "t=1,v1=1122767b193110cfec322b6f199b599edbf608ed087f2d27afb0b97d99523908")
    }

    @Test func verifyAcceptsItsOwnHeaderWithinTolerance() {
        let header = WebhookSignature.header(body: body, secret: testSecret, timestamp: 1_000)
        #expect(WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 1_000))
        #expect(WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 1_300))
        #expect(WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 700))
    }

    @Test func verifyRejectsTamperingWrongSecretAndStaleTimestamps() {
        let header = WebhookSignature.header(body: body, secret: testSecret, timestamp: 1_000)
        #expect(!WebhookSignature.verify(header: header, body: body + [0x20], secret: testSecret, now: 1_000))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: Secret("other"), now: 1_000))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 1_301))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 699))
        // The timestamp is signed: moving it forward breaks the MAC.
        let replayed = header.replacingOccurrences(of: "t=1000", with: "t=1200")
        #expect(!WebhookSignature.verify(header: replayed, body: body, secret: testSecret, now: 1_200))
    }

    @Test(arguments: ["", "t=1000", "v1=00", "t=abc,v1=00", "t=1000,v1=zz", "t=1000,t=1000,v1=00", "garbage"])
    func verifyFailsClosedOnMalformedHeaders(header: String) {
        #expect(!WebhookSignature.verify(header: header, body: [], secret: testSecret, now: 1_000))
    }

    @Test func verifyAcceptsAnyOfSeveralV1EntriesAndUppercaseHex() {
        let good = WebhookSignature.header(body: body, secret: testSecret, timestamp: 5)
        let mac = String(good.split(separator: "=").last!)
        let header = "t=5, v1=\(String(repeating: "0", count: 64)), v1=\(mac.uppercased())"
        #expect(WebhookSignature.verify(header: header, body: body, secret: testSecret, now: 5))
    }
}
