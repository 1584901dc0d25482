import Foundation
import Hummingbird
import Mustache
import VarselModel

/// The pages' Mustache templates, compiled once from the copies built into the binary.
///
/// Every `{{value}}` is HTML-escaped; the one `{{{…}}}` a template may use (`{{{rows}}}`, `{{{apis}}}`) holds the
/// rows of a long table written by `HTMLBuilder`, which takes markup only as `StaticString` and
/// escapes every value with the same escaper. So nothing stored (notice text from a feed, an
/// error from a webhook) reaches a page unescaped. The layout
/// is two partials (`{{> top}}`, `{{> bottom}}`) rather than a rendered body pasted into a frame,
/// which would need exactly that triple mustache.
///
/// The escaping is `htmlEscaped` (VarselModel), registered as the templates' content type:
/// it escapes the same five characters as Mustache's own, on bytes rather than Characters, which
/// made escaping a seventh of the notices page's time instead of a third.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Template names and their embedded text.
    static let templates: [(name: String, bytes: [UInt8])] = [
        ("top", PackageResources.top_mustache), ("bottom", PackageResources.bottom_mustache),
        ("status", PackageResources.status_mustache), ("notices", PackageResources.notices_mustache),
        ("notice", PackageResources.notice_mustache), ("incidents", PackageResources.incidents_mustache),
        ("deliveries", PackageResources.deliveries_mustache), ("subscribers", PackageResources.subscribers_mustache),
        ("silences", PackageResources.silences_mustache), ("today", PackageResources.today_mustache),
        ("problem", PackageResources.problem_mustache), ("deliveryTable", PackageResources.deliveryTable_mustache),
        ("incidentTable", PackageResources.incidentTable_mustache),
    ]

    /// Compiles the built-in templates. They are part of the binary and a test renders each
    /// one, so a failure here is a broken build, reported with the template's name.
    init() throws {
        MustacheContentTypes.register(PageHTML(), named: PageHTML.name)
        var compiled: [String: MustacheTemplate] = [:]
        for (name, bytes) in Self.templates {
            do {
                let text = "{{% CONTENT_TYPE: \(PageHTML.name)}}" + String(decoding: bytes, as: UTF8.self)
                compiled[name] = try MustacheTemplate(string: text)
            } catch {
                throw PageTemplateError(template: name, reason: String(describing: error))
            }
        }
        library = MustacheLibrary(templates: compiled)
    }

    func render(_ template: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    /// A whole HTML response.
    func response(_ template: String, _ view: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Self.html(render(template, view), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// HTML, escaped by `htmlEscaped`: the content type of every page template.
struct PageHTML: MustacheContentType {
    static let name = "VARSELVAKT_HTML"

    func escapeText(_ text: String) -> String { htmlEscaped(text) }
}

/// A built-in page template that does not compile.
struct PageTemplateError: Error, CustomStringConvertible {
    var template: String
    var reason: String
    var description: String { "web: built-in template \(template).mustache does not compile: \(reason)" }
}
