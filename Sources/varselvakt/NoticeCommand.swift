import ArgumentParser
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt notice ID`: one notice with every version and change.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Show one notice: every version seen and every change.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The notice's id, or any id its feed has given it.") var id: String
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        let config = try options.load()
        let detail: NoticeDetail
        do {
            detail = try await openStoreForReading(config).notice(id)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        if json {
            print(try OutputJSON.encode(NoticeDetailJSON(detail)))
            return
        }
        print(NoticeText.render(detail))
    }
}
