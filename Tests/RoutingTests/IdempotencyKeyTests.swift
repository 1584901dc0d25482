import Routing
import Testing
import VarselModel

@Suite struct IdempotencyKeyTests {
    let oslo = SubscriberID("0301-oslo")

    @Test func keyIsTheTruncatedSHA256OfTheVersionedTriple() {
        // printf 'varselvakt/v1/42/0301-oslo/email' | sha256sum | cut -c1-32
        #expect(IdempotencyKey.make(changeID: 42, subscriber: oslo, channel: .email) == "529fa1186f97fb56d09a40e9156d4c23")
    }

    @Test func keyIsStableAcrossCalls() {
        let first = IdempotencyKey.make(changeID: 42, subscriber: oslo, channel: .webhook)
        #expect(IdempotencyKey.make(changeID: 42, subscriber: oslo, channel: .webhook) == first)
        #expect(first.count == 32)
        #expect(first.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func keyDiffersPerChangeSubscriberAndChannel() {
        let keys = [
            IdempotencyKey.make(changeID: 42, subscriber: oslo, channel: .email),
            IdempotencyKey.make(changeID: 43, subscriber: oslo, channel: .email),
            IdempotencyKey.make(changeID: 42, subscriber: SubscriberID("4601-bergen"), channel: .email),
            IdempotencyKey.make(changeID: 42, subscriber: oslo, channel: .webhook),
            // Separators keep "1" + "2/x" apart from "12" + "x".
            IdempotencyKey.make(changeID: 1, subscriber: SubscriberID("2"), channel: .email),
            IdempotencyKey.make(changeID: 12, subscriber: SubscriberID(""), channel: .email),
        ]
        #expect(Set(keys).count == keys.count)
    }
}
