import FeedFetch
import Foundation
import NoticeStore
import StatusPage
import VarselConfig
import VarselModel

/// Reads a status page through the Statuspage API v2: `/api/v2/incidents.json` and
/// `/api/v2/scheduled-maintenances.json` under the page's base URL, each with its own
/// conditional GET, fetched at the same time.
///
/// When only one document changed, the other's last body (kept in `sourceDocument`) stands in
/// for it, so the differ always sees the whole page: an incident is never taken for withdrawn
/// because its document happened to answer 304. Bodies are read from the store only then: an
/// unchanged page costs two 304s and one small query.
struct StatusPageReader: Sendable {
    let fetcher: FeedFetcher
    let store: NoticeStore

    static func documentURLs(base: String) -> (incidents: String, maintenances: String) {
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        return (base + "/api/v2/incidents.json", base + "/api/v2/scheduled-maintenances.json")
    }

    func read(_ feed: FeedConfig, base: String) async throws(SourceReadFailure) -> SourceRead {
        let urls = Self.documentURLs(base: base)
        let limits = feed.fetchLimits
        let stored: [String: SourceDocumentValidators]
        do {
            stored = try await store.sourceDocumentValidators(feed: feed.id)
        } catch {
            throw SourceReadFailure(message: error.description)
        }
        async let incidentsRead = fetch(urls.incidents, stored: stored[urls.incidents], limits: limits)
        async let maintenancesRead = fetch(urls.maintenances, stored: stored[urls.maintenances], limits: limits)
        var incidents: SourceDocumentState
        var maintenances: SourceDocumentState
        do {
            (incidents, maintenances) = try await (incidentsRead, maintenancesRead)
        } catch let failure as SourceReadFailure {
            throw failure
        } catch {
            throw SourceReadFailure(message: "\(base): \(error)")
        }
        if !incidents.isModified && !maintenances.isModified {
            return .notModified(.none)
        }
        try await fillBody(of: &incidents, feed: feed.id)
        try await fillBody(of: &maintenances, feed: feed.id)
        let page: StatusPageAdapter.Page
        let bytes = incidents.body.count + maintenances.body.count
        do {
            page = try StatusPageAdapter.page(
                incidents: incidents.body, incidentsURL: urls.incidents, maintenances: maintenances.body,
                maintenancesURL: urls.maintenances, base: base)
        } catch {
            throw SourceReadFailure(message: error.description, status: 200, bytes: bytes)
        }
        return .modified(
            SourceSnapshot(
                format: .statuspage, title: page.title, entries: page.entries, skipped: page.skipped, status: 200,
                bytes: bytes, validators: .none, documents: [incidents, maintenances], windowStart: page.windowStart))
    }

    /// A document that answered 304 while the other changed: its stored body stands in.
    private func fillBody(of fetched: inout SourceDocumentState, feed: FeedID) async throws(SourceReadFailure) {
        guard !fetched.isModified else { return }
        let url = fetched.url
        let body: [UInt8]?
        do {
            body = try await store.sourceDocumentBody(feed: feed, url: url)
        } catch {
            throw SourceReadFailure(message: error.description)
        }
        guard let body else {
            throw SourceReadFailure(message: "\(url): answered 304 Not Modified but no earlier copy is stored", status: 304)
        }
        fetched.body = body
    }

    private func fetch(_ url: String, stored: SourceDocumentValidators?, limits: FetchLimits) async throws(SourceReadFailure)
        -> SourceDocumentState
    {
        // Validators only of a document stored with its body: a 304 then has a body to fall back on.
        let validators = stored.map { Validators(etag: $0.etag, lastModified: $0.lastModified) } ?? .none
        let result: FetchResult
        do {
            result = try await fetcher.fetch(FeedRequest(url: url, validators: validators, limits: limits))
        } catch {
            throw SourceReadFailure(message: error.description, retryAfter: error.retryAfter)
        }
        switch result {
        case .notModified(let fresh):
            guard stored != nil else {
                throw SourceReadFailure(message: "\(url): answered 304 Not Modified to a request without validators", status: 304)
            }
            // The body is read from the store only if the other document changed (`fillBody`).
            return SourceDocumentState(
                url: url, validators: fresh.isEmpty ? validators : fresh, body: [], isModified: false)
        case .modified(let fetched):
            return SourceDocumentState(url: url, validators: fetched.validators, body: fetched.body, isModified: true)
        }
    }
}
