import VarselModel

/// The order in which the lexicon's word lists (config/lexicon.toml, `kind.*`) decide a notice's
/// kind. The words are data; this order is the rule, stated once here.
///
/// First hit wins. The title weighs most, then summary + content, then the title's generic label:
///  1. title begins with `cancelled_leading` ("Utgår") or has `cancelled` ("avlyst") → `.cancelled`
///  2. title has `postponed` ("utsatt", "flyttes") → `.cancelled` when the text says there is no
///     new date yet (`postponed_undated`: "kommer tilbake med ny dato"), else `.maintenance` when a
///     window ahead of publication was read (the new date), else `.cancelled`; a title naming
///     maintenance whose text says it is postponed without a new date is `.cancelled` too
///  3. title says it is over (`resolved_title`) → `.resolved`
///  4. title `planned` → `.maintenance`
///  5. title `news` ("Dialogmøte", "Brukerforum") → `.news`
///  6. the text says the problem is already over (`resolved_body`, or a shouted "LØST" in it) and
///     does not say it is still going on (`unresolved_body`), while the title names a problem,
///     a downtime, or only a label → `.resolved`: a report written after the fix ("Driftsproblemer
///     14.08 ... Feilen er nå løst") is not an alarm
///  7. title `downtime` ("nedetid", "utilgjengelig", "ustabil") announced for later → `.maintenance`:
///     a window that starts after publication, or words that say it is coming (`upcoming`:
///     "starter om kort tid", "vil være utilgjengelig"), unless the words say it is going on now
///     (`ongoing`: "det oppleves", "er i gang"); otherwise the title decides at step 8 or 10
///  8. title names a problem (`incident`) → `.incident`
///  9. title `maintenance` → `.maintenance`
/// 10. title `downtime` → `.incident` (downtime happening now)
/// 11. title `change` → `.change`
/// 12. summary + content: problem → `.incident`; planned or maintenance → `.maintenance`; downtime
///     with a window ahead → `.maintenance`; skipped when the feed tagged the entry "Nyhet" and not
///     "Drift", because news texts say "Skatteetaten er i gang med å tilrettelegge"
/// 13. title is only a label ("Driftsvarsel 13.11.2023", "Driftsmelding - ...") → `.incident`
/// 14. summary + content change words → `.change`
/// 15. otherwise `.news`
struct KindRules: Sendable {
    /// What the rules know about one notice's words.
    struct Evidence {
        var title: PhraseHits
        var body: PhraseHits
        var categories: Set<String>
        /// The summary or content has the word "LØST" in capitals: how Skatteetaten marks an
        /// incident notice as resolved when it edits it ("... LØST", "SAKEN ER LØST!").
        var bodyShoutsResolved: Bool
    }

    /// Decides the kind. `windowAhead` says whether a window was read that STARTS after the
    /// notice's publication (or no publication date is known): announced ahead, not happening
    /// now. A date alone ("Ustabilitet 29.08.2022" published that day) starts at midnight, so it is
    /// not ahead. Asked only when the words call for it, because reading dates is the expensive part.
    static func kind(_ evidence: Evidence, windowAhead: () -> Bool) -> NoticeKind {
        decide(evidence, windowAhead: windowAhead).kind
    }

    /// The kind and the rule that decided it, in words (`notice ID --explain`).
    static func decide(_ evidence: Evidence, windowAhead: () -> Bool) -> (kind: NoticeKind, rule: String) {
        let title = evidence.title
        let body = evidence.body
        if title.starts(with: .cancelledLeading) || title.contains(.cancelled) {
            return (.cancelled, "1: the title cancels (kind.cancelled_leading, kind.cancelled)")
        }
        if title.contains(.postponed) {
            if body.contains(.postponedUndated) {
                return (.cancelled, "2: the title postpones and the text sets no new date (kind.postponed_undated)")
            }
            return windowAhead()
                ? (.maintenance, "2: the title postpones to a window ahead (kind.postponed)")
                : (.cancelled, "2: the title postpones and no window ahead was read (kind.postponed)")
        }
        if title.contains(.maintenance) && body.contains(.postponed) && body.contains(.postponedUndated) {
            return (.cancelled, "2: maintenance the text postpones without a new date (kind.postponed, kind.postponed_undated)")
        }
        if title.contains(.resolvedTitle) { return (.resolved, "3: the title says it is over (kind.resolved_title)") }
        if title.contains(.planned) { return (.maintenance, "4: the title says planned (kind.planned)") }
        if title.contains(.news) { return (.news, "5: the title is news or an invitation (kind.news)") }

        let reportsProblem = title.contains(.incident) || title.contains(.downtime) || title.contains(.label)
        let saysOver = (body.contains(.resolvedBody) || evidence.bodyShoutsResolved) && !body.contains(.unresolvedBody)
        if reportsProblem && saysOver {
            return (.resolved, "6: the text says the problem is already over (kind.resolved_body or a shouted LØST)")
        }

        let ongoing = title.contains(.ongoing) || body.contains(.ongoing)
        let upcoming = title.contains(.upcoming) || body.contains(.upcoming)
        if title.contains(.downtime) && !ongoing && (upcoming || windowAhead()) {
            return (.maintenance, "7: downtime in the title, announced for later (kind.upcoming or a window ahead)")
        }
        if title.contains(.incident) { return (.incident, "8: the title names a problem (kind.incident)") }
        if title.contains(.maintenance) { return (.maintenance, "9: the title names maintenance (kind.maintenance)") }
        if title.contains(.downtime) { return (.incident, "10: downtime in the title, happening now (kind.downtime)") }
        if title.contains(.change) { return (.change, "11: the title names a change (kind.change)") }

        let newsOnly = evidence.categories.contains("nyhet") && !evidence.categories.contains("drift")
        if !newsOnly {
            if body.contains(.incidentBody) { return (.incident, "12: the text names a problem (kind.incident_body)") }
            if body.contains(.planned) || body.contains(.maintenance) {
                return (.maintenance, "12: the text names planned work or maintenance (kind.planned, kind.maintenance)")
            }
            if body.contains(.downtime) && !ongoing && windowAhead() {
                return (.maintenance, "12: the text names downtime with a window ahead (kind.downtime)")
            }
        }
        if title.contains(.label) { return (.incident, "13: the title is only a label (kind.label)") }
        if body.contains(.change) { return (.change, "14: the text names a change (kind.change)") }
        return (.news, "15: no rule matched")
    }
}
