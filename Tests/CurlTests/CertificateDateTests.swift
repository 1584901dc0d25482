import Curl
import Foundation
import Testing

@Suite("CertificateDate parses curl's certinfo dates")
struct CertificateDateTests {
    @Test func opensslPrintedDateParsesToTheInstant() {
        // 2026-11-23T10:00:00Z
        #expect(CertificateDate.parse("Nov 23 10:00:00 2026 GMT") == Date(timeIntervalSince1970: 1_795_428_000))
    }

    @Test func spacePaddedDayAndLeapDayParse() {
        #expect(CertificateDate.parse("Mar  3 00:00:01 2025 GMT") == Date(timeIntervalSince1970: 1_740_960_001))
        #expect(CertificateDate.parse("Feb 29 23:59:59 2028 GMT") == Date(timeIntervalSince1970: 1_835_481_599))
        #expect(CertificateDate.parse("Jan  1 00:00:00 1970 GMT") == Date(timeIntervalSince1970: 0))
    }

    @Test func fractionalSecondsAreKept() {
        #expect(CertificateDate.parse("Nov 23 10:00:00.5 2026 GMT") == Date(timeIntervalSince1970: 1_795_428_000.5))
    }

    @Test(arguments: [
        "", "Nov 23 10:00:00 2026", "Nov 23 10:00:00 2026 CET", "Foo 23 10:00:00 2026 GMT",
        "Feb 29 10:00:00 2027 GMT", "Nov 31 10:00:00 2026 GMT", "Nov 23 24:00:00 2026 GMT", "Nov 23 10:00 2026 GMT",
        "Nov 23 10:00:-1 2026 GMT", "2026-11-23T10:00:00Z",
    ])
    func anythingElseIsNil(_ text: String) {
        #expect(CertificateDate.parse(text) == nil)
    }
}
