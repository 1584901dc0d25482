import Foundation
import History
import Hummingbird
import HummingbirdTesting
import NoticeStore
import Testing
import VarselModel

@testable import Web

@Suite struct PageTests {
    @Test func everyTemplateCompilesAndEveryPageRendersWithData() async throws {
        _ = try PageRenderer()
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            for (path, expected) in [
                ("/", "Kilder"), ("/notices", "Eldre varsel 1"), (noticePath("n1"), "Hvem fikk beskjed"),
                ("/incidents", "Tidsavbrudd"), ("/deliveries", "Bergen kommune"), ("/subscribers", "Oslo kommune"),
                ("/silences", "Planlagt test"), ("/today?date=2023-11-14", "Brudd oppdaget"),
            ] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                #expect(response.text.contains(expected), "\(path) lacks \(expected)")
                #expect(response.text.contains("Innlogget som støtte"), "\(path)")
                #expect(!response.text.contains("style=") && !response.text.contains("<script"), "\(path) has inline style or script")
            }
        }
    }

    @Test func hostileNoticeTextIsEscapedEverywhere() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            for path in ["/notices", noticePath("n1"), "/deliveries", "/today?date=2023-11-14", "/"] {
                let text = try await client.execute(uri: path, method: .get).text
                #expect(!text.contains("<script>alert"), "\(path)")
                #expect(!text.contains("\"><img"), "\(path)")
                #expect(!text.contains("<script>mailbox"), "\(path)")
                #expect(!text.contains("<i>hos KS"), "\(path)")
            }
            let notice = try await client.execute(uri: noticePath("n1"), method: .get).text
            #expect(notice.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(notice.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            // A template tag in stored text is shown as text, never evaluated.
            #expect(notice.contains("{{x}}"))
        }
    }

    @Test func noticesAreNewestFirstFilteredAndPaged() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let all = try await client.execute(uri: "/notices", method: .get).text
            let newest = try #require(all.range(of: "&lt;script&gt;alert(1)"))
            let oldest = try #require(all.range(of: "Eldre varsel 1"))
            #expect(newest.lowerBound < oldest.lowerBound)

            let maintenance = try await client.execute(uri: "/notices?kind=maintenance", method: .get).text
            #expect(maintenance.contains("HYPERLINK") && !maintenance.contains("Eldre varsel 1"))
            #expect(maintenance.contains("<option value=\"maintenance\" selected>"))

            // Free text from a GET form: the space comes as "+".
            let search = try await client.execute(uri: "/notices?q=varsel+4", method: .get).text
            #expect(search.contains("Eldre varsel 4") && !search.contains("Eldre varsel 2"))

            let first = try await client.execute(uri: "/notices?limit=2", method: .get).text
            #expect(first.contains("&lt;script&gt;") && first.contains("Eldre varsel 5") && !first.contains("Eldre varsel 4"))
            let next = try #require(Self.link(in: first, rel: "next"))
            #expect(next.contains("limit=2") && next.contains("before="))
            let second = try await client.execute(uri: next.replacingOccurrences(of: "&amp;", with: "&"), method: .get).text
            #expect(second.contains("Eldre varsel 4") && second.contains("HYPERLINK") && !second.contains("Eldre varsel 5"))

            let bad = try await client.execute(uri: "/notices?kind=storm", method: .get)
            #expect(bad.status == .badRequest && bad.text.contains("kind"))
            let badDate = try await client.execute(uri: "/notices?from=i+går", method: .get)
            #expect(badDate.status == .badRequest && badDate.text.contains("from"))
        }
    }

    @Test func oneNoticeShowsVersionsDiffExplanationAndWhoWasTold() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: noticePath("n1"), method: .get)
            #expect(response.status == .ok)
            let text = response.text
            #expect(text.contains("Versjon 2") && text.contains("Versjon 1"))
            #expect(text.contains("<del>Feil i &lt;b&gt;Folkeregisteret&lt;/b&gt;</del>"))
            #expect(text.contains("<ins>Feilen er rettet</ins>"))
            #expect(text.contains("Klassifisering og hvorfor"))
            #expect(text.contains("2 abonnenter: api:folkeregisteret"))
            #expect(text.contains("Gitt opp") && text.contains("Sendt") && text.contains("Venter"))
            #expect(text.contains("550"), "the dead delivery's status code")
            #expect(text.contains("+01:00"), "times carry their offset")
            // A dead delivery, and only it, has a send-again form with the CSRF token.
            let form = "<form method=\"post\" action=\"/deliveries/\(fixture.deadDeliveryID)/send-again\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"\(TestIdentityMiddleware.csrf)\">"
            #expect(text.contains(form))
            #expect(text.components(separatedBy: "Send igjen").count == 2)
            #expect(!text.contains("/deliveries/\(fixture.sentDeliveryID)/send-again"))
        }
    }

    @Test func unknownNoticeIsA404Page() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/notices/finnes-ikke", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("Fant ikke varselet") && response.text.contains("finnes-ikke"))
        }
    }

    @Test func noticeIDsThatAreURLsAreLinkedEncodedAndFound() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let id = "https://example.no/a/b?c=1"
        _ = try await fixture.store.recordModified(
            WebFixture.poll(
                [WebFixture.update(id, .new, title: "URL-id", text: "t", published: WebFixture.t0, hash: "u")],
                at: WebFixture.t0, classifications: [:]))
        try await fixture.application().test(.router) { client in
            let list = try await client.execute(uri: "/notices", method: .get).text
            #expect(list.contains("href=\"/notices/https%3A%2F%2Fexample.no%2Fa%2Fb%3Fc%3D1\""))
            let page = try await client.execute(uri: noticePath(id), method: .get)
            #expect(page.status == .ok && page.text.contains("URL-id"))
        }
    }

    @Test func deadDeliveriesAreEasyToFindAndFilter() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let all = try await client.execute(uri: "/deliveries", method: .get).text
            #expect(all.contains("<a href=\"/deliveries?status=dead\">1 leveranse(r) er gitt opp</a>"))
            let dead = try await client.execute(uri: "/deliveries?status=dead", method: .get).text
            #expect(dead.contains("id=\"leveranse-\(fixture.deadDeliveryID)\""))
            #expect(!dead.contains("id=\"leveranse-\(fixture.sentDeliveryID)\""))
            #expect(dead.contains("action=\"/deliveries/\(fixture.deadDeliveryID)/send-again\""))
            let webhook = try await client.execute(uri: "/deliveries?channel=webhook&subscriber=oslo", method: .get).text
            #expect(webhook.contains("Oslo kommune") && !webhook.contains("id=\"leveranse-\(fixture.deadDeliveryID)\""))
            let bad = try await client.execute(uri: "/deliveries?channel=fax", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func subscribersShowWhatTheyFollowButNoSecret() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let text = try await client.execute(uri: "/subscribers", method: .get).text
            #expect(text.contains("apis: folkeregisteret"))
            #expect(text.contains("E-post, Webhook"))
            #expect(!text.contains("oslo-hemmelighet"))
        }
    }

    @Test func silencesCanBeAddedAndExpiredWithFormsCarryingTheToken() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/silences", method: .get).text
            #expect(page.contains("<form class=\"skjema\" method=\"post\" action=\"/silences\">"))
            #expect(page.contains("name=\"csrf\" value=\"\(TestIdentityMiddleware.csrf)\""))
            let body = "csrf=\(TestIdentityMiddleware.csrf)&api=folkeregisteret&start=2031-05-01T10%3A00&end=2031-05-01T12%3A00"
                + "&reason=Oppgradering+av+testmilj%C3%B8"
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let added = try await client.execute(uri: "/silences", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(added.status == .seeOther && added.headers[.location] == "/silences")
            let silences = try await fixture.store.silences()
            let silence = try #require(silences.first { $0.reason == "Oppgradering av testmiljø" })
            #expect(OutputDateCheck.iso(silence.start) == "2031-05-01T10:00:00+02:00")
            let listed = try await client.execute(uri: "/silences", method: .get).text
            #expect(listed.contains("Oppgradering av testmiljø") && listed.contains("2031-05-01 10:00 +02:00"))

            let expired = try await client.execute(
                uri: "/silences/\(silence.id)/expire", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(TestIdentityMiddleware.csrf)"))
            #expect(expired.status == .seeOther)
            #expect(try await fixture.store.silences().contains { $0.id == silence.id } == false)

            let refused = try await client.execute(
                uri: "/silences", method: .post, headers: headers, body: ByteBuffer(string: "api=folkeregisteret&start=x&end=y&reason=r"))
            #expect(refused.status == .badRequest && refused.text.contains("start"))
        }
    }

    @Test func todayIsOneTimelineOfTheDay() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let text = try await client.execute(uri: "/today?date=2023-11-14", method: .get).text
            for expected in ["Ny: ", "Endret: ", "Brudd oppdaget", "Svarer igjen", "Vedlikehold starter", "Levert til Oslo kommune"] {
                #expect(text.contains(expected), "lacks \(expected)")
            }
            // Newest first, as every list: the recovery stands above the outage it ends.
            let opened = try #require(text.range(of: "Brudd oppdaget"))
            let resolved = try #require(text.range(of: "Svarer igjen"))
            #expect(resolved.lowerBound < opened.lowerBound)
            let empty = try await client.execute(uri: "/today?date=2020-01-01", method: .get).text
            #expect(empty.contains("Ingenting skjedde denne dagen."))
            #expect(try await client.execute(uri: "/today?date=igår", method: .get).status == .badRequest)
        }
    }

    @Test func stylesheetIsServedFromTheBinary() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/static/style.css", method: .get)
            #expect(response.status == .ok && response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.text.contains("header.topp"))
        }
    }

    /// The `href` of the first link with `rel`.
    static func link(in html: String, rel: String) -> String? {
        guard let relRange = html.range(of: "rel=\"\(rel)\"") else { return nil }
        let before = html[..<relRange.lowerBound]
        guard let href = before.range(of: "href=\"", options: .backwards) else { return nil }
        let rest = before[href.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// History's `OutputDate`, re-exported for the tests' expectations.
enum OutputDateCheck {
    static func iso(_ date: Date) -> String { OutputDate.iso(date) }
}
