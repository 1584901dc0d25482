import ArgumentParser

@main
struct Varselvakt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Watches Skatteetaten's driftsvarsel feeds.")
}
