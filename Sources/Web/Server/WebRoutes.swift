public import Hummingbird

/// Where each part of the web registers its routes. `WebServer` (Server/) builds one router,
/// installs the middleware (Security/) and calls each of these; each lives in its own folder:
/// * `Pages/`: the HTML pages (Norwegian bokmål, Mustache templates in Templates/);
/// * `API/`: the JSON API under /api/v1 and /api/v1/openapi.yaml;
/// * `Operations/`: /metrics, /healthz, /readyz.
enum WebRoutes {
    static func addPages(to router: Router<WebContext>, _ deps: WebDependencies) {
        // The templates are compiled into the binary and every one is rendered by PageTests,
        // so a failure here is a broken build, not a condition to run with.
        let renderer: PageRenderer
        do {
            renderer = try PageRenderer()
        } catch {
            fatalError("\(error)")
        }
        PageRoutes(deps: deps, renderer: renderer).register(on: router)
    }

    static func addAPI(to router: Router<WebContext>, _ deps: WebDependencies) {
        APIRoutes(deps: deps).register(on: router)
    }

    static func addOperations(to router: Router<WebContext>, _ deps: WebDependencies) {
        OperationsRoutes.add(to: router, deps)
    }
}
