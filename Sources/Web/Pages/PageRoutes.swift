import Foundation
import History
import Hummingbird
import Logging
import NoticeStore

/// The HTML pages: what happened, when, and who was told, for KS support (Norwegian bokmål).
/// Every page reads through `HistoryReader` (as the CLI does); the two forms that act (send
/// again, silences) go through `OperatorActions` (recorded with who and when), never straight to a transport.
struct PageRoutes: Sendable {
    let deps: WebDependencies
    let actions: OperatorActions
    let renderer: PageRenderer

    init(deps: WebDependencies, renderer: PageRenderer) {
        self.deps = deps
        self.actions = OperatorActions(store: deps.store)
        self.renderer = renderer
    }

    func register(on router: Router<WebContext>) {
        router.get("/static/style.css") { _, _ in Self.stylesheet() }
        router.get("/") { request, context in await guarded(request, context) { try await statusPage(request, context) } }
        router.get("/notices") { request, context in await guarded(request, context) { try await noticesPage(request, context) } }
        router.get("/notices/{id}") { request, context in
            await guarded(request, context) { try await noticePage(request, context) }
        }
        router.get("/incidents") { request, context in
            await guarded(request, context) { try await incidentsPage(request, context) }
        }
        router.get("/deliveries") { request, context in
            await guarded(request, context) { try await deliveriesPage(request, context) }
        }
        router.post("/deliveries/{id}/send-again") { request, context in
            await guarded(request, context) { try await sendAgain(request, context) }
        }
        router.get("/subscribers") { request, context in
            await guarded(request, context) { try await subscribersPage(request, context) }
        }
        router.get("/silences") { request, context in
            await guarded(request, context) { try await silencesPage(request, context) }
        }
        router.post("/silences") { request, context in await guarded(request, context) { try await addSilence(request, context) } }
        router.post("/silences/{id}/expire") { request, context in
            await guarded(request, context) { try await expireSilence(request, context) }
        }
        router.get("/today") { request, context in await guarded(request, context) { try await todayPage(request, context) } }
        ExportRoutes(deps: deps).register(on: router)
    }

    /// The stylesheet, compiled in (the CSP allows no inline style, so this is the only one).
    static func stylesheet() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "max-age=3600"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: PackageResources.style_css)))
    }

    /// The parts every page has: title, navigation with the current page marked, who is logged in.
    func page(_ title: String, current path: String, _ context: WebContext, _ view: [String: Any] = [:]) -> [String: Any] {
        let nav: [(String, String)] = [
            ("/", "Status"), ("/notices", "Varsler"), ("/incidents", "Hendelser"), ("/deliveries", "Leveranser"),
            ("/subscribers", "Abonnenter"), ("/silences", "Stilletider"), ("/today", "I dag"),
        ]
        var base: [String: Any] = [
            "title": title,
            "nav": nav.map { ["href": $0.0, "label": $0.1, "current": $0.0 == path] },
            "user": context.identity?.name ?? false,
            "csrf": context.csrfToken ?? "",
            "generated": TimeView.text(Date()),
        ]
        base.merge(view) { _, new in new }
        return base
    }

    /// Runs a page handler; a bad parameter becomes 400, an unknown notice 404, anything else
    /// 500, each as a page that says so (never a stack trace).
    func guarded(_ request: Request, _ context: WebContext, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as ParameterError {
            return problem(
                .badRequest, "Ugyldig forespørsel", "Feltet «\(error.parameter)» kan ikke brukes: \(error.problem).", context)
        } catch StoreError.noSuchNotice(let id) {
            return problem(.notFound, "Fant ikke varselet", "Det finnes ikke noe varsel med id «\(id)».", context)
        } catch let error as PageNotFound {
            return problem(.notFound, "Fant ikke siden", error.message, context)
        } catch StoreError.noSuchDelivery(let id) {
            return problem(.notFound, "Fant ikke leveransen", "Det finnes ingen leveranse med id \(id).", context)
        } catch StoreError.cannotSendAgain(let id, let status) {
            return problem(
                .conflict, "Kan ikke sendes igjen",
                "Leveranse \(id) har status «\(Labels.delivery(status))»: bare en død eller feilet leveranse kan sendes igjen.", context)
        } catch StoreError.noActiveSilence(let id) {
            return problem(.notFound, "Fant ikke stilletiden", "Stilletid \(id) finnes ikke eller er allerede avsluttet.", context)
        } catch StoreError.invalidCursor(let cursor) {
            return problem(.badRequest, "Ugyldig forespørsel", "Feltet «before» kan ikke brukes: «\(cursor)» er ingen gyldig side.", context)
        } catch {
            context.logger.error("web: \(request.method) \(request.uri.path) failed: \(error)")
            return problem(.internalServerError, "Noe gikk galt", "Siden kunne ikke lages. Feilen er logget.", context)
        }
    }

    func problem(_ status: HTTPResponse.Status, _ title: String, _ message: String, _ context: WebContext) -> Response {
        renderer.response("problem", page(title, current: "", context, ["message": message]), status: status)
    }

    /// Reads a form body (`application/x-www-form-urlencoded`), at most 64 KiB.
    static func form(_ request: Request) async throws -> QueryValues {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return QueryValues(String(buffer: buffer))
    }

    /// A "back" field from a form, used only if it is a path on this site (never `//host`).
    static func localPath(_ text: String?, otherwise fallback: String) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return fallback }
        return text
    }
}

/// A page that does not exist (an unknown subscriber, a malformed id in the path).
struct PageNotFound: Error {
    var message: String
}
