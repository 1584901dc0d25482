import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite struct PageExportTests {
    @Test func csvCellsAreQuotedAndFormulasDefused() {
        #expect(CSVWriter.cell("plain") == "plain")
        #expect(CSVWriter.cell("a,b") == "\"a,b\"")
        #expect(CSVWriter.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.cell("=1+1") == "'=1+1")
        #expect(CSVWriter.cell("+47 22") == "'+47 22")
        #expect(CSVWriter.cell("-2") == "'-2")
        #expect(CSVWriter.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    }

    @Test func exportsCarryTheFiltersAndEveryMatchingRow() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let notices = try await client.execute(uri: "/export/notices.csv", method: .get)
            #expect(notices.status == .ok && notices.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(notices.headers[.contentDisposition] == "attachment; filename=\"notices.csv\"")
            let lines = notices.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("id,feed,title,kind,status") == true)
            #expect(lines.count == 1 + 7)
            #expect(notices.text.contains(",\"'=HYPERLINK(\"\"http://evil\"\") vedlikehold\","))
            #expect(notices.text.contains("2023-11-14T23:13:20+01:00"))

            let maintenance = try await client.execute(uri: "/export/notices.csv?kind=maintenance&from=2023-11-14&to=2023-11-14", method: .get)
            #expect(maintenance.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)

            let dead = try await client.execute(uri: "/export/deliveries.csv?status=dead", method: .get).text
            #expect(dead.contains(",dead,1,") && dead.contains("550 5.1.1"))
            #expect(dead.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)

            let incidents = try await client.execute(uri: "/export/incidents.csv", method: .get).text
            #expect(incidents.contains("folkeregisteret,production,") && incidents.contains(",timeout,"))

            let bad = try await client.execute(uri: "/export/deliveries.csv?status=lost", method: .get)
            #expect(bad.status == .badRequest && bad.text.hasPrefix("status:"))
        }
    }
}
