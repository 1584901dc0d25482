import ArgumentParser
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt notice ID`: one notice with every version and change, who was told, and the
/// probe incidents it is tied to.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Show one notice: every version, every change, who was told, linked incidents.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The notice's id, or any id its feed has given it.") var id: String
    @Flag(name: .long, help: "Print JSON.") var json = false
    @Flag(name: .long, help: "Say which rules and lexicon words decided kind, APIs, scope, environment and window.")
    var explain = false

    func run() async throws {
        let config = try options.load()
        let report: NoticeReport
        do { report = try await openHistory(config).notice(id) } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let (detail, deliveries, incidents, explanation) = (
            report.detail, report.deliveries, report.incidents, report.explanation
        )
        let routing = report.routing.map { ($0.change, $0.note) }
        if json {
            print(try OutputJSON.encode(NoticeDetailJSON(detail, explanation: explanation)))
            return
        }
        print(NoticeText.render(detail))
        if explain { print("\n" + ExplanationText.render(explanation)) }
        print("\nRouting:")
        for (change, note) in routing { print("  change \(change.id) (\(change.change.rawValue)): \(note)") }
        print("\nWho was told (\(deliveries.count)):")
        for d in deliveries.reversed() {
            let when = d.sentAt.map { "sent " + OutputDate.short($0) } ?? d.status.rawValue
            print(
                "  change \(d.planned.changeID)  \(d.planned.channel.rawValue)  \(d.planned.subscriberName) "
                    + "(\(d.planned.reason))  \(when), \(d.attempts) attempts" + (d.lastError.map { "  last error: \($0)" } ?? "")
            )
        }
        if !report.actions.isEmpty {
            print("\nOperator actions:")
            for a in report.actions {
                print(
                    "  \(OutputDate.short(a.at))  \(a.user)  \(a.action.rawValue) \(a.target)"
                        + (a.detail.map { "  \($0)" } ?? ""))
            }
        }
        if !incidents.isEmpty {
            print("\nProbe incidents:")
            for i in incidents {
                print(
                    "  \(i.id)  \(i.api) (\(i.environment.rawValue))  \(OutputDate.short(i.openedAt))–"
                        + (i.resolvedAt.map(OutputDate.short) ?? "open") + "  \(i.cause.rawValue)")
            }
        }
    }
}
