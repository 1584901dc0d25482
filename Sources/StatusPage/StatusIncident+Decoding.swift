import Foundation
import VarselModel

/// Decodes one incident or maintenance object, tolerantly (see `JSONFields`).
///
/// Only a missing `id` is fatal for the incident: without it the differ cannot track it.
/// A missing name or status reads as empty text; a missing update list as no updates.
struct IncidentPayload: Decodable {
    let incident: StatusIncident

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let name = c.string("name")?.trimmed
        guard let id = c.text("id") else {
            throw ElementProblem(reason: "no id", title: name)
        }
        incident = StatusIncident(
            id: id.trimmed, name: name ?? "", status: c.string("status") ?? "",
            impact: c.text("impact"), createdAt: c.date("created_at"), updatedAt: c.date("updated_at"),
            startedAt: c.date("started_at"), resolvedAt: c.date("resolved_at"),
            scheduledFor: c.date("scheduled_for"), scheduledUntil: c.date("scheduled_until"),
            shortlink: c.text("shortlink"),
            components: c.elements("components", of: ComponentRef.self).compactMap { $0.value?.component },
            updates: c.elements("incident_updates", of: UpdatePayload.self).compactMap { $0.value?.update })
    }
}

/// Decodes one `incident_updates[]` element; `affected_components: null` reads as empty.
struct UpdatePayload: Decodable {
    let update: StatusIncidentUpdate

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        update = StatusIncidentUpdate(
            id: c.text("id"), status: c.string("status") ?? "", body: c.string("body") ?? "",
            createdAt: c.date("created_at"), displayAt: c.date("display_at"),
            affectedComponents: c.elements("affected_components", of: ComponentRef.self).compactMap {
                $0.value?.component
            })
    }
}

/// Decodes one `components[]` element of `components.json` / `summary.json`.
struct ComponentPayload: Decodable {
    let component: StatusPageComponent

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        guard let id = c.text("id") else { throw ElementProblem(reason: "no id", title: c.string("name")) }
        component = StatusPageComponent(
            id: id, name: c.string("name") ?? "", status: c.string("status") ?? "", groupID: c.text("group_id"),
            isGroup: c.bool("group") ?? false)
    }
}

/// Decodes the `page` object.
struct PagePayload: Decodable {
    let page: StatusPageInfo?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        guard let id = c.text("id") else {
            page = nil
            return
        }
        page = StatusPageInfo(id: id, name: c.string("name") ?? "", url: c.text("url"), updatedAt: c.date("updated_at"))
    }
}
