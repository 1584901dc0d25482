/// The HTML elements the converter knows, with what each one means for plain text and for the
/// sanitized HTML. Anything else is `.other`: unwrapped (its text kept, the tag dropped).
enum HTMLTag: UInt8 {
    case other
    // Allow-listed: re-emitted (without attributes, except `a href/title`).
    case p, br, strong, b, em, i, u, s, sub, sup, code, pre, blockquote, div, hr, a
    case ul, ol, li, dl, dt, dd
    case h1, h2, h3, h4, h5, h6
    case table, thead, tbody, tfoot, tr, th, td
    // Block containers that are not allow-listed: emitted as `div` so paragraphs stay apart.
    case section, article, header, footer, nav, aside, main, figure, figcaption, address
    case details, summary, center, fieldset, caption
    // Dropped together with everything inside them.
    case script, style, iframe, object, embed, template, noscript, form, svg, math
    case textarea, select, title, head, noembed, noframes, xmp, plaintext, applet
    // Void elements that are not allow-listed (no end tag, no content).
    case img, input, meta, link, wbr, area, base, col, param, source, track

    /// Looks a lower-cased name up (packed little-endian into 8 bytes; longer names compared whole).
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTag {
        guard name.count > 0, name.count <= 10 else { return .other }
        if name.count > 8 {
            if name.elementsEqual("blockquote".utf8) { return .blockquote }
            if name.elementsEqual("figcaption".utf8) { return .figcaption }
            if name.elementsEqual("plaintext".utf8) { return .plaintext }
            return .other
        }
        var key: UInt64 = 0
        for (index, byte) in name.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        switch key {
        case 0x61: return .a  // a
        case 0x62: return .b  // b
        case 0x69: return .i  // i
        case 0x70: return .p  // p
        case 0x73: return .s  // s
        case 0x75: return .u  // u
        case 0x3168: return .h1  // h1
        case 0x3268: return .h2  // h2
        case 0x3368: return .h3  // h3
        case 0x3468: return .h4  // h4
        case 0x3568: return .h5  // h5
        case 0x3668: return .h6  // h6
        case 0x6464: return .dd  // dd
        case 0x6474: return .td  // td
        case 0x6874: return .th  // th
        case 0x696C: return .li  // li
        case 0x6C64: return .dl  // dl
        case 0x6C6F: return .ol  // ol
        case 0x6C75: return .ul  // ul
        case 0x6D65: return .em  // em
        case 0x7262: return .br  // br
        case 0x7268: return .hr  // hr
        case 0x7274: return .tr  // tr
        case 0x7464: return .dt  // dt
        case 0x627573: return .sub  // sub
        case 0x657270: return .pre  // pre
        case 0x676D69: return .img  // img
        case 0x677673: return .svg  // svg
        case 0x6C6F63: return .col  // col
        case 0x706D78: return .xmp  // xmp
        case 0x707573: return .sup  // sup
        case 0x726277: return .wbr  // wbr
        case 0x76616E: return .nav  // nav
        case 0x766964: return .div  // div
        case 0x61657261: return .area  // area
        case 0x6174656D: return .meta  // meta
        case 0x64616568: return .head  // head
        case 0x65646F63: return .code  // code
        case 0x65736162: return .base  // base
        case 0x6874616D: return .math  // math
        case 0x6B6E696C: return .link  // link
        case 0x6D726F66: return .form  // form
        case 0x6E69616D: return .main  // main
        case 0x6461656874: return .thead  // thead
        case 0x6465626D65: return .embed  // embed
        case 0x6564697361: return .aside  // aside
        case 0x656C626174: return .table  // table
        case 0x656C746974: return .title  // title
        case 0x656C797473: return .style  // style
        case 0x6B63617274: return .track  // track
        case 0x6D61726170: return .param  // param
        case 0x746F6F6674: return .tfoot  // tfoot
        case 0x7475706E69: return .input  // input
        case 0x79646F6274: return .tbody  // tbody
        case 0x656372756F73: return .source  // source
        case 0x656D61726669: return .iframe  // iframe
        case 0x657275676966: return .figure  // figure
        case 0x676E6F727473: return .strong  // strong
        case 0x726564616568: return .header  // header
        case 0x7265746E6563: return .center  // center
        case 0x7265746F6F66: return .footer  // footer
        case 0x7463656A626F: return .object  // object
        case 0x7463656C6573: return .select  // select
        case 0x74656C707061: return .applet  // applet
        case 0x747069726373: return .script  // script
        case 0x6465626D656F6E: return .noembed  // noembed
        case 0x656C6369747261: return .article  // article
        case 0x6E6F6974636573: return .section  // section
        case 0x6E6F6974706163: return .caption  // caption
        case 0x736C6961746564: return .details  // details
        case 0x73736572646461: return .address  // address
        case 0x7972616D6D7573: return .summary  // summary
        case 0x6165726174786574: return .textarea  // textarea
        case 0x6574616C706D6574: return .template  // template
        case 0x73656D6172666F6E: return .noframes  // noframes
        case 0x746573646C656966: return .fieldset  // fieldset
        case 0x7470697263736F6E: return .noscript  // noscript
        default: return .other
        }
    }

    /// Emitted in the sanitized HTML (possibly under another name, see `outputName`).
    var isEmitted: Bool { rawValue >= HTMLTag.p.rawValue && rawValue <= HTMLTag.caption.rawValue }

    /// Dropped with everything inside.
    var dropsContent: Bool { rawValue >= HTMLTag.script.rawValue && rawValue <= HTMLTag.applet.rawValue }

    /// Content is raw text up to the matching end tag (no markup inside, per HTML).
    var isRawText: Bool {
        switch self {
        case .script, .style, .iframe, .noscript, .textarea, .title, .noembed, .noframes, .xmp: return true
        default: return false
        }
    }

    /// No end tag and no content.
    var isVoid: Bool {
        switch self {
        case .br, .hr, .embed, .img, .input, .meta, .link, .wbr, .area, .base, .col, .param, .source, .track:
            return true
        default: return false
        }
    }

    /// What the element does to the plain text: 2 = paragraph break, 1 = line break, 0 = nothing,
    /// -1 = a space (table cells).
    var textBreak: Int {
        switch self {
        case .p, .div, .pre, .blockquote, .hr, .ul, .ol, .dl, .h1, .h2, .h3, .h4, .h5, .h6, .table,
            .section, .article, .header, .footer, .nav, .aside, .main, .figure, .figcaption, .address,
            .details, .summary, .center, .fieldset, .caption:
            return 2
        case .br, .li, .dt, .dd, .tr:
            return 1
        case .td, .th:
            return -1
        default:
            return 0
        }
    }

    /// Opening it closes an open `p` (HTML's "close a p element in button scope").
    var closesParagraph: Bool {
        switch self {
        case .p, .div, .pre, .blockquote, .hr, .ul, .ol, .dl, .li, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6,
            .table, .section, .article, .header, .footer, .nav, .aside, .main, .figure, .figcaption,
            .address, .details, .summary, .center, .fieldset:
            return true
        default: return false
        }
    }

    /// The tag written to the sanitized HTML.
    var outputName: StaticString {
        switch self {
        case .p: "p"
        case .br: "br"
        case .strong: "strong"
        case .b: "b"
        case .em: "em"
        case .i: "i"
        case .u: "u"
        case .s: "s"
        case .sub: "sub"
        case .sup: "sup"
        case .code: "code"
        case .pre: "pre"
        case .blockquote: "blockquote"
        case .hr: "hr"
        case .a: "a"
        case .ul: "ul"
        case .ol: "ol"
        case .li: "li"
        case .dl: "dl"
        case .dt: "dt"
        case .dd: "dd"
        case .h1: "h1"
        case .h2: "h2"
        case .h3: "h3"
        case .h4: "h4"
        case .h5: "h5"
        case .h6: "h6"
        case .table: "table"
        case .thead: "thead"
        case .tbody: "tbody"
        case .tfoot: "tfoot"
        case .tr: "tr"
        case .th: "th"
        case .td: "td"
        case .caption: "caption"
        default: "div"
        }
    }
}

/// A set of emitted tags as a bit mask (every emitted tag's raw value is below 64).
struct HTMLTagSet: ExpressibleByArrayLiteral {
    private var bits: UInt64 = 0

    init() {}

    init(arrayLiteral elements: HTMLTag...) {
        for tag in elements { insert(tag) }
    }

    @inline(__always)
    mutating func insert(_ tag: HTMLTag) {
        if tag.rawValue < 64 { bits |= 1 << UInt64(tag.rawValue) }
    }

    @inline(__always)
    func contains(_ tag: HTMLTag) -> Bool {
        tag.rawValue < 64 && bits & (1 << UInt64(tag.rawValue)) != 0
    }

    @inline(__always)
    func isDisjoint(with other: HTMLTagSet) -> Bool { bits & other.bits == 0 }
}
