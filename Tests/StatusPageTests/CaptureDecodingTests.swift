import Foundation
import StatusPage
import TestSupport
import Testing
import VarselModel

/// Every real JSON capture in shared/fixtures/statuspage decodes completely, with exact values.
struct CaptureDecodingTests {
    @Test func summaryWithActiveIncidentDecodesPageComponentsAndItsSevenUpdates() throws {
        let doc = try Load.capture("github-summary-active-incident.json", .summary)
        #expect(doc.page == StatusPageInfo(id: "kctbh9vrtdwd", name: "GitHub", url: "https://www.githubstatus.com",
            updatedAt: doc.page?.updatedAt))
        #expect(near(doc.page?.updatedAt, iso("2022-11-25T15:50:05.892Z")))
        #expect(doc.components.count == 11)
        #expect(doc.components.first == StatusPageComponent(id: "8l4ygp009s5s", name: "Git Operations", status: "operational"))
        #expect(doc.components.filter { $0.status == "partial_outage" }.map(\.name) == ["Packages"])
        #expect(doc.scheduledMaintenances.isEmpty)
        #expect(doc.skipped.isEmpty)
        let incident = try #require(doc.incidents.first)
        #expect(doc.incidents.count == 1)
        #expect(incident.id == "ljwdk6qml8z8")
        #expect(incident.name == "Incident with Packages and Pages")
        #expect(incident.status == "investigating")
        #expect(incident.impact == "major")
        #expect(near(incident.startedAt, iso("2022-11-25T14:39:09.542Z")))
        #expect(incident.resolvedAt == nil)
        #expect(incident.scheduledFor == nil)
        #expect(incident.shortlink == "https://stspg.io/33vh8r7z43kh")
        #expect(incident.components == [
            StatusComponent(code: "st3j38cctv9l", name: "Packages"), StatusComponent(code: "vg70hn9s2tyj", name: "Pages"),
        ])
        #expect(incident.updates.count == 7)
        #expect(incident.updates.map(\.id) == [
            "k0x2s8g2plxb", "8fnd7wsp5v36", "8bccy289xckg", "3956pfljsss1", "5r7154l5bkg7", "y0x9rc7hvp1s", "n1dr3fb22655",
        ])
        // affected_components: null on two updates reads as empty; old_status == new_status is kept as is.
        #expect(incident.updates.map(\.affectedComponents.count) == [2, 0, 2, 0, 2, 2, 1])
        #expect(incident.updates[0].affectedComponents == [
            StatusComponent(code: "vg70hn9s2tyj", name: "Pages"), StatusComponent(code: "st3j38cctv9l", name: "Packages"),
        ])
    }

    @Test func summaryIncidentBecomesAnOpenMajorIncidentEntry() throws {
        let doc = try Load.capture("github-summary-active-incident.json", .summary)
        let entry = try #require(StatusPageEntries.entries(from: doc, configuredBaseURL: "https://unused.example").first)
        #expect(entry.id == "ljwdk6qml8z8")
        #expect(entry.link == "https://www.githubstatus.com/incidents/ljwdk6qml8z8")
        #expect(near(entry.published, iso("2022-11-25T14:39:09.548Z")))
        #expect(near(entry.updated, iso("2022-11-25T15:50:04.967Z")))
        #expect(entry.summaryText.hasPrefix("Packages is now experiencing degraded performance."))
        let facts = try #require(entry.facts)
        #expect(facts.kind == .incident)
        #expect(facts.status == "investigating")
        #expect(facts.severity == .major)
        #expect(facts.window == nil)
        #expect(facts.components == [
            StatusComponent(code: "st3j38cctv9l", name: "Packages"), StatusComponent(code: "vg70hn9s2tyj", name: "Pages"),
        ])
        #expect(facts.updateCount == 7)
        // 15:50 UTC in November is 16:50 in Oslo.
        #expect(entry.contentText.hasPrefix(
            "Undersøker (25.11.2022 kl. 16:50 norsk tid) - Packages is now experiencing degraded performance."))
        #expect(entry.contentText.hasSuffix(
            "Undersøker (25.11.2022 kl. 15:39 norsk tid) - We are investigating reports of degraded performance for Packages."))
        #expect(entry.contentText.components(separatedBy: "\n\n").count == 7)
    }

    @Test func componentsEndpointReadsTheSummaryInventory() throws {
        let doc = try Load.capture("github-summary-active-incident.json", .components)
        #expect(doc.components.count == 11)
        #expect(doc.components.allSatisfy { !$0.isGroup && $0.groupID == nil })
    }

    /// Made-up `components.json` for a Norwegian page: a group and its members.
    @Test func componentsEndpointKeepsGroupsAndGroupMembership() throws {
        let doc = try Load.json(
            #"""
            {"page": {"id": "skeid0001", "name": "Skatteetaten", "url": "https://status.skatteetaten.no"},
             "components": [
               {"id": "grp1", "name": "Deling av data", "status": "partial_outage", "group_id": null, "group": true,
                "components": ["skg01", "inn02"]},
               {"id": "skg01", "name": "Summert skattegrunnlag API", "status": "major_outage", "group_id": "grp1", "group": false},
               {"id": "inn02", "name": "Inntekt API", "status": "operational", "group_id": "grp1"},
               {"name": "Uten id", "status": "operational"}
             ]}
            """#, .components)
        #expect(doc.components == [
            StatusPageComponent(id: "grp1", name: "Deling av data", status: "partial_outage", groupID: nil, isGroup: true),
            StatusPageComponent(id: "skg01", name: "Summert skattegrunnlag API", status: "major_outage", groupID: "grp1"),
            StatusPageComponent(id: "inn02", name: "Inntekt API", status: "operational", groupID: "grp1"),
        ])
        #expect(doc.incidents.isEmpty)
    }

    @Test func githubIncidentsHaveComponentTransitionsAndOneIncidentWithoutComponents() throws {
        let doc = try Load.capture("github-incidents-2024-09-17.json", .incidents)
        #expect(doc.incidents.map(\.id) == ["69sb0f8lydp4", "r3x7x31k7nn1"])
        #expect(doc.incidents.map(\.updates.count) == [6, 6])
        let entries = StatusPageEntries.entries(from: doc, configuredBaseURL: "https://unused.example")
        #expect(entries.map(\.title) == ["Incident with Pages and Actions", "Disruption with Git SSH"])
        #expect(entries.map(\.facts?.kind) == [.resolved, .resolved])
        #expect(entries.map(\.facts?.severity) == [.major, .minor])
        #expect(entries[0].facts?.components == [
            StatusComponent(code: "br0l2tvcx85d", name: "Actions"), StatusComponent(code: "vg70hn9s2tyj", name: "Pages"),
        ])
        #expect(doc.incidents[1].components.isEmpty)
        #expect(entries[1].facts?.components == [])
        #expect(entries[1].facts?.status == "resolved")
        #expect(near(entries[1].facts?.lastUpdateAt, iso("2024-09-16T14:28:03.812Z")))
        #expect(entries[1].summaryText == "This incident has been resolved.")
    }

    @Test func emmaOlderShapeDecodesAllIncidentsWithOffsetsAndNoStartedAt() throws {
        let doc = try Load.capture("emma-incidents.json", .incidents)
        #expect(doc.incidents.count == 22)
        #expect(doc.incidents.map(\.updates.count).reduce(0, +) == 105)
        #expect(doc.incidents.allSatisfy { $0.startedAt == nil && $0.components.isEmpty && $0.status == "resolved" })
        #expect(Set(doc.incidents.compactMap(\.impact)) == ["none", "minor", "major"])
        let first = doc.incidents[0]
        #expect(first.id == "x0ljvc9m1wxj")
        #expect(near(first.createdAt, iso("2019-02-20T18:00:19.418Z")))  // "12:00:19.418-06:00"
        #expect(first.shortlink == "http://stspg.io/7a0d3a4d2")
        let entries = StatusPageEntries.entries(from: doc, configuredBaseURL: "https://unused.example")
        #expect(entries.count == 22)
        #expect(entries.allSatisfy { $0.facts?.kind == .resolved })
        #expect(entries[0].facts?.severity == Severity.none)
    }

    @Test func legacyComponentPlaceholderWithoutCodeIsNotAComponent() throws {
        let doc = try Load.capture("emma-incidents.json", .incidents)
        let legacy = try #require(doc.incidents.first { $0.id == "3m89ls8svt0r" })
        #expect(legacy.updates[0].affectedComponents == [
            StatusComponent(code: nil, name: "No components were affected by this update.")
        ])
        let entry = StatusPageEntries.entry(legacy, pageURL: "https://status.myemma.com")
        #expect(entry.facts?.components == [])
        let wide = try #require(doc.incidents.first { $0.id == "gm8jc9315cyk" })
        #expect(StatusPageEntries.entry(wide, pageURL: "x").facts?.components.count == 20)
    }

    @Test func backDatedUpdatesAreShownInDisplayOrder() throws {
        let doc = try Load.capture("emma-incidents.json", .incidents)
        let incident = try #require(doc.incidents.first { $0.id == "272vrysp78ds" })
        #expect(incident.updates.map(\.status) == ["resolved", "identified", "investigating"])
        let entry = StatusPageEntries.entry(incident, pageURL: "https://status.myemma.com/")
        #expect(entry.link == "https://status.myemma.com/incidents/272vrysp78ds")
        // display_at 16:53, 16:52, 16:45 at -05:00 -> 23:53, 23:52, 23:45 in Oslo (CEST).
        let headings = entry.contentText.components(separatedBy: "\n\n").map { $0.components(separatedBy: " - ")[0] }
        #expect(headings == [
            "Løst (12.06.2017 kl. 23:53 norsk tid)", "Undersøker (12.06.2017 kl. 23:52 norsk tid)",
            "Identifisert (12.06.2017 kl. 23:45 norsk tid)",
        ])
        #expect(entry.updated == iso("2017-06-12T21:53:00Z"))
        #expect(entry.facts?.lastUpdateAt == iso("2017-06-12T21:53:00Z"))
    }

    @Test func webhookBodiesDecodeIncidentAndComponentUpdate() throws {
        let decoder = StatusPageDecoder()
        let name = "webhooks/statuspage-webhook-incident-update.json"
        let hook = try decoder.webhook(try Fixtures.statuspageData(name), source: name)
        #expect(hook.pageID == "jb7j80lkgqvb")
        let incident = try #require(hook.incident)
        #expect(incident.id == "z3lct0r596n4")
        #expect(incident.scheduledFor == nil)
        #expect(incident.updates.map(\.status) == ["resolved", "identified"])
        let entry = StatusPageEntries.entry(incident, pageURL: "https://mycompany24.statuspage.io")
        #expect(entry.facts?.kind == .resolved)
        #expect(entry.facts?.severity == Severity.none)
        #expect(entry.facts?.components == [StatusComponent(code: "zvdm6f7gf76j", name: "Management Portal (example)")])

        let componentName = "webhooks/statuspage-webhook-component-update.json"
        let component = try decoder.webhook(try Fixtures.statuspageData(componentName), source: componentName)
        #expect(component.incident == nil)
        #expect(component.component?.name == "Database component")
        #expect(component.component?.status == "under_maintenance")
        #expect(component.componentUpdate?.oldStatus == "operational")
        #expect(component.componentUpdate?.newStatus == "under_maintenance")
        #expect(component.componentUpdate?.componentID == "sqm6pl84wzjc")
    }
}
