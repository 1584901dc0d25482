import Compose
import Foundation
import TestSupport
import Testing

/// The templates folder: every problem is reported at startup, naming the file.
@Suite struct TemplateLoadingTests {
    /// A private copy of the real templates folder that a test may break.
    func copyOfTemplates() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compose-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: AlertFixtures.templates), to: folder)
        return folder
    }

    @Test func brokenTemplateIsAnErrorNamingTheFileAndLine() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("changed-text.mustache")
        try "{{% CONTENT_TYPE: TEXT}}\nHei, {{name}}!\n{{#diff}}\nendret\n{{/lines}}\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ComposeError.self) { try Composer(templatesDirectory: folder.path) }
        guard case .templateInvalid(let path, let line, _, _) = error else {
            Issue.record("expected templateInvalid, got \(String(describing: error))")
            return
        }
        #expect(path == file.path)
        #expect(line == 5)
        #expect(error?.description.contains("changed-text.mustache line 5") == true)
    }

    @Test func unknownPragmaIsAnErrorNamingTheFile() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("partial-footer-text.mustache")
        try "{{% CONTENT_TYPE: PLAIN}}\n-- \n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ComposeError.self) { try Composer(templatesDirectory: folder.path) }
        #expect(error?.description.contains("partial-footer-text.mustache") == true)
        #expect(error?.description.contains("unknown pragma") == true)
    }

    @Test func missingTemplateIsAnErrorNamingTheFile() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("partial-footer-html.mustache")
        try FileManager.default.removeItem(at: file)
        #expect(throws: ComposeError.templateMissing(file: file.path)) { try Composer(templatesDirectory: folder.path) }
    }

    @Test func missingFolderIsAnErrorNamingTheFolder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-templates-\(UUID().uuidString)").path
        let error = #expect(throws: ComposeError.self) { try Composer(templatesDirectory: path) }
        guard case .templatesDirectoryUnreadable(let reported, _) = error else {
            Issue.record("expected templatesDirectoryUnreadable, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
    }

    @Test func editedTemplateIsUsedAndExtraPartialsAreAvailable() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{% CONTENT_TYPE: TEXT}}\nDriftsvarsel for {{name}}\n".write(
            to: folder.appendingPathComponent("partial-local-greeting.mustache"), atomically: true, encoding: .utf8)
        try "{{% CONTENT_TYPE: TEXT}}\n{{> partial-local-greeting}}\n".write(
            to: folder.appendingPathComponent("new-subject.mustache"), atomically: true, encoding: .utf8)
        let composer = try Composer(templatesDirectory: folder.path)
        let mail = try composer.email(
            for: AlertFixtures.context(entry: AlertFixtures.inntektEntry), settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
        #expect(mail.subject == "Driftsvarsel for Oslo kommune")
    }

    /// The only unescaped insert is the notice's HTML, which FeedParse sanitized.
    @Test func onlyTheSanitizedNoticeHTMLIsInsertedUnescaped() throws {
        var unescaped: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: AlertFixtures.templates) where file.hasSuffix("-html.mustache") {
            let text = try String(contentsOfFile: AlertFixtures.templates + "/" + file, encoding: .utf8)
            var rest = Substring(text)
            while let range = rest.range(of: "{{{") ?? rest.range(of: "{{&") {
                let tag = rest[range.lowerBound...].prefix(while: { $0 != "\n" }).prefix(12)
                unescaped.append("\(file): \(tag)")
                rest = rest[range.upperBound...]
            }
            #expect(!text.contains("CONTENT_TYPE: TEXT"), "\(file) must stay HTML-escaped")
        }
        #expect(unescaped == ["partial-notice-html.mustache: {{{html}}}"])
    }

    /// swift-mustache renders every partial in HTML mode, so each text template and partial
    /// must declare TEXT itself, or "&" in a title arrives as "&amp;" in the plain-text part.
    @Test func everySubjectAndTextTemplateDeclaresTextContentType() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: AlertFixtures.templates)
            .filter { $0.hasSuffix("-text.mustache") || $0.hasSuffix("-subject.mustache") }
        #expect(files.count == 18)
        for file in files {
            let text = try String(contentsOfFile: AlertFixtures.templates + "/" + file, encoding: .utf8)
            #expect(text.contains("{{% CONTENT_TYPE: TEXT}}"), "\(file)")
            #expect(text.hasPrefix("{{!"), "\(file) starts with a comment for operators")
        }
    }
}
