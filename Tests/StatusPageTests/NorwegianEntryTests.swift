import Foundation
import StatusPage
import Testing
import VarselModel

/// The made-up Norwegian page (`NorwegianPage`) becomes the entries and facts varselvakt alerts on.
struct NorwegianEntryTests {
    @Test func incidentListsUpdatesNewestFirstByDisplayTimeInNorwegian() throws {
        let doc = try Load.json(NorwegianPage.incidents, .incidents)
        let entries = StatusPageEntries.entries(from: doc, configuredBaseURL: "https://fallback.example")
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.id == "skg2024feil1")
        #expect(entry.link == "https://status.skatteetaten.no/incidents/skg2024feil1")
        #expect(entry.title == "Feil i Summert skattegrunnlag API")
        #expect(entry.published == iso("2024-10-14T07:58:00Z"))
        #expect(entry.updated == iso("2024-10-14T09:30:00Z"))
        #expect(entry.summaryText == "Feilen er rettet, og Summert skattegrunnlag API svarer normalt igjen.")
        #expect(entry.contentText == """
            Løst (14.10.2024 kl. 11:30 norsk tid) - Feilen er rettet, og Summert skattegrunnlag API svarer normalt igjen.

            Identifisert (14.10.2024 kl. 11:10 norsk tid) - Årsaken er funnet: en feilslått databaseoppgradering. Vi ruller tilbake.

            Undersøker (14.10.2024 kl. 10:20 norsk tid) - Flere kommuner melder om feil. Vi jobber med saken.

            Undersøker (14.10.2024 kl. 09:55 norsk tid) - Vi undersøker feil (HTTP 500) ved oppslag i Summert skattegrunnlag API.
            """)
        #expect(entry.contentHTML.hasPrefix(
            "<p><strong>Løst</strong> (14.10.2024 kl. 11:30 norsk tid) - Feilen er rettet, og Summert skattegrunnlag API svarer normalt igjen.</p><p><strong>Identifisert</strong>"))
        #expect(entry.facts == SourceFacts(
            kind: .resolved, status: "resolved", severity: .major, window: nil,
            components: [
                StatusComponent(code: "inn02", name: "Inntekt API"),
                StatusComponent(code: "skg01", name: "Summert skattegrunnlag API"),
            ],
            lastUpdateAt: iso("2024-10-14T09:30:00Z"), updateCount: 4))
    }

    @Test func configuredBaseURLIsUsedWhenTheDocumentHasNoPage() throws {
        let doc = try Load.json(#"{"incidents": [{"id": "abc", "name": "X", "status": "identified"}]}"#, .incidents)
        let entry = try #require(StatusPageEntries.entries(from: doc, configuredBaseURL: "https://status.skatteetaten.no/").first)
        #expect(entry.link == "https://status.skatteetaten.no/incidents/abc")
        #expect(entry.facts?.kind == .incident)
        #expect(entry.facts?.updateCount == 0)
        #expect(entry.contentText == "")
    }

    @Test func maintenancesAreScheduledInProgressCompletedOrCancelled() throws {
        let doc = try Load.json(NorwegianPage.maintenances, .scheduledMaintenances)
        let entries = StatusPageEntries.entries(from: doc, configuredBaseURL: "unused")
        #expect(entries.map(\.id) == ["vedl2024nov", "frvedl1109", "vedl2024okt", "vedl2024des"])
        #expect(entries.map(\.facts?.kind) == [.maintenance, .maintenance, .resolved, .cancelled])
        #expect(entries.map(\.facts?.status) == ["scheduled", "in_progress", "completed", "completed"])
        #expect(entries.allSatisfy { $0.facts?.severity == nil })  // impact "maintenance" is not a severity
        #expect(entries[0].facts?.window == MaintenanceWindow(start: iso("2024-11-16T20:00:00Z"), end: iso("2024-11-17T02:00:00Z")))
        #expect(entries[3].facts?.window == MaintenanceWindow(start: iso("2024-12-07T20:00:00Z"), end: iso("2024-12-08T00:00:00Z")))
        #expect(entries[1].facts?.components == [StatusComponent(code: "frg01", name: "Folkeregisteret")])
        #expect(entries[0].contentText == "Planlagt (01.11.2024 kl. 11:00 norsk tid) - Inntekt API er utilgjengelig i vedlikeholdsvinduet.")
        #expect(entries[1].contentText == """
            Pågår (09.11.2024 kl. 22:00 norsk tid) - Vedlikeholdet er i gang.

            Planlagt (04.11.2024 kl. 13:00 norsk tid) - Folkeregisteret oppdateres lørdag kveld.
            """)
        #expect(entries[2].contentText.hasPrefix("Fullført (20.10.2024 kl. 06:00 norsk tid) - Vedlikeholdet er fullført.\n\nPågår"))
        #expect(entries[3].summaryText == "Vedlikeholdet er avlyst.")
    }

    @Test func maintenanceListedTwiceKeepsTheCopyUpdatedLast() throws {
        let maintenances = try Load.json(NorwegianPage.maintenances, .scheduledMaintenances).scheduledMaintenances
        var older = maintenances[1]
        older.updatedAt = iso("2024-11-04T12:00:00Z")
        older.status = "scheduled"
        older.updates.removeFirst()
        let entries = StatusPageEntries.entries([older, maintenances[1]], pageURL: NorwegianPage.pageURL)
        #expect(entries.count == 1)
        #expect(entries.first?.facts?.updateCount == 2)
    }

    @Test func everyStatusHasItsNorwegianLabelAndKind() {
        let expected: [(String, String, NoticeKind)] = [
            ("investigating", "Undersøker", .incident), ("identified", "Identifisert", .incident),
            ("monitoring", "Overvåker", .incident), ("update", "Oppdatering", .incident),
            ("resolved", "Løst", .resolved), ("postmortem", "Etterrapport", .resolved),
            ("scheduled", "Planlagt", .maintenance), ("in_progress", "Pågår", .maintenance),
            ("verifying", "Verifiserer", .maintenance), ("completed", "Fullført", .resolved),
        ]
        for (raw, label, kind) in expected {
            #expect(UpdateStatus(word: raw)?.norwegianLabel == label)
            #expect(UpdateStatus(word: raw)?.kind == kind)
            #expect(UpdateStatus(word: label.uppercased()) == UpdateStatus(word: raw))
        }
        #expect(UpdateStatus(word: "In progress") == .inProgress)
        #expect(UpdateStatus.label(for: " paused ") == "paused")
    }
}
