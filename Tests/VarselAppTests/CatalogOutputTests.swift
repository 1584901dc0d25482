import History
import Foundation
import NoticeStore
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// What `varselvakt catalog [--json]` and `varselvakt catalog unknown [--json]` print.
@Suite struct CatalogOutputTests {
    private func jsonObject(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func catalogJSONListsEntriesFamiliesAndServicesWithSnakeCaseKeys() throws {
        let catalog = try ConfigLoader.loadBuiltInCatalog()
        let sha = BuiltInData.catalog.sha256
        let root = try #require(try jsonObject(OutputJSON.encode(CatalogJSON(catalog, source: .builtIn(sha256: sha)))) as? [String: Any])
        #expect(Set(root.keys) == ["source", "apis", "families", "services"])
        let source = try #require(root["source"] as? [String: Any])
        #expect(source["kind"] as? String == "built_in" && source["sha256"] as? String == sha && source["path"] is NSNull)

        let apis = try #require(root["apis"] as? [[String: Any]])
        #expect(apis.count == catalog.apis.count)
        let summert = try #require(apis.first { $0["id"] as? String == "summertskattegrunnlag" })
        #expect(
            Set(summert.keys) == ["id", "kind", "name", "aliases", "categories", "status_components", "depends_on"])
        #expect(summert["kind"] as? String == "api" && summert["name"] as? String == "Summert skattegrunnlag API")
        #expect(summert["aliases"] as? [String] == ["Summert skattegrunnlag"])
        #expect(summert["categories"] as? [String] == ["skatteoppgjør"])
        #expect(summert["depends_on"] as? [String] == ["maskinporten"])
        let maskinporten = try #require(apis.first { $0["id"] as? String == "maskinporten" })
        #expect(maskinporten["kind"] as? String == "platform")
        #expect((maskinporten["status_components"] as? [String])?.isEmpty == false)

        let families = try #require(root["families"] as? [[String: Any]])
        let skatteoppgjoer = try #require(families.first { $0["category"] as? String == "skatteoppgjør" })
        let members = try #require(skatteoppgjoer["apis"] as? [String])
        #expect(members.contains("summertskattegrunnlag") && members.contains("beregnetskatt"))
        // "beregnet skatt" names one API only: a category, not a family.
        #expect(!families.contains { $0["category"] as? String == "beregnet skatt" })

        let services = try #require(root["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == catalog.services.map(\.id))
        let foreldrebetaling = try #require(services.first { $0["id"] as? String == "foreldrebetaling" })
        #expect(foreldrebetaling["apis"] as? [String] == catalog.services.first { $0.id == "foreldrebetaling" }?.apis)
        #expect(foreldrebetaling.keys.contains("rights_package") && foreldrebetaling["name"] is String)
    }

    @Test func catalogFromAFileNamesItsPath() throws {
        let catalog = Catalog(apis: [CatalogAPI(id: "inntekt", name: "Inntekt API")])
        let text = try OutputJSON.encode(CatalogJSON(catalog, source: .file("/etc/varselvakt/catalog.toml")))
        let root = try #require(try jsonObject(text) as? [String: Any])
        let source = try #require(root["source"] as? [String: Any])
        #expect(source["kind"] as? String == "file" && source["path"] as? String == "/etc/varselvakt/catalog.toml")
        #expect(source["sha256"] is NSNull)
        #expect((root["families"] as? [Any])?.isEmpty == true)
    }

    @Test func catalogTextListsEntriesFamiliesServicesAndTheCatalogInForce() throws {
        let catalog = try ConfigLoader.loadBuiltInCatalog()
        let source = CatalogSource.builtIn(sha256: BuiltInData.catalog.sha256)
        let lines = CatalogText.render(catalog, source: source).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("ID") == true && lines.first?.contains("STATUS COMPONENTS") == true)
        #expect(lines.contains { $0.hasPrefix("summertskattegrunnlag ") && $0.contains("Summert skattegrunnlag API") })
        #expect(lines.contains { $0.hasPrefix("skatteoppgjør ") && $0.contains("summertskattegrunnlag") })
        #expect(lines.contains { $0.hasPrefix("foreldrebetaling ") })
        // Platforms come after every API.
        let firstPlatform = try #require(lines.firstIndex { $0.hasPrefix("maskinporten ") })
        let lastAPIID = try #require(catalog.apis.last { $0.kind == .api }?.id)
        let lastAPI = try #require(lines.firstIndex { $0.hasPrefix(lastAPIID + " ") })
        #expect(lastAPI < firstPlatform)
        #expect(lines.last.map(String.init) == source.summaryLine(for: catalog))
        #expect(lines.last?.hasPrefix("Catalog: built into the binary (") == true)
    }

    @Test func catalogUnknownListsNamesWithTheNoticesThatUsedThem() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        let feed = FeedID("api")
        let published = Date(timeIntervalSince1970: 1_700_000_000)
        func baseline(_ id: String) -> NoticeUpdate {
            NoticeUpdate(
                noticeID: NoticeID(id), change: .baseline, reason: .baseline,
                entry: FeedEntry(id: id, title: "Varsel \(id)", published: published),
                fingerprint: Fingerprint(text: id, body: "b", version: id), recordsVersion: true, status: .active,
                missingPolls: 0)
        }
        func names(_ names: [String]) -> Classification {
            Classification(kind: .news, apis: [], scope: .unknown, unrecognisedAPIs: names)
        }
        _ = try await NoticeStore(path: path).recordModified(
            ModifiedPoll(
                feed: feed, url: "file:///tmp/feed.xml", title: nil, etag: nil, lastModified: nil,
                updates: [baseline("a"), baseline("b")],
                classifications: [NoticeID("a"): names(["Skattekort API"]), NoticeID("b"): names([])],
                poll: PollRecord(feedID: feed, startedAt: published, duration: 0, outcome: .modified, entries: 2),
                nextPollAt: nil))

        // As the command reads it: a read-only store.
        let store = try NoticeStore(path: path, readOnly: true)
        let unknown = try await store.unrecognisedAPIs()
        let json = try #require(try jsonObject(OutputJSON.encode(unknown.map(UnrecognisedAPIJSON.init))) as? [[String: Any]])
        #expect(json.count == 1 && json[0]["name"] as? String == "Skattekort API")
        let notices = try #require(json[0]["notices"] as? [[String: Any]])
        #expect(notices.map { $0["id"] as? String } == ["a"])
        #expect(notices[0]["feed"] as? String == "api" && notices[0]["title"] as? String == "Varsel a")
        #expect(notices[0]["published"] as? String == OutputDate.iso(published) && notices[0]["status"] as? String == "active")

        let text = CatalogText.render(unknown)
        #expect(text.contains("Skattekort API") && text.contains("Varsel a") && !text.contains("Varsel b"))
        #expect(text.hasSuffix("1 unrecognised API names, in 1 notices"))
        #expect(CatalogText.render([]) == "No unrecognised API names in the stored notices.")

        // The notice JSON carries the names too (`unrecognised_apis`).
        let records = try await store.notices()
        let noticeJSON = try #require(try jsonObject(OutputJSON.encode(records.map(NoticeJSON.init))) as? [[String: Any]])
        #expect(noticeJSON.first { $0["id"] as? String == "a" }?["unrecognised_apis"] as? [String] == ["Skattekort API"])
        #expect(noticeJSON.first { $0["id"] as? String == "b" }?["unrecognised_apis"] as? [String] == [])
    }
}
