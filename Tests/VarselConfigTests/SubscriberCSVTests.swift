import Foundation
import Testing
import VarselConfig
import VarselModel

@Suite struct SubscriberCSVTests {
    private func load(_ toml: String, environment: [String: String] = [:]) throws -> [Subscriber] {
        try ConfigLoader.loadSubscribers(
            text: toml, file: "imported.toml", baseDirectory: "/", catalog: try realCatalog(), environment: environment)
    }

    /// What Norwegian Excel writes: BOM, ';', CRLF, Norwegian headers and kind words.
    @Test func excelExportWithSemicolonsBOMAndCRLFImports() throws {
        let csv =
            "\u{FEFF}Navn;Type;Orgnr;Kommunenr;E-post;Tjenester;Alle\r\n"
            + "Oslo kommune;kommune;974 760 673;301;drift@oslo.kommune.no;foreldrebetaling;nei\r\n"
            + "KS brukerstøtte;KS;971032146;;brukerstotte@ks.no;;ja\r\n"
        let result = SubscriberCSV.convert(text: csv, file: "abonnenter.csv", catalog: try realCatalog())
        #expect(result.problems == [])
        #expect(result.imported == 2)
        let subscribers = try load(result.toml)
        #expect(
            subscribers == [
                Subscriber(
                    id: SubscriberID("974760673"), kind: .municipality, name: "Oslo kommune", orgNumber: "974760673",
                    municipalityNumber: "0301", emails: ["drift@oslo.kommune.no"],
                    subscription: Subscription(services: ["foreldrebetaling"])),
                Subscriber(
                    id: SubscriberID("971032146"), kind: .ks, name: "KS brukerstøtte", orgNumber: "971032146",
                    emails: ["brukerstotte@ks.no"], subscription: Subscription(everything: true)),
            ])
    }

    /// A cell with a line break (Alt+Enter in Excel) makes its row two lines long; the rows after
    /// it are still reported on their own lines, bad rows are left out and good ones kept.
    @Test func everyBadRowIsReportedWithItsLineWhileGoodRowsAreWritten() throws {
        let csv = #"""
            id,kind,name,org_number,municipality_number,emails,apis
            oslo,municipality,Oslo kommune,974760673,0301,"drift@oslo.kommune.no
            vakt@oslo.kommune.no",inntekt
            bergen,municipality,Bergen kommune,964338532,4601,post@bergen.kommune.no,inntekt
            ,,,,,,

            trondheim,municipality,"Trondheim ""kommune""",942110464,5001,post@trondheim.kommune.no,inntket
            ks,ks,KS,971032146,,brukerstotte@ks.no,
            oslo,municipality,Oslo igjen,974760673,0301,a@oslo.kommune.no,inntekt
            x,vendor,"Leverandør AS",912345688,,"a@b.no
            ",summertskattegrunnlag,extra
            y,vendor,Feil "AS",912345688,,a@b.no,inntekt
            z,ks,"Never closed,971032146,,a@b.no,
            more,ks,KS,971032146,,a@b.no,
            """#
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 2)
        #expect(
            result.problems.map(\.description) == [
                "s.csv:4: subscriber \"bergen\": org_number: 964338532 fails the mod-11 check (a typo?); see brreg.no for the right number",
                "s.csv:7: subscriber \"trondheim\": apis: \"inntket\" is not an API id in the catalog; did you mean \"inntekt\"?",
                "s.csv:9: subscriber \"oslo\": id: \"oslo\" is already used by the row on line 2; ids must be unique",
                "s.csv:10: has 8 cells but the header names 7 columns",
                "s.csv:12: malformed quoting: a '\"' inside a cell must be doubled and the cell quoted",
                "s.csv:13: a quoted cell starting on this line is never closed (a missing '\"')",
            ])
        let subscribers = try load(result.toml)
        #expect(subscribers.map(\.id.rawValue) == ["oslo", "ks"])
        #expect(subscribers[0].emails == ["drift@oslo.kommune.no", "vakt@oslo.kommune.no"])
    }

    @Test func unknownColumnsStopTheImportWithOneProblemOnTheHeaderLine() throws {
        let csv = "kind;name;orgnr;epst;webhok_url\nks;KS;971032146;a@ks.no;\n"
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 0)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 1)
        #expect(
            result.problems.first?.message.hasPrefix(
                "header: unknown column(s) \"epst\", \"webhok_url\"; known columns: id, kind") == true)
        #expect(try load(result.toml).isEmpty)

        let missing = SubscriberCSV.convert(text: "name,emails\nKS,a@ks.no\n", file: "s.csv", catalog: try realCatalog())
        #expect(missing.problems.map(\.message) == ["header: missing column(s) kind, org_number"])
    }

    @Test func rowsAreCheckedWithTheLoadersRules() throws {
        let csv = """
            id;kind;name;org_number;municipality_number;emails;webhook_url;webhook_secret_env;all;acts_for;kinds
            a;kommune;A;974760673;;a@a.no;;;ja;;
            b;leverandør;B;912345688;0301;b@b.no;;;ja;;
            c;ks;C;971032146;;c@c;;;;;
            d;ks;C;971032146;;;ftp://d.no/;D;;;
            e;ks;C;971032146;;e@e.no;;;kanskje;;
            f;municipality;F;974760673;0301;;;;ja;;
            g;ks;G;971032146;;g@g.no;https://g.no/;1X;;;
            h;kommune;H;974760673;0301;h@h.no;;;ja;4601;
            i;ks;I;971032146;;i@i.no;;;;;incident outage
            """
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 0)
        #expect(
            result.problems.map(\.description) == [
                "s.csv:2: subscriber \"a\": municipality_number: missing; a municipality needs its kommunenummer, e.g. \"0301\"",
                "s.csv:3: subscriber \"b\": municipality_number: only a municipality has one; a vendor lists the municipalities "
                    + "it acts for in acts_for",
                "s.csv:4: subscriber \"c\": emails: \"c@c\": the domain \"c\" has no dot",
                "s.csv:5: subscriber \"d\": webhook_url: scheme \"ftp\" is not allowed; a webhook URL must be https (or http to loopback)",
                "s.csv:6: subscriber \"e\": all: \"kanskje\" is not ja/nei (or yes/no, true/false)",
                "s.csv:7: subscriber \"f\": has no e-mail address and no webhook, so it would never get anything; add emails "
                    + "or [subscriber.webhook]",
                "s.csv:8: subscriber \"g\": webhook_secret_env: \"1X\" is not an environment variable name (letters, digits, '_')",
                "s.csv:9: subscriber \"h\": acts_for: only a vendor acts for municipalities (this subscriber's kind is \"municipality\")",
                "s.csv:10: subscriber \"i\": kinds: \"outage\" is not a kind of notice (incident, resolved, maintenance, change, "
                    + "news, cancelled)",
            ])
    }

    /// config/subscribers.example.csv holds the same subscribers as subscribers.example.toml:
    /// CSV -> TOML -> loadSubscribers gives exactly what the hand-written file gives.
    @Test func exampleCSVRoundTripsToTheExampleTOML() throws {
        let root = repositoryRoot().appendingPathComponent("config")
        let csv = try String(contentsOf: root.appendingPathComponent("subscribers.example.csv"), encoding: .utf8)
        let toml = try String(contentsOf: root.appendingPathComponent("subscribers.example.toml"), encoding: .utf8)
        let result = SubscriberCSV.convert(text: csv, file: "subscribers.example.csv", catalog: try realCatalog())
        #expect(result.problems == [])
        #expect(result.imported == 5)
        let environment = ["VARSELVAKT_WEBHOOK_EKSEMPEL_FAGSYSTEM": "s3cret"]
        #expect(try load(result.toml, environment: environment) == load(toml, environment: environment))
        #expect(result.toml.contains("secret_env = \"VARSELVAKT_WEBHOOK_EKSEMPEL_FAGSYSTEM\""))
        #expect(!result.toml.contains("s3cret"))
    }

    /// Cells are untrusted: quotes and backslashes must not end a TOML string early or add keys.
    @Test func quotesAndBackslashesInCellsStayInsideTheirStrings() throws {
        let csv = #"""
            kind,name,org_number,emails,webhook_url,webhook_secret_file
            ks,"Evil"" all = true x = ""\",971032146,a@ks.no,https://h.no/,"C:\secret"" ""x"
            """#
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.problems == [])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("C:\\secret\" \"x", "hemmelig\n")
        let subscribers = try ConfigLoader.loadSubscribers(
            text: result.toml, file: "imported.toml", baseDirectory: directory.path, catalog: try realCatalog(), environment: [:])
        #expect(subscribers.first?.name == "Evil\" all = true x = \"\\")
        #expect(subscribers.first?.webhook?.secret == Secret("hemmelig"))
    }

    @Test func anEmptyFileIsOneProblem() throws {
        let result = SubscriberCSV.convert(text: "\u{FEFF}\r\n", file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 0)
        #expect(result.problems.map(\.line) == [1])
    }
}
