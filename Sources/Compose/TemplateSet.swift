import Foundation
import Mustache

/// The templates folder, compiled once: every `*.mustache` file in it (so operators can add
/// partials of their own), checked to contain every template an alert needs.
struct TemplateSet: Sendable {
    static let fileExtension = "mustache"
    let library: MustacheLibrary

    init(directory: String) throws(ComposeError) {
        let fileManager = FileManager()
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .templatesDirectoryUnreadable(path: directory, reason: Self.reason(error))
        }
        var templates: [String: MustacheTemplate] = [:]
        for file in names.sorted() where file.hasSuffix(".\(Self.fileExtension)") {
            let name = String(file.dropLast(Self.fileExtension.count + 1))
            templates[name] = try Self.compile(file: file, in: directory)
        }
        for name in AlertTemplate.requiredNames where templates[name] == nil {
            throw .templateMissing(file: Self.path(directory, "\(name).\(Self.fileExtension)"))
        }
        library = MustacheLibrary(templates: templates)
    }

    /// Renders a template that `init` proved exists.
    func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    private static func compile(file: String, in directory: String) throws(ComposeError) -> MustacheTemplate {
        let path = path(directory, file)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .templateUnreadable(file: path, reason: reason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .templateUnreadable(file: path, reason: "not UTF-8")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw .templateInvalid(
                file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                problem: problem(error.error, line: error.context.line))
        } catch {
            throw .templateInvalid(file: path, line: 0, column: 0, problem: String(describing: error))
        }
    }

    private static func problem(_ error: any Error, line: String) -> String {
        let what: String =
            switch error as? MustacheTemplate.Error {
            case .sectionCloseNameIncorrect: "section closed with the wrong name"
            case .unfinishedName: "tag not finished"
            case .expectedSectionEnd: "section not closed"
            case .invalidSetDelimiter: "bad set-delimiter tag"
            case .transformAppliedToInheritanceSection: "transform on an inheritance section"
            case .illegalTokenInsideInheritSection: "illegal tag inside an inheritance section"
            case .textInsideInheritSection: "text inside an inheritance section"
            case .invalidConfigVariableSyntax: "bad pragma syntax"
            case .unrecognisedConfigVariable: "unknown pragma (use {{% CONTENT_TYPE: TEXT}} or HTML)"
            case nil: String(describing: error)
            }
        return "\(what) (in \(line.trimmingCharacters(in: .whitespacesAndNewlines).debugDescription))"
    }

    private static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
