import ArgumentParser
import VarselApp

/// `varselvakt web new-token`: prints a new random API token and the `[[web.tokens]]` table
/// holding its SHA-256. The token itself is stored nowhere: give it to the client now.
struct WebNewTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-token", abstract: "Print a new API token and the [[web.tokens]] entry for it.")

    @Option(help: "Who gets the token (the entry's name).")
    var name: String = "prometheus"

    func validate() throws {
        guard !name.isEmpty, !name.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }) else {
            throw ValidationError("--name must be non-empty, without quotes, backslashes or line breaks")
        }
    }

    func run() async throws {
        let made = WebCredentialTools.newToken()
        print("token: \(made.token)")
        print("")
        print("[[web.tokens]]")
        print("name = \"\(name)\"")
        print("sha256 = \"\(made.sha256)\"")
    }
}
