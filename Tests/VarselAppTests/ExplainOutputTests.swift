import History
import Foundation
import NoticeStore
import Testing
import TestSupport
import VarselApp
import VarselModel

/// `varselvakt notice ID --explain` on a stored real notice: the text names the deciding rules and
/// lexicon words, and the JSON carries the same as `classification`.
@Suite struct ExplainOutputTests {
    @Test func storedRealNoticeIsExplainedInTextAndJSON() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        _ = try await sandbox.poll()
        let id = "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/ny-identitetsgrunnlagstatus-og-stort-antall-hendelser-fra-01.02.2027-20260707"
        let detail = try await sandbox.runtime.store.notice(id)
        let explanation = sandbox.config.explain(detail.notice)

        let text = ExplanationText.render(explanation)
        #expect(text.contains("kind:        14: the text names a change (kind.change)"))
        #expect(text.contains("api folkeregisteret: named \"Folkeregisteret\""))
        #expect(
            text.contains(
                "environment: the text names it: playground, testdata → both (a change or news that names test only in its text)"))

        let json = try OutputJSON.encode(NoticeDetailJSON(detail, explanation: explanation))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let classification = try #require(object["classification"] as? [String: Any])
        #expect(classification["kind_rule"] as? String == explanation.kindRule)
        #expect((classification["body_phrases"] as? [String: [String]])?["kind.change"]?.isEmpty == false)
        #expect((object["notice"] as? [String: Any])?["environment"] as? String == "both")
    }
}
