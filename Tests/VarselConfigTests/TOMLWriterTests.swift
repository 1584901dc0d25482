import Testing
import VarselModel

@testable import VarselConfig

@Suite struct TOMLWriterTests {
    /// Every escape the writer makes is read back by the real TOML parser as the same text.
    @Test func escapedStringsReadBackUnchanged() throws {
        let nasty = "a\"b\\c\nd\te\r\u{01}\u{7F}\u{08}\u{0C}\u{85}ø\"\"\"\n[[x]]"
        let catalog = try ConfigLoader.loadCatalog(
            text: "[[apis]]\nid = \"x\"\nname = \(TOMLWriter.string(nasty))\naliases = \(TOMLWriter.array([nasty, "b"]))\n",
            file: "t.toml")
        #expect(catalog.apis.first?.name == nasty)
        #expect(catalog.apis.first?.aliases == [nasty, "b"])
        #expect(!TOMLWriter.comment("a\nb").contains("\n"))
    }
}
