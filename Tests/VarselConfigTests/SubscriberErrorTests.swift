import Foundation
import Testing
import VarselConfig

/// Every rejection of subscribers.toml names the file, the line, the subscriber and the field.
@Suite struct SubscriberErrorTests {
    private func rejection(_ text: String, environment: [String: String] = [:], baseDirectory: String = "/x") throws
        -> ConfigError
    {
        try #require(try subscribersError(text, environment: environment, baseDirectory: baseDirectory))
    }

    private func replacing(_ old: String, with new: String) -> String {
        osloSubscriber.replacingOccurrences(of: old, with: new)
    }

    @Test func unknownKeyNamesTheSubscriberAndSuggestsTheKey() throws {
        let error = try rejection(osloSubscriber + "email = [\"x@oslo.kommune.no\"]\n")
        #expect(error.line == 9)
        #expect(error.key == "subscriber \"oslo\": email")
        #expect(
            error.description.hasPrefix("subscribers.toml:9: subscriber \"oslo\": email: unknown key; did you mean \"emails\"?"))
        let webhook = try rejection(
            osloSubscriber + "[subscriber.webhook]\nurl = \"https://h.no/\"\nsecret = \"x\"\ntimeout = \"5s\"\n")
        #expect(webhook.line == 12)
        #expect(webhook.key == "subscriber \"oslo\": webhook.timeout")
    }

    @Test func badKindNamesTheChoices() throws {
        let error = try rejection(replacing("\"municipality\"", with: "\"kommune\""))
        #expect(
            error.description
                == "subscribers.toml:3: subscriber \"oslo\": kind: \"kommune\" is not one of \"municipality\", \"vendor\", \"ks\""
        )
    }

    @Test func orgNumberFailingModElevenIsNamed() throws {
        let error = try rejection(replacing("974760673", with: "974760674"))
        #expect(
            error.description.hasPrefix("subscribers.toml:5: subscriber \"oslo\": org_number: 974760674 fails the mod-11 check"))
    }

    @Test func orgNumberAsAnIntegerIsAWrongType() throws {
        let error = try rejection(replacing("\"974760673\"", with: "974760673"))
        guard case .wrongType(_, 5?, "subscriber \"oslo\": org_number", _, "integer 974760673") = error else {
            Issue.record("unexpected \(error)")
            return
        }
    }

    @Test func badEmailAddressNamesItsElementAndLine() throws {
        let text = replacing(
            "emails = [\"drift@oslo.kommune.no\"]",
            with: "emails = [\n  \"drift@oslo.kommune.no\",\n  \"Vakt <vakt@oslo.kommune.no>\",\n]")
        let error = try rejection(text)
        #expect(error.line == 9)
        #expect(error.key == "subscriber \"oslo\": emails[1]")
        #expect(error.description.contains("contains a space or control character"))
        for address in ["drift@oslo", "@oslo.kommune.no", "a@@oslo.no", "a@oslo..no", "a,b@oslo.no", "a@oslo.no\n"] {
            let error = try rejection(
                replacing("drift@oslo.kommune.no", with: address.replacingOccurrences(of: "\n", with: "\\n")))
            #expect(error.key == "subscriber \"oslo\": emails[0]", "\(address)")
            #expect(error.line == 7)
        }
    }

    @Test func duplicateEmailAddressIsRefused() throws {
        let error = try rejection(
            replacing("[\"drift@oslo.kommune.no\"]", with: "[\"drift@oslo.kommune.no\", \"Drift@Oslo.Kommune.no\"]"))
        #expect(error.key == "subscriber \"oslo\": emails[1]")
        #expect(error.description.contains("listed twice"))
    }

    @Test func webhookWithFtpSchemeIsRefused() throws {
        let text = osloSubscriber + "[subscriber.webhook]\nurl = \"ftp://hook.oslo.kommune.no/\"\nsecret = \"x\"\n"
        let error = try rejection(text)
        #expect(
            error.description
                == "subscribers.toml:10: subscriber \"oslo\": webhook.url: scheme \"ftp\" is not allowed; a webhook URL must be "
                + "https (or http to loopback)")
    }

    @Test func plainHTTPWebhookNeedsLoopbackOrAllowHTTPAndNoCredentialsInTheURL() throws {
        let hook = osloSubscriber + "[subscriber.webhook]\nsecret_env = \"H\"\n"
        let plain = try rejection(hook + "url = \"http://hook.oslo.kommune.no/\"\n", environment: ["H": "x"])
        #expect(plain.key == "subscriber \"oslo\": webhook.url")
        #expect(plain.description.contains("plain http to hook.oslo.kommune.no is not allowed"))
        #expect(
            try subscribersError(hook + "url = \"http://hook.oslo.kommune.no/\"\nallow_http = true\n", environment: ["H": "x"])
                == nil)
        let credentials = try rejection(hook + "url = \"https://user:pw@hook.oslo.kommune.no/\"\n", environment: ["H": "x"])
        #expect(credentials.description.contains("must not contain a user name or password"))
        #expect(!credentials.description.contains("pw@"))
    }

    @Test func missingSecretEnvironmentVariableNamesIt() throws {
        let text = osloSubscriber + "[subscriber.webhook]\nurl = \"https://hook.oslo.kommune.no/\"\nsecret_env = \"OSLO_HOOK\"\n"
        let error = try rejection(text, environment: ["OTHER": "x"])
        #expect(
            error.description
                == "subscribers.toml:11: subscriber \"oslo\": webhook.secret_env: environment variable OSLO_HOOK is not set")
        #expect(try self.rejection(text, environment: ["OSLO_HOOK": " "]).description.hasSuffix("OSLO_HOOK is empty"))
    }

    @Test func emptyOrMissingSecretFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("empty.secret", "\n")
        let text =
            osloSubscriber + "[subscriber.webhook]\nurl = \"https://hook.oslo.kommune.no/\"\nsecret_file = \"empty.secret\"\n"
        let empty = try rejection(text, baseDirectory: directory.path)
        #expect(
            empty.description
                == "subscribers.toml:11: subscriber \"oslo\": webhook.secret_file: \(directory.path)/empty.secret is empty")
        let missing = try rejection(text.replacingOccurrences(of: "empty.secret", with: "nope"), baseDirectory: directory.path)
        #expect(missing.description.hasSuffix("webhook.secret_file: cannot read \(directory.path)/nope: no such file"))
    }

    @Test func webhookNeedsExactlyOneSecret() throws {
        let hook = osloSubscriber + "[subscriber.webhook]\nurl = \"https://hook.oslo.kommune.no/\"\n"
        let none = try rejection(hook)
        #expect(none.key == "subscriber \"oslo\": webhook.secret_env")
        #expect(none.line == 9)
        let two = try rejection(hook + "secret = \"a\"\nsecret_env = \"B\"\n")
        #expect(two.key == "subscriber \"oslo\": webhook.secret_env")
        #expect(two.line == 12)
        #expect(two.description.contains("give only one of secret, secret_file and secret_env"))
    }

    @Test func unknownAPIIdSuggestsTheClosest() throws {
        let error = try rejection(replacing("[\"inntekt\"]", with: "[\"inntket\"]"))
        #expect(
            error.description
                == "subscribers.toml:8: subscriber \"oslo\": apis[0]: \"inntket\" is not an API id in the catalog; did you mean \"inntekt\"?"
        )
        let service = try self.rejection(osloSubscriber + "services = [\"foreldrebetalin\"]\n")
        #expect(
            service.description.hasSuffix(
                "services[0]: \"foreldrebetalin\" is not a service id in the catalog; did you mean \"foreldrebetaling\"?"))
    }

    @Test func unknownNoticeKindIsRefused() throws {
        let error = try rejection(osloSubscriber + "kinds = [\"incident\", \"outage\"]\n")
        #expect(error.key == "subscriber \"oslo\": kinds[1]")
        #expect(error.line == 9)
    }

    @Test func subscriberWithoutAChannelWouldNeverGetAnything() throws {
        let error = try rejection(replacing("emails = [\"drift@oslo.kommune.no\"]\n", with: ""))
        #expect(
            error.description
                == "subscribers.toml:1: subscriber \"oslo\": has no e-mail address and no webhook, so it would never get "
                + "anything; add emails or [subscriber.webhook]")
    }

    @Test func subscriberWithoutASubscriptionWouldNeverGetAnything() throws {
        let error = try rejection(replacing("apis = [\"inntekt\"]\n", with: "all = false\n"))
        #expect(error.line == 1)
        #expect(error.description.contains("subscriber \"oslo\": subscribes to nothing"))
    }

    @Test func duplicateIdNamesBothLines() throws {
        let error = try rejection(osloSubscriber + osloSubscriber.replacingOccurrences(of: "974760673", with: "964338531"))
        #expect(
            error == .duplicate(file: "subscribers.toml", line: 10, key: "subscriber \"oslo\": id", value: "oslo", firstLine: 2))
        #expect(error.description.contains("(first used on line 2)"))
    }

    @Test func municipalityNumberOnAVendorIsRefused() throws {
        let text = """
            [[subscriber]]
            kind = "vendor"
            name = "Eksempel Fagsystem AS"
            org_number = "912345688"
            municipality_number = "0301"
            emails = ["drift@eksempel.no"]
            all = true
            """
        let error = try rejection(text)
        #expect(error.line == 5)
        #expect(error.key == "subscriber \"Eksempel Fagsystem AS\": municipality_number")
    }

    @Test func municipalityNeedsAFourDigitNumberAndOnlyVendorsActForOthers() throws {
        let missing = try rejection(replacing("municipality_number = \"0301\"\n", with: ""))
        #expect(missing.key == "subscriber \"oslo\": municipality_number")
        #expect(missing.line == 1)
        let short = try rejection(replacing("\"0301\"", with: "\"301\""))
        #expect(short.description.contains("\"301\" is not a kommunenummer"))
        let actsFor = try rejection(osloSubscriber + "acts_for = [\"4601\"]\n")
        #expect(actsFor.key == "subscriber \"oslo\": acts_for")
    }

    @Test func subscriberWithoutIdOrNameIsNamedByPosition() throws {
        let error = try rejection(osloSubscriber + "[[subscriber]]\nkind = \"ks\"\norg_number = \"971032146\"\n")
        #expect(error.key == "subscriber[1]: name")
        #expect(error.line == 9)
    }

    @Test func unknownTopLevelKeyInTheSubscribersFile() throws {
        let error = try rejection("[[subscribers]]\nkind = \"ks\"\n")
        guard case .unknownKey(_, 1?, "subscribers", "subscriber"?, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
    }
}
