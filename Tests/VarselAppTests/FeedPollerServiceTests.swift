import Foundation
import Logging
import NoticeStore
import ServiceLifecycleTestKit
import TestSupport
import Testing
import VarselApp
import VarselConfig
import VarselModel

@Suite(.serialized) struct FeedPollerServiceTests {
    /// Waits (bounded) until `condition` holds; not a timing assertion, just a way to observe
    /// a background service without sleeping a fixed time.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<400 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return false
    }

    @Test func pollerPollsThenStopsOnGracefulShutdown() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let poller = FeedPollerService(cycle: box.runtime.cycle, feeds: [box.feed], logger: logger)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await poller.run() }
                let polled = try await eventually {
                    try await box.runtime.store.feedState(box.feed.id)?.lastSuccessAt != nil
                }
                #expect(polled)
                trigger.triggerGracefulShutdown()
                // run() must return by itself once shutdown is triggered (no cancellation here).
                try await group.waitForAll()
            }
        }
        #expect(try await box.runtime.store.notices().count == 20)
    }

    @Test func pollerPicksUpANewSnapshotOnItsInterval() async throws {
        let box = try Sandbox(extraFeedKeys: "interval = \"1s\""); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2026-07-03"))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let poller = FeedPollerService(cycle: box.runtime.cycle, feeds: [box.feed], logger: logger)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await poller.run() }
                #expect(try await eventually { try await box.runtime.store.feedState(box.feed.id)?.lastSuccessAt != nil })
                try box.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
                let found = try await eventually {
                    try await !box.runtime.store.changes(ChangeFilter(alertingOnly: true)).isEmpty
                }
                #expect(found)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        let alerts = try await box.runtime.store.changes(ChangeFilter(alertingOnly: true))
        #expect(alerts.map(\.change) == [.new])
    }
}
