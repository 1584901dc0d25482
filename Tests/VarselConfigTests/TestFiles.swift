import Foundation
import VarselConfig
import VarselModel

/// A fresh directory under the system temp dir for one test's files.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "varselconfig-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The repository root, found from this file's location (Tests/VarselConfigTests/...).
func repositoryRoot(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Loads `text` as varselvakt.toml and returns the error it was rejected with (nil if accepted).
func configError(_ text: String, baseDirectory: String = "/nonexistent-varselvakt-dir") -> ConfigError? {
    do {
        _ = try ConfigLoader.load(text: text, file: "varselvakt.toml", baseDirectory: baseDirectory)
        return nil
    } catch {
        return error
    }
}

/// Same for catalog.toml.
func catalogError(_ text: String) -> ConfigError? {
    do {
        _ = try ConfigLoader.loadCatalog(text: text, file: "catalog.toml")
        return nil
    } catch {
        return error
    }
}

/// The smallest valid config body, for tests that add one thing to it.
let minimalConfig = """
    [store]
    path = "var/varselvakt.sqlite"

    [[feeds]]
    url = "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/atom.xml"

    """

/// The real catalog (config/catalog.toml): subscriber tests reference its API and service ids.
func realCatalog() throws -> Catalog {
    try ConfigLoader.loadCatalog(path: repositoryRoot().appendingPathComponent("config/catalog.toml").path)
}

/// Loads `text` as subscribers.toml and returns the error it was rejected with (nil if accepted).
func subscribersError(
    _ text: String, environment: [String: String] = [:], baseDirectory: String = "/nonexistent-varselvakt-dir"
) throws -> ConfigError? {
    let catalog = try realCatalog()
    do {
        _ = try ConfigLoader.loadSubscribers(
            text: text, file: "subscribers.toml", baseDirectory: baseDirectory, catalog: catalog, environment: environment)
        return nil
    } catch {
        return error
    }
}

/// One valid municipality, lines 1-8, for tests that change or add one thing.
let osloSubscriber = """
    [[subscriber]]
    id = "oslo"
    kind = "municipality"
    name = "Oslo kommune"
    org_number = "974760673"
    municipality_number = "0301"
    emails = ["drift@oslo.kommune.no"]
    apis = ["inntekt"]

    """
