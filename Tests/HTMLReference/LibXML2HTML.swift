import CLibXML2

/// libxml2's HTML parser as the reference reading of an HTML fragment: what a mature, independent
/// parser makes of the same bytes the converter (`FeedParse.HTMLText`) reads.
///
/// Options (`vv_htmlReadLenient`): NOERROR/NOWARNING (nothing on stderr), NONET (never fetch),
/// RECOVER (read broken markup the forgiving way, as browsers and the converter do). The tree is walked iteratively,
/// so a hostile fragment nested 100,000 deep cannot exhaust the stack.
public enum LibXML2HTML {
    /// One step of a document-order walk.
    public enum Event {
        /// An element opens: lower-cased name and its attributes (name, value) in source order.
        case open(name: String, attributes: [(name: String, value: String)])
        /// The element opened last closes.
        case close(name: String)
        /// A text node (entities already decoded by libxml2).
        case text(String)
    }

    /// libxml2's global set-up, once per process (not safe to race on first use).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// How libxml2 got on with a fragment.
    public enum Outcome {
        /// No document at all (empty input).
        case noDocument
        /// Read without a single error: the markup is unambiguous HTML 4.
        case clean
        /// libxml2 reported errors and recovered; its guesses may differ from HTML5's.
        case recovered
    }

    /// Parses `html` (UTF-8) and calls `visit` for every element, end of element and text node in
    /// document order. Comments, CDATA and processing instructions are not reported.
    @discardableResult
    public static func walk(_ html: String, _ visit: (Event) -> Void) -> Outcome {
        _ = initialised
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return .noDocument }
        xmlResetLastError()
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                vv_htmlReadLenient(chars.baseAddress, Int32(chars.count), "UTF-8")
            }
        }
        guard let document else { return .noDocument }
        defer { xmlFreeDoc(document) }
        // With NOERROR libxml2 still records the last error; it is read before the walk.
        let outcome: Outcome = xmlGetLastError() == nil ? .clean : .recovered
        // (node, leaving): a node is pushed once to enter it and once more to leave it.
        var stack: [(xmlNodePtr, Bool)] = []
        if let root = xmlDocGetRootElement(document) { stack.append((root, false)) }
        while let (node, leaving) = stack.popLast() {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = string(node.pointee.name).lowercased()
                if leaving {
                    visit(.close(name: name))
                    continue
                }
                visit(.open(name: name, attributes: attributes(of: node)))
                stack.append((node, true))
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                for child in children.reversed() { stack.append((child, false)) }
            case XML_TEXT_NODE:
                visit(.text(string(node.pointee.content)))
            default:
                continue
            }
        }
        return outcome
    }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += string(text.pointee.content)
                child = text.pointee.next
            }
            result.append((string(current.pointee.name).lowercased(), value))
            attribute = current.pointee.next
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }
}
