@testable import Compose
import Testing

/// Encoding a body in pieces (once, with only the name lines per message) must give exactly the
/// bytes of encoding the personalised text whole.
@Suite struct EncodedBodyTests {
    static let name = RenderCache.namePlaceholder
    static let texts = [
        "Hei, \(name)!\n\nSkatteetaten har publisert et nytt driftsvarsel:\n",
        "\(name)",
        "Første linje\r\nHei \(name), dette er en svært lang linje med æøå som må brytes fordi den er mye lengre enn syttiseks tegn og mer\n.punktum først\nFrom Skatteetaten\n",
        "slutter med mellomrom \n\(name) og \(name) på samme linje\t\nsiste linje uten linjeskift",
        "<p>Hei, \(name)!</p>\n<p>a=b & c</p>",
        "ingen plassholder her\nbare tekst\n",
        "",
    ]

    @Test(arguments: texts, ["Oslo kommune", "Nes & Ås <kommune>", "Ålesund"])
    func piecesEncodeLikeTheWholeText(text: String, name: String) {
        for html in [false, true] {
            var pieces: [UInt8] = []
            EncodedBody(text).encode(name: name, html: html, into: &pieces)
            var whole: [UInt8] = []
            QuotedPrintable.encode(RenderCache.personalise(text, name: name, html: html), into: &whole)
            #expect(pieces == whole, "\(text.debugDescription) / \(name) / html: \(html)")
        }
    }
}
