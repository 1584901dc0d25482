// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets over varselvakt's input readers, kept out of the main package so that its
/// `swift build` / `swift test` never see sanitizer flags. Built and run by `scripts/fuzz.sh`
/// (`swift build --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library`): each target is
/// an executable whose `LLVMFuzzerTestOneInput` feeds the bytes to one entry point.
let package = Package(
    name: "varselvakt-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "varselvakt", path: "..")],
    targets: [
        .executableTarget(name: "FuzzFeedParser", dependencies: [.product(name: "FeedParse", package: "varselvakt")]),
        .executableTarget(name: "FuzzHTMLConverter", dependencies: [.product(name: "FeedParse", package: "varselvakt")]),
        .executableTarget(
            name: "FuzzHTMLAgainstLibXML2",
            dependencies: [
                .product(name: "FeedParse", package: "varselvakt"), .product(name: "HTMLReference", package: "varselvakt"),
            ]),
        .executableTarget(name: "FuzzNorwegianDates", dependencies: [.product(name: "Classify", package: "varselvakt")]),
        .executableTarget(name: "FuzzStatusPage", dependencies: [.product(name: "StatusPage", package: "varselvakt")]),
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "VarselConfig", package: "varselvakt")]),
        .executableTarget(name: "FuzzSubscribers", dependencies: [.product(name: "VarselConfig", package: "varselvakt")]),
        .executableTarget(name: "FuzzSubscriberCSV", dependencies: [.product(name: "VarselConfig", package: "varselvakt")]),
    ],
    swiftLanguageModes: [.v6]
)
