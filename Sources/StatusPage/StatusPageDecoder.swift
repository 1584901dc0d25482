public import Foundation
import VarselModel

/// Turns a Statuspage API v2 body (`incidents.json`, `scheduled-maintenances.json`,
/// `summary.json`, `components.json`) into plain values.
///
/// Tolerant inside, strict at the top: unknown fields are ignored, `null` and wrongly typed
/// fields read as absent, unknown status words are kept as written, and an incident without an
/// id is skipped and reported (`StatusPageDocument.skipped`) while the rest is kept. But a body
/// that is not JSON, or JSON without the endpoint's top-level key, rejects the whole document:
/// read as "no incidents", an HTML error page would make every open incident look withdrawn.
public struct StatusPageDecoder: Sendable {
    public init() {}

    /// Decodes one document. `source` (the URL) only names the document in errors.
    public func decode(_ data: Data, endpoint: StatusPageEndpoint, source: String) throws(StatusPageError)
        -> StatusPageDocument
    {
        let top = try topLevel(data, source: source)
        for key in endpoint.requiredKeys where !top.keys.contains(key) {
            throw .missingKey(source: source, key: key, found: top.keys)
        }
        return top.document
    }

    /// Decodes a webhook request body (`{"meta", "page", "incident" | "component_update"}`).
    public func webhook(_ data: Data, source: String) throws(StatusPageError) -> StatusPageWebhook {
        let top = try topLevel(data, source: source)
        guard top.keys.contains("incident") || top.keys.contains("component_update") else {
            throw .missingKey(source: source, key: "incident", found: top.keys)
        }
        return top.webhook
    }

    private func topLevel(_ data: Data, source: String) throws(StatusPageError) -> TopLevel {
        guard let first = data.first(where: { !Self.isSpace($0) }) else { throw .empty(source: source) }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") else {
            throw .notJSON(source: source, looksLikeHTML: first == UInt8(ascii: "<"), prefix: Self.prefix(of: data))
        }
        do {
            return try JSONDecoder().decode(TopLevel.self, from: data)
        } catch DecodingError.typeMismatch {
            throw .notAnObject(source: source)
        } catch DecodingError.dataCorrupted(let context) {
            let cause = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw .malformedJSON(source: source, message: cause ?? context.debugDescription)
        } catch {
            throw .malformedJSON(source: source, message: String(describing: error))
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The first bytes as one printable line: control characters become spaces, runs of
    /// whitespace collapse, at most 80 characters, so a log line stays a line.
    static func prefix(of data: Data) -> String {
        let text = String(decoding: data.prefix(200), as: UTF8.self)
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else if scalar == "\"" || scalar == "\\" {
                out.append("'")
                lastWasSpace = false
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
            if out.count >= 80 { return out + "..." }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

/// The top-level object of any v2 document or webhook body.
private struct TopLevel: Decodable {
    let keys: [String]
    let document: StatusPageDocument
    let webhook: StatusPageWebhook

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        keys = c.allKeys.map(\.stringValue)
        let page = (try? c.decodeIfPresent(PagePayload.self, forKey: AnyKey("page")))?.page
        var skipped: [SkippedEntry] = []
        func kept(_ key: String) -> [StatusIncident] {
            var out: [StatusIncident] = []
            for (index, element) in c.elements(key, of: IncidentPayload.self).enumerated() {
                if let value = element.value {
                    out.append(value.incident)
                } else {
                    let reason = "\(key)[\(index)]: \(element.problem ?? "unreadable"), skipped"
                    skipped.append(SkippedEntry(position: index + 1, title: element.title, reason: reason))
                }
            }
            return out
        }
        let incidents = kept("incidents")
        let maintenances = kept("scheduled_maintenances")
        let components = c.elements("components", of: ComponentPayload.self).compactMap { $0.value?.component }
        document = StatusPageDocument(
            page: page, components: components, incidents: incidents, scheduledMaintenances: maintenances,
            skipped: skipped)
        webhook = StatusPageWebhook(
            pageID: page?.id ?? (try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("page")))?.text("id"),
            incident: (try? c.decodeIfPresent(IncidentPayload.self, forKey: AnyKey("incident")))?.incident,
            component: (try? c.decodeIfPresent(ComponentPayload.self, forKey: AnyKey("component")))?.component,
            componentUpdate: (try? c.decodeIfPresent(ComponentUpdatePayload.self, forKey: AnyKey("component_update")))?
                .update)
    }
}
