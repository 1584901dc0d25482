// swift-tools-version: 6.1
import PackageDescription

/// The compiler settings Hummingbird uses: every `public import` and every `any` is a decision.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "varselvakt",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "varselvakt", targets: ["varselvakt"]),
        // For the fuzz package in Fuzz/ only (scripts/fuzz.sh): the modules whose input comes from
        // outside, and the libxml2 reference the HTML converter is checked against.
        .library(name: "FeedParse", targets: ["FeedParse"]),
        .library(name: "Classify", targets: ["Classify"]),
        .library(name: "StatusPage", targets: ["StatusPage"]),
        .library(name: "VarselConfig", targets: ["VarselConfig"]),
        .library(name: "HTMLReference", targets: ["HTMLReference"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The web page and JSON API (issue 11). "FullFoundation" without "ConfigurationSupport":
        // varselvakt reads its own TOML, so swift-configuration need not be compiled.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // System libraries (pkg-config names as Debian ships them).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // The shared vocabulary: plain Sendable values that cross module borders.
        .target(name: "VarselModel", swiftSettings: strict),

        // I/O edges.
        .target(name: "Curl", dependencies: ["CCurl"], swiftSettings: strict),
        .target(name: "FeedFetch", dependencies: ["Curl", "VarselModel"], swiftSettings: strict),
        .target(name: "FeedParse", dependencies: ["CLibXML2", "VarselModel"], swiftSettings: strict),
        .target(
            name: "NoticeStore",
            dependencies: [
                "VarselModel", .product(name: "GRDB", package: "GRDB.swift"),
            ], swiftSettings: strict),

        // The pure middle of the pipeline.
        .target(
            name: "NoticeDiff",
            dependencies: [
                "VarselModel", .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: strict),
        .target(name: "Classify", dependencies: ["VarselModel"], swiftSettings: strict),
        // Statuspage API v2 JSON and history feeds -> FeedEntry with SourceFacts (pure).
        .target(name: "StatusPage", dependencies: ["VarselModel"], swiftSettings: strict),
        .target(
            name: "Routing",
            dependencies: [
                "VarselModel", .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: strict),

        // What an alert says: Mustache templates -> MIME e-mail and webhook JSON (pure).
        .target(
            name: "Compose",
            dependencies: [
                "VarselModel", .product(name: "Mustache", package: "swift-mustache"),
            ], swiftSettings: strict),

        // The outbox worker and its transports: SMTP and signed webhooks over libcurl, a file sink.
        .target(
            name: "Delivery",
            dependencies: [
                "VarselModel", "Curl", "NoticeStore", "Compose",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),

        // Configuration files (TOML) -> validated values. BuiltIn/ holds the data files compiled into
        // the binary (`BuiltInData`): symlinks to the canonical files under config/, so there is one copy.
        .target(
            name: "VarselConfig",
            dependencies: ["VarselModel", "TOMLKit", "SwiftCSV", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("BuiltIn/catalog.toml"), .embedInCode("BuiltIn/lexicon.toml")], swiftSettings: strict),

        // API health: probe rounds over libcurl (Runner/) and the pure incident state machine (Incidents/).
        .target(
            name: "Probes",
            dependencies: [
                "VarselModel", "Curl", .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),

        // How to read a page: Statuspage API, linked feeds, /history.atom|rss (`sources discover`).
        .target(
            name: "SourceDiscovery", dependencies: ["VarselModel", "FeedFetch", "FeedParse", "CLibXML2"], swiftSettings: strict),

        // Read-only answers to "what happened, when, and who was told?": the queries and their JSON and
        // text forms, shared by the CLI and the web (so both show the same thing).
        .target(
            name: "History",
            dependencies: ["VarselModel", "NoticeStore", "VarselConfig", "Classify"], swiftSettings: strict),

        // KS support's web page, the JSON API under /api/v1, /metrics, /healthz and /readyz (Hummingbird).
        .target(
            name: "Web",
            dependencies: [
                "History", "VarselModel", "NoticeStore", "VarselConfig",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The pages' templates, stylesheet and the OpenAPI document are compiled into the binary
            // (`PackageResources.<file_name>`), so the Debian package carries no resource bundle.
            // API/openapi.yaml is a symlink to docs/openapi.yaml: one copy.
            resources: [
                .embedInCode("Templates/top.mustache"), .embedInCode("Templates/bottom.mustache"),
                .embedInCode("Templates/status.mustache"), .embedInCode("Templates/notices.mustache"),
                .embedInCode("Templates/notice.mustache"), .embedInCode("Templates/incidents.mustache"),
                .embedInCode("Templates/deliveries.mustache"), .embedInCode("Templates/subscribers.mustache"),
                .embedInCode("Templates/silences.mustache"), .embedInCode("Templates/today.mustache"),
                .embedInCode("Templates/problem.mustache"), .embedInCode("Templates/deliveryTable.mustache"),
                .embedInCode("Templates/incidentTable.mustache"), .embedInCode("Templates/style.css"),
                .embedInCode("API/openapi.yaml"),
            ],
            swiftSettings: strict),

        // Wiring: one poll cycle, the services, the CLI's queries.
        .target(
            name: "VarselApp",
            dependencies: [
                "VarselModel", "Curl", "FeedFetch", "FeedParse", "NoticeStore", "NoticeDiff", "Classify", "VarselConfig",
                "Routing", "Compose", "Delivery", "Probes", "StatusPage", "SourceDiscovery", "History", "Web",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ], swiftSettings: strict),
        .executableTarget(
            name: "varselvakt",
            dependencies: [
                "VarselApp", "VarselModel", "VarselConfig", "NoticeStore", "Probes", "SourceDiscovery", "FeedFetch", "Curl",
                "History",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),

        // Shared by the test targets: fixture paths and a real HTTP server on 127.0.0.1.
        .target(
            name: "TestSupport", dependencies: ["Curl"], path: "Tests/TestSupport", exclude: ["http_server.py", "smtp_server.py", "site_server.py"], swiftSettings: strict),
        // libxml2's reading of HTML, the oracle for the HTML converter (differential test and fuzz target).
        .target(name: "HTMLReference", dependencies: ["CLibXML2"], path: "Tests/HTMLReference", swiftSettings: strict),
        .testTarget(name: "CurlTests", dependencies: ["Curl", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "FeedFetchTests", dependencies: ["TestSupport", "FeedFetch", "Curl", "VarselModel"], swiftSettings: strict),
        .testTarget(
            name: "SourceDiscoveryTests", dependencies: ["SourceDiscovery", "TestSupport", "FeedFetch", "VarselModel", "Curl"],
            swiftSettings: strict),
        .testTarget(
            name: "FeedParseTests", dependencies: ["TestSupport", "FeedParse", "VarselModel", "HTMLReference", "CLibXML2"],
            swiftSettings: strict),
        .testTarget(
            name: "StatusPageTests", dependencies: ["StatusPage", "VarselModel", "FeedParse", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "NoticeStoreTests",
            // GRDB directly, to build a store as an earlier schema left it (migration tests).
            dependencies: ["NoticeStore", "VarselModel", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(
            name: "NoticeDiffTests", dependencies: ["NoticeDiff", "VarselModel", "FeedParse", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ClassifyTests", dependencies: ["TestSupport", "Classify", "VarselModel", "VarselConfig"], swiftSettings: strict
        ),
        .testTarget(name: "VarselConfigTests", dependencies: ["VarselConfig", "VarselModel"], swiftSettings: strict),
        .testTarget(
            name: "RoutingTests",
            dependencies: ["TestSupport", "Routing", "VarselModel", "VarselConfig", "Classify", "FeedParse"], swiftSettings: strict),
        .testTarget(name: "ComposeTests", dependencies: ["TestSupport", "Compose", "VarselModel"], swiftSettings: strict),
        .testTarget(
            name: "ProbesTests", dependencies: ["TestSupport", "Probes", "Curl", "VarselModel"], swiftSettings: strict),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "varselvakt", "TestSupport", "NoticeStore", "VarselModel", "Curl",
            ], swiftSettings: strict),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "TestSupport", "Delivery", "Compose", "Curl", "NoticeStore", "VarselModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
        .testTarget(
            name: "HistoryTests", dependencies: ["History", "NoticeStore", "VarselModel", "VarselConfig", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "History", "NoticeStore", "VarselModel", "VarselConfig", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
        .testTarget(
            name: "VarselAppTests",
            dependencies: [
                "TestSupport",
                "VarselApp", "VarselModel", "VarselConfig", "NoticeStore", "Delivery", "Curl", "Probes", "History", "FeedFetch",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
    ]
)
