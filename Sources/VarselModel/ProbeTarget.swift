/// One URL to check in a round: which API and deployment it stands for, and how to judge it.
/// The catalog's `[apis.probe]` settings give one target per API and environment.
public struct ProbeTarget: Sendable, Hashable {
    /// Catalog API id (copied into the result).
    public var api: String
    public var environment: ProbeEnvironment
    /// http(s) URL asked without credentials; the gateway's 401/403/404 counts as up.
    public var url: String
    public var settings: ProbeSettings

    public init(api: String, environment: ProbeEnvironment, url: String, settings: ProbeSettings) {
        self.api = api
        self.environment = environment
        self.url = url
        self.settings = settings
    }
}
