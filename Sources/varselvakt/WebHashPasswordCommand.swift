import ArgumentParser
import VarselApp

/// `varselvakt web hash-password`: reads a password from stdin (first line) and prints its
/// bcrypt hash for `[[web.users]] password_hash`. From stdin, so the password is not left in
/// the shell's history or the process list.
struct WebHashPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password", abstract: "Read a password from stdin and print its bcrypt hash.")

    @Option(help: "bcrypt cost (4...31); each step doubles the time a check takes.")
    var cost: UInt8 = 12

    func validate() throws {
        guard (4...31).contains(cost) else { throw ValidationError("--cost \(cost) is out of range; allowed 4...31") }
    }

    func run() async throws {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password on stdin (e.g. `read -rs PW; printf '%s\\n' \"$PW\" | varselvakt web hash-password`)")
        }
        print(WebCredentialTools.hashPassword(line, cost: cost))
    }
}
