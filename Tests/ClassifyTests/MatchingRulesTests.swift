import VarselConfig
import Classify
import Foundation
import Testing
import VarselModel

/// Rules of name and phrase matching that the compiled matcher must keep: name rank over
/// position, no phrase across texts, `String` equality for catalog names, year-less days.
@Suite struct MatchingRulesTests {
    @Test func aLongerNameWinsOverAShorterOneEarlierInTheText() {
        // "Delta alfa" starts first, but "Alfa beta gamma" is longer: it is matched first and
        // consumes "alfa", so "Delta alfa" is not found at all.
        let classifier = Classifier(
            catalog: Catalog(apis: [
                CatalogAPI(id: "short", name: "Delta alfa"), CatalogAPI(id: "long", name: "Alfa beta gamma"),
            ]), lexicon: ConfigLoader.builtInLexicon)
        #expect(classifier.classify(ClassificationInput(title: "Nyhet", contentText: "delta alfa beta gamma")).apis == ["long"])
        #expect(
            classifier.classify(ClassificationInput(title: "Nyhet", contentText: "delta alfa, alfa beta gamma")).apis == [
                "long", "short",
            ])
    }

    @Test func aNameOrPhraseNeverSpansTitleAndText() {
        let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)
        let split = classifier.classify(ClassificationInput(title: "Driftsmelding om normal", summaryText: "drift fra i dag"))
        #expect(split.kind != .resolved)
        let whole = classifier.classify(ClassificationInput(title: "Driftsmelding", summaryText: "Normal drift fra i dag"))
        #expect(whole.kind == .resolved)
        #expect(classifier.classify(ClassificationInput(title: "Nytt i Restanser", contentText: "API er oppdatert")).apis == [])
        #expect(
            classifier.classify(ClassificationInput(title: "Nytt", contentText: "Restanser API er oppdatert")).apis == [
                "restanser"
            ])
    }

    @Test func catalogNamesCompareAsStringsEvenWhenWrittenDecomposed() {
        // "e" + combining acute in the catalog, precomposed "é" in the notice: equal as Strings.
        let classifier = Classifier(catalog: Catalog(apis: [CatalogAPI(id: "cafe", name: "Cafe\u{301} API")]), lexicon: ConfigLoader.builtInLexicon)
        #expect(classifier.classify(ClassificationInput(title: "Nyhet", contentText: "Ny versjon av Café API")).apis == ["cafe"])
        #expect(classifier.classify(ClassificationInput(title: "Nyhet", contentText: "Ny versjon av CAFÉ-api")).apis == ["cafe"])
        #expect(classifier.classify(ClassificationInput(title: "Nyhet", contentText: "Ny versjon av Cafe API")).apis == [])
    }

    @Test func aYearlessDayIsPlacedOnOrAfterAWeekBeforePublicationUpToEightMonthsAheadElseNearest() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Oslo"))
        let parser = NorwegianDateParser()
        // Mid-winter, New Year, half a year from the turn, a DST change day.
        for published in [
            utc("2023-12-13T10:00:00Z"), utc("2024-01-03T10:00:00Z"), utc("2024-07-01T22:30:00Z"),
            utc("2023-07-02T11:00:00Z"), utc("2024-03-31T01:30:00Z"), utc("2024-12-28T09:00:00Z"),
        ] {
            let year = calendar.component(.year, from: published)
            let today = calendar.startOfDay(for: published)
            for month in 1...12 {
                for day in 1...(month == 2 ? 29 : 31) where !([4, 6, 9, 11].contains(month) && day == 31) {
                    // Days from the publication day to each year's day (29 February only in leap years).
                    let options = (year - 1...year + 1).compactMap { candidateYear -> (Date, Int)? in
                        let parts = DateComponents(year: candidateYear, month: month, day: day)
                        guard parts.isValidDate(in: calendar), let midnight = calendar.date(from: parts) else { return nil }
                        return (midnight, calendar.dateComponents([.day], from: today, to: midnight).day!)
                    }
                    let expected =
                        options.first(where: { $0.1 >= -7 && $0.1 <= 240 })?.0 ?? options.min { abs($0.1) < abs($1.1) }?.0
                    let text = "Vedlikehold \(day).\(month < 10 ? "0" : "")\(month)"
                    #expect(parser.window(in: [text], published: published)?.start == expected, "\(text), published \(published)")
                }
            }
        }
    }
}
