import ArgumentParser
import VarselConfig

/// `varselvakt check-config`: validate the configuration and print what was understood.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the configuration and print what varselvakt understood.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print nothing when the configuration is valid.")
    var quiet = false

    func run() throws {
        let config = try options.load()
        if !quiet {
            print(config.summary())
            print("configuration OK")
        }
    }
}
