import Testing
import VarselConfig
import VarselModel

/// `environments` in subscribers.toml and the CSV import: production, test or both, with a
/// default per kind of subscriber.
@Suite struct SubscriberEnvironmentTests {
    private func load(_ text: String) throws -> [Subscriber] {
        try ConfigLoader.loadSubscribers(
            text: text, file: "subscribers.toml", baseDirectory: "/x", catalog: try realCatalog(), environment: [:])
    }

    private static let vendor = """
        [[subscriber]]
        id = "acme"
        kind = "vendor"
        name = "Acme AS"
        org_number = "912345688"
        emails = ["vakt@acme.example"]
        apis = ["inntekt"]

        """

    private static let ks = """
        [[subscriber]]
        id = "ks"
        kind = "ks"
        name = "KS brukerstøtte"
        org_number = "971032146"
        emails = ["brukerstotte@ks.no"]

        """

    @Test func municipalityAndKSFollowProductionAndVendorsAlsoTestByDefault() throws {
        let subscribers = try load(osloSubscriber + "\n" + Self.vendor + "\n" + Self.ks)
        #expect(subscribers.map(\.subscription.environments) == [[.production], [.production, .test], [.production]])
        #expect(SubscriberKind.municipality.defaultEnvironments == [.production])
        #expect(SubscriberKind.ks.defaultEnvironments == [.production])
        #expect(SubscriberKind.vendor.defaultEnvironments == [.production, .test])
    }

    @Test func municipalityCanOptIntoTestAndVendorCanNarrowToTest() throws {
        let subscribers = try load(
            osloSubscriber + "environments = [\"production\", \"test\"]\n\n" + Self.vendor + "environments = [\"test\"]\n")
        #expect(subscribers.map(\.subscription.environments) == [[.production, .test], [.test]])
    }

    @Test func bothMeansProductionAndTest() throws {
        let subscribers = try load(osloSubscriber + "environments = [\"both\"]\n")
        #expect(subscribers.map(\.subscription.environments) == [[.production, .test]])
    }

    @Test func unknownEnvironmentNamesTheFileLineSubscriberKeyAndChoices() throws {
        let error = try #require(try subscribersError(osloSubscriber + "environments = [\"production\", \"staging\"]\n"))
        #expect(
            error.description
                == "subscribers.toml:9: subscriber \"oslo\": environments[1]: \"staging\" is not one of \"production\", \"test\", \"both\""
        )
        let typo = try #require(try subscribersError(osloSubscriber + "environments = [\"prodution\"]\n"))
        #expect(typo.description.hasSuffix("; did you mean \"production\"?"))
    }

    @Test func emptyOrRepeatedEnvironmentsAreRefused() throws {
        let empty = try #require(try subscribersError(osloSubscriber + "environments = []\n"))
        #expect(
            empty.description
                == "subscribers.toml:9: subscriber \"oslo\": environments: is empty, so it would never get anything; give one of "
                + "\"production\", \"test\", \"both\" (or leave it out for the default, [\"production\"] for a municipality)")
        let twice = try #require(try subscribersError(osloSubscriber + "environments = [\"test\", \"test\"]\n"))
        #expect(twice.description == "subscribers.toml:9: subscriber \"oslo\": environments[1]: \"test\" is listed twice")
    }

    @Test func environmentsThatAreNotAListOfStringsIsAWrongTypeError() throws {
        let error = try #require(try subscribersError(osloSubscriber + "environments = \"test\"\n"))
        #expect(error.description.hasPrefix("subscribers.toml:9: subscriber \"oslo\": environments: expected"))
    }

    @Test func csvEnvironmentsColumnImportsNorwegianWordsAndRoundTrips() throws {
        let csv =
            "navn;type;orgnr;kommunenr;e-post;apier;miljø\n"
            + "Oslo kommune;kommune;974760673;0301;drift@oslo.kommune.no;inntekt;produksjon|test\n"
            + "Bergen kommune;kommune;964338531;4601;drift@bergen.kommune.no;inntekt;\n"
            + "Acme AS;leverandør;912345688;;vakt@acme.example;inntekt;Test\n"
            + "Fjord AS;leverandør;921234554;;vakt@fjord.example;inntekt;begge\n"
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.problems == [])
        #expect(result.imported == 4)
        // Written only where it differs from the kind's default.
        #expect(result.toml.split(separator: "\n").filter { $0.hasPrefix("environments = ") }.count == 2)
        #expect(result.toml.contains("environments = [\"production\", \"test\"]"))
        #expect(result.toml.contains("environments = [\"test\"]"))
        #expect(
            try load(result.toml).map(\.subscription.environments) == [
                [.production, .test], [.production], [.test], [.production, .test],
            ])
    }

    @Test func csvBadEnvironmentIsARowProblemNamingTheColumn() throws {
        let csv =
            "name,kind,org_number,municipality_number,emails,apis,environments\n"
            + "Oslo kommune,municipality,974760673,0301,drift@oslo.kommune.no,inntekt,prod staging\n"
        let result = SubscriberCSV.convert(text: csv, file: "s.csv", catalog: try realCatalog())
        #expect(result.imported == 0)
        #expect(
            result.problems.map(\.description) == [
                "s.csv:2: subscriber \"Oslo kommune\": environments: \"staging\" is not one of \"production\", \"test\", \"both\""
            ])
    }
}
