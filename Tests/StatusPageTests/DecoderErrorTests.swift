import Foundation
import StatusPage
import Testing
import VarselModel

/// A body that is not the document asked for is rejected with an error naming the URL; odd
/// content inside a good document is tolerated.
struct DecoderErrorTests {
    let url = "https://status.skatteetaten.no/api/v2/incidents.json"

    @Test func htmlErrorPageIsRejectedAsNotJSONWithItsFirstBytes() throws {
        let html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>\"oops\"</body></html>"
        let error = try #require(Load.error(html, .incidents, source: url))
        #expect(error == .notJSON(source: url, looksLikeHTML: true, prefix: "<!DOCTYPE html> <html><head><title>502 Bad Gateway</title></head> <body>'oops'</..."))
        #expect(error.description.contains(url))
        #expect(error.description.contains("HTML"))
        #expect(!error.description.contains("\n"))
    }

    @Test func jsonWithoutTheEndpointsKeyNamesTheKeyAndTheURL() throws {
        let error = try #require(Load.error(#"{"foo":1}"#, .incidents, source: url))
        #expect(error == .missingKey(source: url, key: "incidents", found: ["foo"]))
        #expect(error.description == "statuspage: \(url): JSON has no top-level \"incidents\" (keys found: foo); not a Statuspage v2 document?")
        let maintenance = try #require(Load.error(#"{"incidents": []}"#, .scheduledMaintenances, source: url))
        #expect(maintenance == .missingKey(source: url, key: "scheduled_maintenances", found: ["incidents"]))
    }

    @Test func otherBrokenBodiesGetTheirOwnErrors() throws {
        #expect(Load.error("  \n", .incidents, source: url) == .empty(source: url))
        #expect(Load.error("[1, 2]", .incidents, source: url) == .notAnObject(source: url))
        #expect(Load.error("Service Unavailable", .incidents, source: url)
            == .notJSON(source: url, looksLikeHTML: false, prefix: "Service Unavailable"))
        guard case .malformedJSON(let source, let message)? = Load.error(#"{"incidents": [ {"id": "#, .incidents, source: url)
        else {
            Issue.record("expected malformedJSON")
            return
        }
        #expect(source == url)
        #expect(!message.isEmpty)
    }

    @Test func incidentWithoutIdIsSkippedAndReportedWhileTheRestIsKept() throws {
        let doc = try Load.json(
            #"""
            {"incidents": [
              {"name": "Uten id", "status": "investigating", "incident_updates": []},
              {"id": "ok1", "name": "Med id", "status": "investigating"},
              "ikke et objekt"
            ]}
            """#, .incidents)
        #expect(doc.incidents.map(\.id) == ["ok1"])
        #expect(doc.skipped == [
            SkippedEntry(position: 1, title: "Uten id", reason: "incidents[0]: no id, skipped"),
            SkippedEntry(position: 3, title: nil, reason: "incidents[2]: not a JSON object, skipped"),
        ])
    }

    @Test func unknownWordsNullsAndWrongTypesAreToleratedAndKeptRaw() throws {
        let doc = try Load.json(
            #"""
            {"page": null, "incidents": [
              {"id": 42, "name": null, "status": "degraded_wibble", "impact": "catastrophic",
               "created_at": "not a date", "updated_at": "2024-10-14T09:30:12+0200", "components": null,
               "incident_updates": [
                 {"status": "wibbling", "body": "Noe  rart\n\n\nskjer.", "display_at": "2024-10-14T07:30:00Z",
                  "affected_components": [{"name": "Uten kode"}, {"code": "c1"}, 7]},
                 {"status": "investigating", "body": null, "created_at": "2024-10-14T07:00:00.5Z"}
               ]}
            ]}
            """#, .incidents)
        let incident = try #require(doc.incidents.first)
        #expect(doc.page == nil)
        #expect(incident.id == "42")
        #expect(incident.name == "")
        #expect(incident.createdAt == nil)
        #expect(incident.updatedAt == iso("2024-10-14T07:30:12Z"))
        #expect(incident.updates[0].affectedComponents == [
            StatusComponent(code: nil, name: "Uten kode"), StatusComponent(code: "c1", name: "c1"),
        ])
        #expect(incident.updates[1].createdAt == Date(timeIntervalSince1970: 1_728_889_200.5))
        let entry = StatusPageEntries.entry(incident, pageURL: NorwegianPage.pageURL)
        #expect(entry.facts?.kind == nil)
        #expect(entry.facts?.severity == nil)
        #expect(entry.facts?.status == "wibbling")
        #expect(entry.contentText == """
            wibbling (14.10.2024 kl. 09:30 norsk tid) - Noe rart
            skjer.

            Undersøker (14.10.2024 kl. 09:00 norsk tid)
            """)
    }

    @Test func datesWithAndWithoutFractionsAndWithOffsetsAreTheSameInstant() {
        let instant = Date(timeIntervalSince1970: 1_550_685_619)
        #expect(StatusPageDate.parse("2019-02-20T18:00:19Z") == instant)
        #expect(StatusPageDate.parse("2019-02-20T12:00:19-06:00") == instant)
        #expect(StatusPageDate.parse("2019-02-20T19:00:19+0100") == instant)
        #expect(StatusPageDate.parse("2019-02-20T18:00:19.000Z") == instant)
        #expect(StatusPageDate.parse("2019-02-20T10:00:19.418-08:00") == Date(timeIntervalSince1970: 1_550_685_619.418))
        #expect(StatusPageDate.parse("2019-02-30T18:00:19Z") == nil)
        #expect(StatusPageDate.parse("2019-02-20") == nil)
        #expect(StatusPageDate.parse("2019-02-20T18:00:19+01") == nil)
    }
}
