import Foundation
import NoticeStore
import Testing
import VarselModel

/// Migration v6-environment: a notice's environment and its maintenance windows are stored with
/// its classification and read back; each change row carries the environment routing used.
@Suite struct EnvironmentStoreTests {
    private static let windows = [
        MaintenanceWindow(start: t0.addingTimeInterval(86_400), end: t0.addingTimeInterval(86_400 + 4 * 3600)),
        MaintenanceWindow(start: t0.addingTimeInterval(2 * 86_400), end: nil),
    ]

    private func classified(_ environment: NoticeEnvironment, windows: [MaintenanceWindow] = []) -> Classification {
        Classification(
            kind: .maintenance, apis: ["inntekt"], scope: .apis, environment: environment, maintenanceWindows: windows)
    }

    @Test func environmentAndMaintenanceWindowsRoundTripOnNoticeAndChange() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let written = try await store.recordModified(
            poll([update("a", .new)], at: t0, classifications: [NoticeID("a"): classified(.test, windows: Self.windows)]))
        #expect(written.map(\.environment) == [.test])

        let detail = try await store.notice("a")
        #expect(detail.notice.classification.environment == .test)
        #expect(detail.notice.classification.maintenanceWindows == Self.windows)
        #expect(detail.notice.classification.maintenanceWindow == Self.windows[0])
        #expect(detail.changes.map(\.environment) == [.test])
        #expect(try await store.changes().map(\.environment) == [.test])

        // A read-only store (the CLI) reads the same.
        let reader = try NoticeStore(path: temp.path, readOnly: true)
        #expect(try await reader.notices().map(\.classification.environment) == [.test])
        #expect(try await reader.notices().map(\.classification.maintenanceWindows) == [Self.windows])
    }

    @Test func noticeWithoutEnvironmentOrWindowsReadsProductionAndNone() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .new)], at: t0))
        let detail = try await store.notice("a")
        #expect(detail.notice.classification.environment == .production)
        #expect(detail.notice.classification.maintenanceWindows.isEmpty)
        #expect(detail.changes.map(\.environment) == [.production])
    }

    @Test func newVersionTakesItsClassificationsEnvironmentAndAWithdrawalTheStoredOne() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(
            poll([update("a", .baseline)], at: t0, classifications: [NoticeID("a"): classified(.test)]))
        let changed = try await store.recordModified(
            poll(
                [update("a", .changed, title: "Nå også i produksjon", hash: "t2")], at: t0 + 60,
                classifications: [NoticeID("a"): classified(.both, windows: [Self.windows[1]])]))
        #expect(changed.map(\.environment) == [.both])
        // A withdrawal carries no classification: the change row takes the notice's.
        let withdrawn = try await store.recordModified(
            poll([update("a", .withdrawn, status: .withdrawn, entry: false)], at: t0 + 120))
        #expect(withdrawn.map(\.environment) == [.both])

        let detail = try await store.notice("a")
        #expect(detail.notice.classification.environment == .both)
        #expect(detail.notice.classification.maintenanceWindows == [Self.windows[1]])
        #expect(detail.changes.map(\.environment) == [.test, .both, .both])
    }

    @Test func settingTheSingleWindowKeepsTheListInStepAndTheListKeepsTheWindow() {
        var classification = Classification(kind: .maintenance, apis: [], scope: .all)
        #expect(classification.maintenanceWindows.isEmpty && classification.environment == .production)
        classification.maintenanceWindow = Self.windows[0]
        #expect(classification.maintenanceWindows == [Self.windows[0]])
        classification.maintenanceWindows = [Self.windows[1], Self.windows[0]]
        #expect(classification.maintenanceWindow == Self.windows[1])
        classification.maintenanceWindow = nil
        #expect(classification.maintenanceWindows.isEmpty)
        let given = Classification(kind: .maintenance, apis: [], scope: .all, maintenanceWindow: Self.windows[0])
        #expect(given.maintenanceWindows == [Self.windows[0]])
    }
}
