import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt deliveries`: who was told what, when, by which channel, and whether it arrived.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List alerts in the outbox, or send a dead one again.",
        subcommands: [List.self, SendAgain.self], defaultSubcommand: List.self)
}

extension DeliveriesCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List alerts in the outbox: sent, waiting, failed and dead, newest first.")

        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
        @Option(name: .long, help: "Only alerts about this notice (id or alias).") var notice: String?
        @Option(name: .long, help: "Only alerts in this state: pending, sent, failed or dead.") var status: String?
        @Option(name: .long, help: "Only alerts to this subscriber id.") var subscriber: String?
        @Option(name: .long, help: "Only this channel: email or webhook.") var channel: String?
        @Option(name: .long, help: "Only alerts created at or after this time: 2024-01-22, or 7d / 24h / 30m ago.")
        var since: String?
        @Option(name: .long, help: "At most this many.") var limit: Int?

        @Option(name: .long, help: "Only alerts created before this time.") var to: String?
        @Option(name: .long, help: "Start after this cursor (printed on standard error when --limit cut the list).")
        var before: String?

        func run() async throws {
            let config = try options.load()
            var query = DeliveryQuery(
                notice: notice, subscriber: subscriber.map { SubscriberID($0) }, from: try dateOption(since, "--since"),
                to: try dateOption(to, "--to"))
            if let status {
                guard let value = DeliveryStatus(rawValue: status) else {
                    throw ValidationError("--status: \"\(status)\" is not one of pending, sent, failed, dead")
                }
                query.status = value
            }
            if let channel {
                guard let value = DeliveryChannel(rawValue: channel) else {
                    throw ValidationError("--channel: \"\(channel)\" is not one of email, webhook")
                }
                query.channel = value
            }
            let history = try openHistory(config)
            let (deliveries, next) = try await collectPages(limit: limit, before: before) { before, size in
                query.before = before
                query.limit = size
                return try await history.deliveries(query)
            }
            defer { printMore(next) }
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

    /// `varselvakt deliveries send-again ID`: the web page's "send again" button, from a shell.
    struct SendAgain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send-again",
            abstract: "Put a dead or failed alert back in the outbox, due now (recorded with $USER); the daemon sends it.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The delivery id (see `deliveries --status dead`).") var id: Int64

        func run() async throws {
            let config = try options.load()
            let delivery: DeliveryRecord
            do { delivery = try await OperatorActions(store: try makeStore(config)).sendAgain(delivery: id, by: cliUser()) } catch
            {
                printError("\(error)")
                throw ExitCode(1)
            }
            print(
                "delivery \(delivery.id) to \(delivery.planned.subscriberName) (\(delivery.planned.channel.rawValue)) is pending again;"
                    + " the running daemon sends it")
        }
    }
}
