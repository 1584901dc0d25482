import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselModel

/// Replays the real Folkeregisteret snapshots through the whole poll cycle (file fetch, libxml2
/// parse, diff, classify, SQLite) and asserts the exact changes between each pair. The truth was
/// derived by reading the files (guid sets, titles and description texts compared pairwise); see
/// ../shared/fixtures/README.md for the traps each pair contains.
@Suite(.serialized) struct FixtureReplayTests {
    @Test func resolvedByEditingTheNoticeIsOneChange() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        let first = try await box.poll()
        #expect(first.isBaseline && first.counts == [.baseline: 20] && first.alerting.isEmpty)
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1318"))
        let second = try await box.poll()
        #expect(second.counts == [.changed: 1])
        let id =
            "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/driftsstatus/2018-10-18-Manglende_oppdatering_rettighetspakke"
        #expect(second.changes.first?.noticeID.rawValue == id)
        let detail = try await box.runtime.store.notice(id)
        #expect(
            detail.versions.map(\.entry.title) == [
                "Manglende oppdatering av rettighetspakke", "Manglende oppdatering av rettighetspakke - LØST",
            ])
        #expect(detail.notice.classification.kind == .resolved)
    }

    @Test func temporaryTruncationExpiresSilentlyAndRestoresSilently() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2023-08-21-1511"))
        let full = try await box.poll()
        #expect(full.counts == [.baseline: 408])
        try box.serve(Fixtures.folkeregisteret("2023-08-21-1514"))
        let truncated = try await box.poll()
        #expect(truncated.entries == 100)
        #expect(truncated.counts == [.expired: 308])
        #expect(truncated.alerting.isEmpty)
        // 23 minutes later the whole feed was back.
        try box.serve(Fixtures.folkeregisteret("2023-08-21-1511"))
        let restored = try await box.poll()
        #expect(restored.changes.isEmpty)
        let active = try await box.runtime.store.notices(NoticeFilter(status: .active))
        #expect(active.count == 408)
        let alerts = try await box.runtime.store.changes(ChangeFilter(alertingOnly: true))
        #expect(alerts.isEmpty)
    }

    @Test func typoFixInTitleIsOneChange() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2023-11-03-1118"))
        #expect(try await box.poll().counts == [.baseline: 442])
        try box.serve(Fixtures.folkeregisteret("2023-11-03-1122"))
        let second = try await box.poll()
        #expect(second.counts == [.changed: 1])
        #expect(
            second.changes.first?.noticeID.rawValue
                == "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/driftsstatus/2023-11-03-vergemaal")
        #expect(second.changes.first?.title == "Driftsmelding - Mangel i migrering av vergemal 03.11.2023")
    }

    @Test func deletedIncidentIsWithdrawnAfterTwoPolls() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2024-08-15-1029"))
        #expect(try await box.poll().counts == [.baseline: 495])
        try box.serve(Fixtures.folkeregisteret("2024-08-15-1152"))
        let firstMiss = try await box.poll()
        #expect(firstMiss.changes.isEmpty)
        // The same build again: the file is unchanged, so this is the not-modified path.
        let secondMiss = try await box.poll()
        #expect(secondMiss.outcome == .notModified)
        #expect(secondMiss.counts == [.withdrawn: 1])
        #expect(
            secondMiss.changes.first?.noticeID.rawValue
                == "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/driftsmelding-driftsproblemer-14.08")
        #expect(secondMiss.changes.first?.kind == .incident)
    }

    @Test func entityNoiseIsNotAChangeAndTheNewItemIsNew() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2026-07-03"))
        #expect(try await box.poll().counts == [.baseline: 517])
        try box.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let second = try await box.poll()
        #expect(second.counts == [.new: 1])
        #expect(
            second.changes.first?.title
                == "Ny identitetsgrunnlagstatus og stort antall hendelser fra 01.02.2027 - 20260707")
        #expect(second.changes.first?.apis == ["folkeregisteret"])
    }

    @Test func itemsWithoutPubDateAreKept() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2021-04-29"))
        let report = try await box.poll()
        #expect(report.counts == [.baseline: 207])
        let undated = try await box.runtime.store.notices().filter { $0.entry.published == nil }
        #expect(undated.count == 132)
    }

    @Test func unchangedFileIsNotModifiedAndStoresNothing() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        _ = try await box.poll()
        let again = try await box.poll()
        #expect(again.outcome == .notModified && again.changes.isEmpty)
    }
}

@Suite(.serialized) struct CancellationLinkTests {
    @Test func utgaarNoticeIsLinkedToTheNoticeItCancels() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.atom)
        _ = try await box.poll()
        let notices = try await box.runtime.store.notices()
        let cancellation = try #require(notices.first { $0.entry.title == "Utgår - Varsel om vedlikehold torsdag 15. juni 2023" })
        let original = try #require(notices.first { $0.entry.title == "Varsel om vedlikehold torsdag 15. juni 2023" })
        #expect(cancellation.classification.kind == .cancelled)
        #expect(cancellation.cancelsNoticeID == original.id)
        #expect(original.cancelsNoticeID == nil)
    }
}
