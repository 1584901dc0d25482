import Foundation
import Testing
import VarselConfig
import VarselModel

@Suite struct SubscriberLoaderTests {
    private func load(_ text: String, environment: [String: String] = [:], baseDirectory: String = "/") throws -> [Subscriber] {
        try ConfigLoader.loadSubscribers(
            text: text, file: "subscribers.toml", baseDirectory: baseDirectory, catalog: try realCatalog(),
            environment: environment)
    }

    @Test func municipalityDecodesIntoTheSharedType() throws {
        let subscribers = try load(
            osloSubscriber + "services = [\"foreldrebetaling\"]\nkinds = [\"incident\", \"maintenance\"]\n")
        #expect(
            subscribers == [
                Subscriber(
                    id: SubscriberID("oslo"), kind: .municipality, name: "Oslo kommune", orgNumber: "974760673",
                    municipalityNumber: "0301", emails: ["drift@oslo.kommune.no"],
                    subscription: Subscription(
                        apis: ["inntekt"], services: ["foreldrebetaling"], kinds: [.incident, .maintenance]))
            ])
    }

    @Test func idDefaultsToTheOrganisationNumberWithoutItsSpaces() throws {
        let text = """
            [[subscriber]]
            kind = "municipality"
            name = "Bergen kommune"
            org_number = "964 338 531"
            municipality_number = "4601"
            emails = ["fagsystem@bergen.kommune.no"]
            all = true
            """
        let bergen = try #require(try load(text).first)
        #expect(bergen.id == SubscriberID("964338531"))
        #expect(bergen.orgNumber == "964338531")
        #expect(bergen.subscription.everything)
    }

    @Test func ksWithNothingChosenGetsEverythingButAnExplicitChoiceStands() throws {
        let ks = """
            [[subscriber]]
            id = "ks"
            kind = "ks"
            name = "KS brukerstøtte"
            org_number = "971032146"
            emails = ["brukerstotte@ks.no"]

            """
        #expect(try load(ks).first?.subscription.everything == true)
        #expect(try load(ks + "apis = [\"inntekt\"]\n").first?.subscription.everything == false)
        #expect(try load(ks + "all = false\napis = [\"inntekt\"]\n").first?.subscription.everything == false)
    }

    @Test func webhookSecretComesFromTheEnvironmentOrAFileWithoutItsLineBreak() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("oslo.secret", "fil-hemmelighet\n")
        let fromEnv =
            osloSubscriber + "[subscriber.webhook]\nurl = \"https://hook.oslo.kommune.no/v1\"\nsecret_env = \"OSLO_HOOK\"\n"
        let webhook = try #require(try load(fromEnv, environment: ["OSLO_HOOK": "env-hemmelighet"]).first?.webhook)
        #expect(webhook == WebhookTarget(url: "https://hook.oslo.kommune.no/v1", secret: Secret("env-hemmelighet")))

        let fromFile = osloSubscriber + "[subscriber.webhook]\nurl = \"http://127.0.0.1:8080/\"\nsecret_file = \"oslo.secret\"\n"
        let local = try #require(try load(fromFile, baseDirectory: directory.path).first?.webhook)
        #expect(local.secret == Secret("fil-hemmelighet"))
        #expect(local.url == "http://127.0.0.1:8080/")
    }

    @Test func vendorMayActForMunicipalitiesWithoutChannelsOfItsOwnSubscriptions() throws {
        let text = """
            [[subscriber]]
            id = "leverandor"
            kind = "vendor"
            name = "Eksempel Fagsystem AS"
            org_number = "912345688"
            acts_for = ["0301", "4601"]
            emails = ["drift@eksempel.no"]
            """
        let vendor = try #require(try load(text).first)
        #expect(vendor.actsFor == ["0301", "4601"])
        // Nothing of its own; a vendor follows production and test unless it says otherwise.
        #expect(vendor.subscription == Subscription(environments: [.production, .test]))
        #expect(SubscriberWarnings.warnings(for: [vendor]).count == 2)
        #expect(SubscriberWarnings.warnings(for: try load(text + "\n" + osloSubscriber)).count == 1)
    }

    @Test func anEmptyFileMeansNobodyIsSubscribed() throws {
        #expect(try load("# nobody yet\n").isEmpty)
    }

    /// config/subscribers.example.toml, with the real catalog and its secret from the environment.
    @Test func exampleSubscribersFileLoads() throws {
        let path = repositoryRoot().appendingPathComponent("config/subscribers.example.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let subscribers = try load(text, environment: ["VARSELVAKT_WEBHOOK_EKSEMPEL_FAGSYSTEM": "s3cret"])
        #expect(subscribers.map(\.id.rawValue) == ["ks-brukerstotte", "oslo", "bergen", "942110464", "eksempel-fagsystem"])
        #expect(subscribers.map(\.kind) == [.ks, .municipality, .municipality, .municipality, .vendor])
        #expect(subscribers.compactMap(\.municipalityNumber) == ["0301", "4601", "5001"])
        #expect(subscribers[1].subscription.kinds == [.incident, .resolved, .maintenance])
        #expect(subscribers[4].webhook?.secret == Secret("s3cret"))
        #expect(subscribers[4].actsFor == ["0301", "4601"])
        #expect(SubscriberWarnings.warnings(for: subscribers).isEmpty)
    }
}
