import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// The poll cycle against a real HTTP server on 127.0.0.1: conditional GET, failures, backoff.
@Suite(.serialized) struct PollCycleHTTPTests {
    private func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }

    @Test func secondPollSendsETagAndGets304() async throws {
        let server = try LocalHTTPServer(); defer { server.stop() }
        let file = Fixtures.path("folkeregisteret-rss-2018-10-18-1232.xml")
        let url = server.url("/conditional?etag=\(encoded("\"v1\""))&file=\(encoded(file))")
        let box = try Sandbox(url: url); defer { box.remove() }
        let first = try await box.poll()
        #expect(first.outcome == .modified && first.counts == [.baseline: 20])
        #expect(try await box.runtime.store.feedState(box.feed.id)?.etag == "\"v1\"")
        let second = try await box.poll()
        #expect(second.outcome == .notModified && second.changes.isEmpty)
    }

    @Test func serverErrorBacksOffHonouringRetryAfterAndKeepsNotices() async throws {
        let server = try LocalHTTPServer(); defer { server.stop() }
        let file = Fixtures.path("folkeregisteret-rss-2018-10-18-1232.xml")
        let good = server.url("/conditional?etag=\(encoded("\"v1\""))&file=\(encoded(file))")
        let box = try Sandbox(url: good); defer { box.remove() }
        _ = try await box.poll()

        // The same feed now answers 503 with Retry-After: 120.
        let cycle = box.runtime.cycle
        var feed = box.feed
        feed.url = server.url("/status?code=503&retry_after=120")
        let before = Date()
        let report = try await cycle.poll(feed, now: before)
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("503") == true)
        #expect((report.retryIn?.seconds ?? 0) >= 120)
        let state = try #require(try await box.runtime.store.feedState(feed.id))
        #expect(state.consecutiveFailures == 1)
        #expect((state.nextPollAt?.timeIntervalSince(before) ?? 0) >= 120)
        #expect(try await box.runtime.store.notices().count == 20)

        // A second failure backs off further; a success resets the count.
        _ = try await cycle.poll(feed)
        #expect(try await box.runtime.store.feedState(feed.id)?.consecutiveFailures == 2)
        feed.url = good
        let recovered = try await cycle.poll(feed)
        #expect(recovered.outcome != .failed)
        #expect(try await box.runtime.store.feedState(feed.id)?.consecutiveFailures == 0)
    }

    @Test func htmlErrorPageServedWith200IsRecordedAsNotAFeed() async throws {
        let server = try LocalHTTPServer(); defer { server.stop() }
        let page = "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><p>Back soon</p></body></html>"
        let box = try Sandbox(url: server.url("/status?code=200&text=\(encoded(page))")); defer { box.remove() }
        let report = try await box.poll()
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("not a feed") == true)
        #expect(report.error?.contains("127.0.0.1") == true)
    }

    @Test func redirectLoopFailsWithoutStoringAnything() async throws {
        let server = try LocalHTTPServer(); defer { server.stop() }
        let box = try Sandbox(url: server.url("/loop")); defer { box.remove() }
        let report = try await box.poll()
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("redirect") == true)
        #expect(try await box.runtime.store.notices().isEmpty)
    }
}
