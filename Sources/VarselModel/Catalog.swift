/// The APIs varselvakt knows and the municipal services that use them (config/catalog.toml).
///
/// Notices carry no structured API field, so `Classify` finds APIs by matching these names and
/// aliases against a notice's categories and text.
public struct Catalog: Sendable, Hashable, Codable {
    public var apis: [CatalogAPI]
    public var services: [MunicipalService]

    public init(apis: [CatalogAPI], services: [MunicipalService] = []) {
        self.apis = apis
        self.services = services
    }

    /// The API with this catalog id, if any.
    public func api(_ id: String) -> CatalogAPI? { apis.first { $0.id == id } }
}

/// One Skatteetaten API (or API family, such as Folkeregisteret).
public struct CatalogAPI: Sendable, Hashable, Codable {
    /// Stable catalog id, e.g. "summertskattegrunnlag" (the slug of its URL).
    public var id: String
    /// Display name as Skatteetaten writes it, e.g. "Summert skattegrunnlag API".
    public var name: String
    /// Other ways notices name it ("Inntektsmottaker API", "OTP"). Matched case-insensitively,
    /// on word boundaries; the longest match wins, so "Spesifisert summert skattegrunnlag"
    /// is not also "Summert skattegrunnlag".
    public var aliases: [String]
    /// Feed categories (folded to lower case) that mean this API, e.g. "inntekt", "skatteoppgjør".
    public var categories: [String]
    /// Maskinporten scope, e.g. "skatteetaten:summertskattegrunnlag".
    public var scope: String?
    /// Production base URL, e.g. "https://summertskattegrunnlag.api.skatteetaten.no/v2".
    public var url: String?
    /// Test environment base URL.
    public var testURL: String?
    /// How the daemon checks that the API answers; nil = not probed.
    public var probe: ProbeSettings?
    /// An API of Skatteetaten's, or a platform every API consumer depends on (Maskinporten).
    public var kind: CatalogEntryKind
    /// Status-page components that mean this entry: component codes (stable) or names (edited by
    /// the page's owner, so a code wins when both match different entries).
    public var statusComponents: [String]
    /// Catalog ids of the platforms this API needs (an API consumer needs a Maskinporten token):
    /// a notice about one of them concerns this API's subscribers too.
    public var dependsOn: [String]

    public init(
        id: String, name: String, aliases: [String] = [], categories: [String] = [], scope: String? = nil,
        url: String? = nil, testURL: String? = nil, probe: ProbeSettings? = nil, kind: CatalogEntryKind = .api,
        statusComponents: [String] = [], dependsOn: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.categories = categories
        self.scope = scope
        self.url = url
        self.testURL = testURL
        self.probe = probe
        self.kind = kind
        self.statusComponents = statusComponents
        self.dependsOn = dependsOn
    }
}

/// What a catalog entry stands for.
public enum CatalogEntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One of Skatteetaten's APIs (or an API family such as Folkeregisteret).
    case api
    /// A platform APIs depend on (Maskinporten, ID-porten, Altinn, KS Fiks): an outage there is
    /// an outage of every API that names it in `depends_on`.
    case platform
}

/// A municipal service (as KS names it) and the APIs it depends on.
public struct MunicipalService: Sendable, Hashable, Codable {
    /// Stable id, e.g. "foreldrebetaling".
    public var id: String
    /// KS's name, e.g. "Redusert foreldrebetaling barnehage og SFO/AKS".
    public var name: String
    /// Catalog ids of the APIs the service uses.
    public var apis: [String]
    /// Skatteetaten's rettighetspakke (rights package), if known.
    public var rightsPackage: String?

    public init(id: String, name: String, apis: [String], rightsPackage: String? = nil) {
        self.id = id
        self.name = name
        self.apis = apis
        self.rightsPackage = rightsPackage
    }
}
