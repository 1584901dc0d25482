import Foundation
import TestSupport

/// A made-up Norwegian status page in the Statuspage API v2 shapes (no capture of
/// status.skatteetaten.no exists; the shapes follow ../shared/fixtures/statuspage). Tests build
/// the page step by step and write it to a `LocalSiteServer` between polls.
struct NorwegianStatusPage {
    struct Update {
        var id: String
        var status: String
        var body: String
        var at: Date
        /// When the page shows it; differs from `at` for a back-dated update.
        var displayAt: Date? = nil
        var components: [(code: String, name: String)] = []
    }

    struct Incident {
        var id: String
        var name: String
        var status: String
        var impact: String
        var created: Date
        var updates: [Update]
        var components: [(code: String, name: String)]
        var scheduledFor: Date? = nil
        var scheduledUntil: Date? = nil
    }

    var incidents: [Incident] = []
    var maintenances: [Incident] = []

    static let summert = (code: "c0summert001", name: "Summert skattegrunnlag API")
    static let inntekt = (code: "c0inntekt001", name: "Inntekt API")
    static let folkeregisteret = (code: "c0freg000001", name: "Folkeregisteret")
    static let maskinporten = (code: "c0maskin0001", name: "Maskinporten")
    static let unknown = (code: "c0ukjent0001", name: "Skattekort API")

    func write(to server: LocalSiteServer) throws {
        try server.write(document(key: "incidents", incidents), at: "api/v2/incidents.json")
        try server.write(document(key: "scheduled_maintenances", maintenances), at: "api/v2/scheduled-maintenances.json")
    }

    private func document(key: String, _ list: [Incident]) -> String {
        let object: [String: Any] = [
            "page": ["id": "skatt0demo01", "name": "Skatteetaten", "url": "https://status.skatteetaten.example"],
            key: list.map(json),
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private func json(_ incident: Incident) -> [String: Any] {
        var object: [String: Any] = [
            "id": incident.id, "name": incident.name, "status": incident.status, "impact": incident.impact,
            "created_at": Self.iso(incident.created), "updated_at": Self.iso(incident.updates.map(\.at).max() ?? incident.created),
            "shortlink": "https://stspg.io/\(incident.id)", "page_id": "skatt0demo01",
            "components": incident.components.map { ["id": $0.code, "name": $0.name, "status": "operational"] },
            "incident_updates": incident.updates.reversed().map { update in
                [
                    "id": update.id, "status": update.status, "body": update.body, "incident_id": incident.id,
                    "created_at": Self.iso(update.at), "updated_at": Self.iso(update.at),
                    "display_at": Self.iso(update.displayAt ?? update.at),
                    "affected_components": update.components.map {
                        ["code": $0.code, "name": $0.name, "old_status": "operational", "new_status": "major_outage"]
                    },
                ] as [String: Any]
            },
        ]
        if let start = incident.scheduledFor { object["scheduled_for"] = Self.iso(start) }
        if let end = incident.scheduledUntil { object["scheduled_until"] = Self.iso(end) }
        return object
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
