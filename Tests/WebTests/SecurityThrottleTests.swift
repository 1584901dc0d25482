import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite struct SecurityThrottleTests {
    @Test func theDelayGrowsAfterTheFreeFailuresAndStopsAtTheCap() {
        let policy = LoginThrottle.Policy(freeFailures: 2, base: .seconds(1), cap: .seconds(30))
        #expect((0...9).map { policy.delay(after: $0) } == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
    }

    @Test func repeatedFailuresForOneUserAreSlowedWithoutRealSleeping() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let time = ManualTime()
        try await testApplication(fixture.deps, TestCredentials.settings(time: time)).test(.router) { client in
            for _ in 0..<5 { _ = try await logIn(client, password: "feil") }
            #expect(time.slept == [.seconds(1), .seconds(2)])
            // The right password still gets in, after the wait, and clears the user's count.
            let right = try await logIn(client)
            #expect(right.response.status == .seeOther)
            #expect(time.slept == [.seconds(1), .seconds(2), .seconds(4)])
        }
    }

    @Test func failuresFromOneAddressSlowOtherUserNamesToo() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let time = ManualTime()
        try await testApplication(fixture.deps, TestCredentials.settings(time: time)).test(.router) { client in
            for name in ["a", "b", "c"] { _ = try await logIn(client, password: "x", user: name) }
            #expect(time.slept.isEmpty)
            _ = try await logIn(client, password: "x", user: "d")
            #expect(time.slept == [.seconds(1)])
        }
    }

    @Test func failuresAreForgottenAfterAQuarterOfAnHour() async throws {
        let time = ManualTime()
        let throttle = LoginThrottle(policy: LoginThrottle.Policy(), now: time.now)
        for _ in 0..<5 { await throttle.failed(user: "kari", client: "10.0.0.1") }
        #expect(await throttle.delay(user: "kari", client: "10.0.0.2") == .seconds(4))
        time.advance(15 * 60 + 1)
        #expect(await throttle.delay(user: "kari", client: "10.0.0.1") == .zero)
    }
}
