import Foundation
import History
import NoticeStore
import VarselModel

/// Reads the filters of the lists (pages, JSON API and CSV export share them, so a filtered page,
/// its API call and its export answer the same question) and refuses what it cannot use,
/// naming the parameter.
enum ListFilters {
    /// `api`, `kind`, `environment`, `status`, `feed`, `from`, `to`, `q`, `before`, `limit`.
    static func notices(_ q: QueryValues, now: Date) throws(ParameterError) -> NoticeQuery {
        NoticeQuery(
            api: q["api"], kind: try choice(q, "kind", NoticeKind.allCases), environment: try choice(q, "environment", NoticeEnvironment.allCases),
            status: try choice(q, "status", Labels.noticeStatuses), feed: q["feed"].map { FeedID($0) },
            from: try date(q, "from", now: now), to: try date(q, "to", now: now, endOfDay: true), text: q["q"],
            before: try cursor(q), limit: try limit(q))
    }

    /// `notice`, `status`, `subscriber`, `channel`, `from`, `to`, `before`, `limit`.
    static func deliveries(_ q: QueryValues, now: Date) throws(ParameterError) -> DeliveryQuery {
        DeliveryQuery(
            notice: q["notice"], status: try choice(q, "status", DeliveryStatus.allCases),
            subscriber: q["subscriber"].map { SubscriberID($0) }, channel: try choice(q, "channel", DeliveryChannel.allCases),
            from: try date(q, "from", now: now), to: try date(q, "to", now: now, endOfDay: true), before: try cursor(q),
            limit: try limit(q))
    }

    /// `open` (true/false), `api`, `from`, `to`, `before`, `limit`.
    static func incidents(_ q: QueryValues, now: Date) throws(ParameterError) -> IncidentQuery {
        IncidentQuery(
            openOnly: try flag(q, "open"), api: q["api"], from: try date(q, "from", now: now),
            to: try date(q, "to", now: now, endOfDay: true), before: try cursor(q), limit: try limit(q))
    }

    /// `limit`: a whole number from 1 to `PageSize.maximum`; absent gives the default.
    static func limit(_ q: QueryValues) throws(ParameterError) -> Int? {
        guard let text = q["limit"] else { return nil }
        guard let value = Int(text), (1...PageSize.maximum).contains(value) else {
            throw ParameterError("limit", "must be a whole number from 1 to \(PageSize.maximum), got \"\(text)\"")
        }
        return value
    }

    /// `before`: a `next` cursor from an earlier page. Cursors are opaque, but every one the
    /// reader hands out is short and made of letters, digits and `:_.=-`; anything else did
    /// not come from us.
    static func cursor(_ q: QueryValues) throws(ParameterError) -> String? {
        guard let text = q["before"] else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_.=-")
        guard text.count <= 200, text.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ParameterError("before", "is not a cursor this server returned as \"next\"")
        }
        return text
    }

    /// One of `cases`, by its raw value.
    static func choice<T: RawRepresentable>(_ q: QueryValues, _ name: String, _ cases: [T]) throws(ParameterError) -> T?
    where T.RawValue == String {
        guard let text = q[name] else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = cases.map(\.rawValue).joined(separator: ", ")
            throw ParameterError(name, "must be one of \(allowed), got \"\(text)\"")
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`, `on` as a checkbox sends it); absent is false.
    static func flag(_ q: QueryValues, _ name: String) throws(ParameterError) -> Bool {
        guard let text = q[name] else { return false }
        switch text.lowercased() {
        case "true", "1", "on", "yes": return true
        case "false", "0", "off", "no": return false
        default: throw ParameterError(name, "must be true or false, got \"\(text)\"")
        }
    }

    /// A date (`2024-01-22`, midnight in Europe/Oslo), an RFC 3339 timestamp, or an age counted
    /// back from now (`7d`, `24h`). With `endOfDay`, a bare date means the end of that day, so
    /// `from=2024-01-22&to=2024-01-22` is the whole day, as a person means it.
    static func date(_ q: QueryValues, _ name: String, now: Date, endOfDay: Bool = false) throws(ParameterError) -> Date? {
        guard let text = q[name] else { return nil }
        guard let date = DateArgument.parse(text, now: now) else {
            throw ParameterError(name, "must be a date (2024-01-22), an RFC 3339 time or an age (7d, 24h), got \"\(text)\"")
        }
        if endOfDay, isBareDate(text) { return Calendar.oslo.date(byAdding: .day, value: 1, to: date) ?? date }
        return date
    }

    static func isBareDate(_ text: String) -> Bool {
        text.count == 10 && text.split(separator: "-").count == 3 && !text.contains(":")
    }
}

extension Calendar {
    /// The Gregorian calendar in Europe/Oslo: where a day begins for the people reading the pages.
    static var oslo: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OutputDate.zone
        return calendar
    }
}
