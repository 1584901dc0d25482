import Foundation
import NoticeStore
import Synchronization
import Testing
import VarselModel

/// `varselvakt backup`: a copy of the live store, consistent to one moment, checked before it is
/// kept, never over an existing file.
@Suite struct BackupTests {
    @Test func aBackupTakenWhileAPollerWritesHoldsWholeTransactionsOnly() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll((0..<200).map { update("n\($0)", .baseline) }, at: t0))
        // A writer that keeps storing polls of ten new notices while the backup runs (stopped by a
        // flag: cancelling the task would cancel a write).
        let stop = Mutex(false)
        let writer = Task {
            var round = 0
            while !stop.withLock({ $0 }) && round < 500 {
                round += 1
                _ = try await store.recordModified(
                    poll((0..<10).map { update("r\(round)-\($0)", .new) }, at: t0.addingTimeInterval(Double(round))))
                await Task.yield()
            }
            return round
        }
        let destination = temp.directory.appendingPathComponent("backup.sqlite").path
        let report = try await store.backup(to: destination)
        stop.withLock { $0 = true }
        let rounds = try await writer.value
        #expect(rounds > 0)

        let copy = try NoticeStore(path: destination, readOnly: true)
        let notices = try await copy.notices()
        let changes = try await copy.changes(ChangeFilter())
        #expect(notices.count >= 200 && notices.count == report.notices)
        // Each poll stores its notices and their change rows together: a copy holding a notice
        // without its change (or half a poll) would be a torn snapshot.
        #expect(Set(changes.map(\.noticeID)) == Set(notices.map(\.id)))
        #expect((notices.count - 200) % 10 == 0, "whole polls of ten only, got \(notices.count - 200) extra")
        #expect(report.schema.hasPrefix("v") && report.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: destination + ".partial"))
    }

    @Test func anExistingDestinationIsRefusedAndLeftAsItWas() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        let destination = temp.directory.appendingPathComponent("yesterday.sqlite")
        try Data("yesterday's backup".utf8).write(to: destination)
        await #expect {
            try await store.backup(to: destination.path)
        } throws: { error in
            "\(error)".contains("yesterday.sqlite") && "\(error)".contains("already exists")
        }
        #expect(try Data(contentsOf: destination) == Data("yesterday's backup".utf8))
    }

    @Test func aDestinationInAMissingDirectoryIsNamed() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let destination = temp.directory.appendingPathComponent("no/such/dir/copy.sqlite").path
        await #expect {
            try await store.backup(to: destination)
        } throws: { error in
            "\(error)".contains("no/such/dir") && "\(error)".contains("does not exist")
        }
    }
}
