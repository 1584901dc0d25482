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

    public init(
        id: String, name: String, aliases: [String] = [], categories: [String] = [], scope: String? = nil,
        url: String? = nil, testURL: String? = nil, probe: ProbeSettings? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.categories = categories
        self.scope = scope
        self.url = url
        self.testURL = testURL
        self.probe = probe
    }
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
