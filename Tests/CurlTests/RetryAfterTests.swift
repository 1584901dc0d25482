import Curl
import Foundation
import Testing

@Suite("Retry-After parsing")
struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example date.
    let now = Date(timeIntervalSince1970: 784_111_777)

    @Test func deltaSeconds() {
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
    }

    @Test(arguments: ["Sun, 06 Nov 1994 08:51:37 GMT", "Sunday, 06-Nov-94 08:51:37 GMT", "Sun Nov  6 08:51:37 1994"])
    func httpDateFormsBecomeSecondsFromNow(value: String) {
        #expect(RetryAfter.seconds(value, now: now) == 120)
    }

    @Test func dateInThePastMeansNow() {
        #expect(RetryAfter.seconds("Sat, 05 Nov 1994 08:49:37 GMT", now: now) == 0)
    }

    @Test(arguments: ["", "-5", "soon", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func unreadableValuesAreIgnored(value: String) {
        #expect(RetryAfter.seconds(value, now: now) == nil)
    }

    @Test func absurdDeltaDoesNotOverflow() {
        #expect(RetryAfter.seconds("99999999999999999999999", now: now) == Int.max)
    }
}
