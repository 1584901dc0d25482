import Testing
import VarselConfig
import VarselModel

/// `min_severity` in subscribers.toml and the CSV import.
@Suite struct SubscriberSeverityTests {
    private func load(_ text: String) throws -> [Subscriber] {
        try ConfigLoader.loadSubscribers(
            text: text, file: "subscribers.toml", baseDirectory: "/x", catalog: try realCatalog(), environment: [:])
    }

    @Test func subscriberWithoutMinSeverityHearsEverySeverity() throws {
        #expect(try load(osloSubscriber).map(\.subscription.minSeverity) == [nil])
    }

    @Test(arguments: Severity.allCases)
    func everySeverityWordIsAccepted(severity: Severity) throws {
        let subscribers = try load(osloSubscriber + "min_severity = \"\(severity.rawValue)\"\n")
        #expect(subscribers.map(\.subscription.minSeverity) == [severity])
    }

    @Test func unknownMinSeverityNamesTheSubscriberLineAndChoices() throws {
        let error = try #require(try subscribersError(osloSubscriber + "min_severity = \"high\"\n"))
        #expect(
            error.description
                == "subscribers.toml:9: subscriber \"oslo\": min_severity: \"high\" is not one of \"none\", \"minor\", \"major\", \"critical\""
        )
        let typo = try #require(try subscribersError(osloSubscriber + "min_severity = \"majr\"\n"))
        #expect(typo.description.hasSuffix("; did you mean \"major\"?"))
    }

    @Test func minSeverityOfTheWrongTypeIsAWrongTypeError() throws {
        let error = try #require(try subscribersError(osloSubscriber + "min_severity = 2\n"))
        #expect(error.description == "subscribers.toml:9: subscriber \"oslo\": min_severity: expected a string, found integer 2")
    }

    @Test func csvMinSeverityColumnImportsAndRoundTrips() throws {
        let csv =
            "navn;type;orgnr;kommunenr;e-post;apier;alvorlighetsgrad\n"
            + "Oslo kommune;kommune;974760673;0301;drift@oslo.kommune.no;inntekt;Major\n"
            + "Bergen kommune;kommune;964338531;4601;drift@bergen.kommune.no;inntekt;\n"
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.problems == [])
        #expect(result.toml.contains("min_severity = \"major\""))
        #expect(try load(result.toml).map(\.subscription.minSeverity) == [.major, nil])
    }

    @Test func csvBadMinSeverityIsARowProblem() throws {
        let csv =
            "name,kind,org_number,municipality_number,emails,apis,min_severity\n"
            + "Oslo kommune,municipality,974760673,0301,drift@oslo.kommune.no,inntekt,urgent\n"
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 0)
        #expect(
            result.problems.map(\.description) == [
                "s.csv:2: subscriber \"Oslo kommune\": min_severity: \"urgent\" is not one of \"none\", \"minor\", \"major\", \"critical\""
            ])
    }
}
