import Foundation
import VarselModel

/// Any string as a coding key, so payloads are read by name without a `CodingKeys` enum per
/// shape, and keys the code does not know are simply never asked for.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Tolerant field access: a missing key, `null` or a value of the wrong type all read as nil
/// (or empty), because one odd field must not cost the whole incident, let alone the document.
extension KeyedDecodingContainer where K == AnyKey {
    func string(_ key: String) -> String? {
        let k = AnyKey(key)
        if let s = try? decodeIfPresent(String.self, forKey: k) { return s }
        if let n = try? decodeIfPresent(Int.self, forKey: k) { return String(n) }
        return nil
    }

    /// A string that is present and not blank.
    func text(_ key: String) -> String? {
        guard let s = string(key), !s.trimmed.isEmpty else { return nil }
        return s
    }

    func date(_ key: String) -> Date? { string(key).flatMap(StatusPageDate.parse) }

    func bool(_ key: String) -> Bool? { try? decodeIfPresent(Bool.self, forKey: AnyKey(key)) }

    /// An array whose elements are decoded one by one (`Element` never throws); anything that is
    /// not an array reads as empty.
    func elements<T: Decodable>(_ key: String, of type: T.Type = T.self) -> [Element<T>] {
        (try? decodeIfPresent([Element<T>].self, forKey: AnyKey(key))) ?? []
    }

    func has(_ key: String) -> Bool { contains(AnyKey(key)) }
}

/// One array element: the value, or why it could not be read.
struct Element<T: Decodable>: Decodable {
    let value: T?
    let problem: String?
    /// The element's name, when it had one, so a skipped incident can be found on the page.
    let title: String?

    init(from decoder: any Decoder) {
        do {
            value = try T(from: decoder)
            problem = nil
            title = nil
        } catch let error as ElementProblem {
            value = nil
            problem = error.reason
            title = error.title
        } catch {
            value = nil
            problem = "not a JSON object"
            title = nil
        }
    }
}

/// Why one element was left out; thrown by the element decoders, caught by `Element`.
struct ElementProblem: Error {
    let reason: String
    let title: String?
}

/// A component reference inside an incident: `components[]` (`id` + `name`) or an update's
/// `affected_components[]` (`code` + `name`, `code` missing in the legacy shape).
struct ComponentRef: Decodable {
    let component: StatusComponent?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let code = c.text("code") ?? c.text("id")
        guard let name = c.text("name") ?? code else {
            component = nil
            return
        }
        component = StatusComponent(code: code, name: name.trimmed)
    }
}
