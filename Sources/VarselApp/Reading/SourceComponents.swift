import Classify
import FeedFetch
import Foundation
import StatusPage
import VarselConfig
import VarselModel

/// One component of a status page and what the catalog makes of it (`sources components`).
public struct SourceComponentRow: Sendable, Hashable {
    /// Statuspage's component id (the `code` incidents name it by).
    public var code: String
    public var name: String
    /// operational, degraded_performance, partial_outage, major_outage, under_maintenance.
    public var status: String
    /// The group's name when the component belongs to one.
    public var group: String?
    public var isGroup: Bool
    /// The catalog id it maps to (code first, then name), nil when none does.
    public var api: String?
}

/// Why `sources components` could not list a source's components.
public struct SourceComponentsError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Runtime {
    /// The components of the status page behind `source` (a `[[feeds]]` name), fetched now from
    /// `/api/v2/components.json`, each with the catalog entry it maps to, so KS can see which
    /// components no entry lists and complete `status_components` in the catalog.
    public func components(of source: String) async throws(SourceComponentsError) -> (
        base: String, rows: [SourceComponentRow]
    ) {
        guard let feed = config.feeds.first(where: { $0.id.rawValue == source }) else {
            let names = config.feeds.map(\.id.rawValue).joined(separator: ", ")
            throw SourceComponentsError(description: "no source named \"\(source)\" in \(config.configFile) (sources: \(names))")
        }
        let base: String
        switch feed.format {
        case .statuspage:
            base = feed.url
        case .atom, .rss:
            throw SourceComponentsError(
                description: "source \"\(source)\" is a feed (format \"\(feed.format.rawValue)\"); feeds have no components")
        case .auto:
            let found = await cycle.reader.discover(feed.url, limits: feed.fetchLimits)
            guard let found, found.format == .statuspage else {
                throw SourceComponentsError(
                    description: "source \"\(source)\" (\(feed.url)) is not a Statuspage page; run `varselvakt sources discover \(feed.url)`")
            }
            base = found.url
        }
        let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + StatusPageEndpoint.components.path
        let body: [UInt8]
        do {
            switch try await cycle.fetcher.fetch(FeedRequest(url: url, limits: feed.fetchLimits)) {
            case .modified(let fetched): body = fetched.body
            case .notModified: throw SourceComponentsError(description: "\(url): answered 304 to a request without validators")
            }
        } catch let error as SourceComponentsError {
            throw error
        } catch {
            throw SourceComponentsError(description: "\(error)")
        }
        let document: StatusPageDocument
        do {
            document = try StatusPageDecoder().decode(Data(body), endpoint: .components, source: url)
        } catch {
            throw SourceComponentsError(description: error.description)
        }
        let mapper = ComponentMapper(catalog: config.catalog)
        let groups = Dictionary(document.components.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = document.components.map { component in
            SourceComponentRow(
                code: component.id, name: component.name, status: component.status,
                group: component.groupID.flatMap { groups[$0] }, isGroup: component.isGroup,
                api: mapper.api(for: StatusComponent(code: component.id, name: component.name)))
        }
        return (base, rows)
    }
}
