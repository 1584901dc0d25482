import History
import ArgumentParser
import Foundation
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt deliveries`: who was told what, when, by which channel, and whether it arrived.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List alerts in the outbox: sent, waiting, failed and dead, newest first.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
    @Option(name: .long, help: "Only alerts about this notice (id or alias).") var notice: String?
    @Option(name: .long, help: "Only alerts in this state: pending, sent, failed or dead.") var status: String?
    @Option(name: .long, help: "Only alerts to this subscriber id.") var subscriber: String?
    @Option(name: .long, help: "Only this channel: email or webhook.") var channel: String?
    @Option(name: .long, help: "Only alerts created at or after this time: 2024-01-22, or 7d / 24h / 30m ago.")
    var since: String?
    @Option(name: .long, help: "At most this many.") var limit: Int?

    func run() async throws {
        let config = try options.load()
        var filter = DeliveryFilter(notice: notice, subscriber: subscriber.map { SubscriberID($0) }, limit: limit)
        if let status {
            guard let value = DeliveryStatus(rawValue: status) else {
                throw ValidationError("--status: \"\(status)\" is not one of pending, sent, failed, dead")
            }
            filter.status = value
        }
        if let channel {
            guard let value = DeliveryChannel(rawValue: channel) else {
                throw ValidationError("--channel: \"\(channel)\" is not one of email, webhook")
            }
            filter.channel = value
        }
        if let since {
            guard let date = DateArgument.parse(since, now: Date()) else {
                throw ValidationError("--since: cannot read \"\(since)\" as a date (try 2024-01-22 or 7d)")
            }
            filter.since = date
        }
        let store = try openStoreForReading(config)
        let deliveries: [DeliveryRecord]
        do { deliveries = try await store.deliveries(filter) } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        if json {
            print(try OutputJSON.encode(deliveries.map(DeliveryJSON.init)))
            return
        }
        var table = TextTable(
            ["CREATED", "STATUS", "TRIES", "CHANNEL", "SUBSCRIBER", "NOTICE", "SENT / NEXT", "LAST ERROR"],
            maxWidths: [16, 7, 5, 7, 28, 40, 16, 60])
        for d in deliveries {
            let when = d.sentAt ?? d.nextAttemptAt
            table.add([
                OutputDate.short(d.createdAt), d.status.rawValue, "\(d.attempts)", d.planned.channel.rawValue,
                d.planned.subscriberName, d.planned.noticeID.rawValue, when.map(OutputDate.short) ?? "-", d.lastError ?? "",
            ])
        }
        print(table.render())
        var counts: [DeliveryStatus: Int] = [:]
        for d in deliveries { counts[d.status, default: 0] += 1 }
        let summary = DeliveryStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        print("\(deliveries.count) deliveries" + (summary.isEmpty ? "" : " (" + summary.joined(separator: ", ") + ")"))
    }
}
