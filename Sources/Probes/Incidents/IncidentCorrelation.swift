public import VarselModel

/// Which open probe incidents a newly stored notice is linked to (pure).
///
/// A notice about an API that arrives while that API has an open incident is linked to it, so
/// the incident's history shows what Skatteetaten said while it lasted. Every kind links,
/// `.resolved` included: linking is the only thing a notice does to a probe incident. A
/// "resolved" notice never closes one; only `successThreshold` probe successes do
/// (`IncidentTracker`), because an API whose owner says it is fixed may still be failing.
public enum IncidentCorrelation {
    /// The ids of the incidents in `openIncidents` whose API is one of `noticeAPIs`, ascending,
    /// without duplicates. Both environments of an API are linked (notices rarely say which).
    /// A notice naming no API (`noticeAPIs` empty) links nothing; a caller that wants a notice
    /// about "all of Skatteetaten's services" linked passes the APIs it means.
    ///
    /// `noticeKind` does not change the answer (see above); it is taken so that callers state
    /// what they are linking and so a future rule has a place to live.
    public static func links(noticeAPIs: [String], noticeKind: NoticeKind, openIncidents: [(id: Int64, api: String)])
        -> [Int64]
    {
        let apis = Set(noticeAPIs)
        return Set(openIncidents.lazy.filter { apis.contains($0.api) }.map(\.id)).sorted()
    }
}
