import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselConfig

/// Reads pages from `before` on until `limit` items (all of them when nil): the CLI prints a
/// whole list as it always has, while the reader serves it in bounded pages.
/// - Returns: the items, and the cursor of the rest when `limit` cut the list short.
func collectPages<Item: Sendable>(
    limit: Int?, before: String?, _ page: (_ before: String?, _ size: Int) async throws -> Page<Item>
) async throws -> (items: [Item], next: String?) {
    var items: [Item] = []
    var cursor = before
    while true {
        let wanted = limit.map { $0 - items.count } ?? PageSize.maximum
        guard wanted > 0 else { return (items, cursor) }
        let next: Page<Item>
        do { next = try await page(cursor, min(wanted, PageSize.maximum)) } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        items += next.items
        guard let more = next.next else { return (items, nil) }
        cursor = more
    }
}

/// Tells the reader on standard error where the rest of a cut list begins (stdout stays the list).
func printMore(_ next: String?) {
    if let next { printError("more: pass --before \(next) for the next page") }
}

/// Reads a `--from`/`--to`/`--since` date argument, naming the option when it cannot.
func dateOption(_ text: String?, _ option: String, now: Date = Date()) throws -> Date? {
    guard let text else { return nil }
    guard let date = DateArgument.parse(text, now: now) else {
        throw ValidationError("\(option): cannot read \"\(text)\" as a date (try 2024-01-22 or 7d)")
    }
    return date
}

/// Who an operator action from the command line is recorded as: the login name, else "cli".
func cliUser() -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? ""
    return user.isEmpty ? "cli" : user
}

/// The reader over a store opened read-only (exits 1 with a clear message if it does not exist).
func openHistory(_ config: VarselvaktConfig) throws -> HistoryReader {
    HistoryReader(store: try openStoreForReading(config), config: config)
}
