public import Hummingbird
public import Logging
public import VarselConfig

/// Builds the web server: one router of `WebContext`, the middleware (HTTP metrics outermost,
/// then the security headers, then authentication and CSRF), the login routes, then the
/// pages, the API and the operations endpoints as each part registers them (`WebRoutes`).
///
/// The `Application` it returns is a `Service`: the daemon puts it in its `ServiceGroup`;
/// tests use it with HummingbirdTesting (`.router` or `.live`) without a daemon.
public enum WebServer {
    /// The router with everything installed. Routes added to it afterwards (a test's) get the
    /// same middleware, since Hummingbird wraps each route in the middleware present when the
    /// route is added and these are all added first.
    public static func buildRouter(_ deps: WebDependencies, _ settings: WebSettings) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let security = WebSecurity(settings: settings)
        router.add(middleware: HTTPMetricsMiddleware(registry: deps.metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: WebAuthMiddleware(security: security))
        LoginRoutes.add(to: router, security)
        WebRoutes.addPages(to: router, deps)
        WebRoutes.addAPI(to: router, deps)
        WebRoutes.addOperations(to: router, deps)
        return router
    }

    /// The application for `settings.listen`, refusing an address other machines can reach
    /// when no credentials are configured (`WebServerError.unprotectedListen`).
    public static func buildApplication(
        _ deps: WebDependencies, _ settings: WebSettings, logger: Logger
    ) throws(WebServerError) -> Application<RouterResponder<WebContext>> {
        try settings.checkExposure()
        return application(router: buildRouter(deps, settings), listen: settings.listen, logger: logger)
    }

    /// The application around an already built router (a test that added routes to it).
    public static func application(
        router: Router<WebContext>, listen: WebListenAddress, logger: Logger
    ) -> Application<RouterResponder<WebContext>> {
        Application(
            router: router,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "varselvakt"),
            logger: logger)
    }
}
