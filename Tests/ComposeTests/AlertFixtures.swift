import Compose
import Foundation
import TestSupport
import VarselModel

/// Alert contexts built from real notices: titles and texts copied from the fixture feeds in
/// ../shared/fixtures/feeds (skatteetaten-atom-2024-01-22.xml, folkeregisteret-rss-2018-10-18-*.xml),
/// as FeedParse would give them (CDATA unwrapped, text as plain text).
enum AlertFixtures {
    static let templates = Fixtures.root.appendingPathComponent("templates").path

    static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    // skatteetaten-atom-2024-01-22.xml: the maintenance notice (endret-driftsvarsel).
    static let maintenanceEntry = FeedEntry(
        id: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/11/14/endret-driftsvarsel",
        title: "Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 22.00",
        link: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/11/14/endret-driftsvarsel",
        published: nil, updated: date("2023-11-14T14:00:00Z"), categories: ["Drift"],
        summaryText:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.22.00, må det påregnes noe nedetid og ustabilitet på våre delingstjenester.",
        contentText:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.22.00, må det påregnes noe nedetid og ustabilitet på våre delingstjenester.",
        contentHTML:
            "<p>Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.22.00, må det påregnes noe nedetid og ustabilitet på våre delingstjenester.</p>"
    )

    // skatteetaten-atom-2024-01-22.xml: "Årsrevisjon – Flere endringer i Inntekt API fra 2024" (æøå, en dash).
    static let inntektEntry = FeedEntry(
        id: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2024/01/17/oppdatering-aarsrevisjon-inntekt",
        title: "Årsrevisjon – Flere endringer i Inntekt API fra 2024",
        link: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2024/01/17/oppdatering-aarsrevisjon-inntekt",
        published: nil, updated: date("2024-01-17T08:40:00Z"), categories: ["nyhet", "inntekt"],
        summaryText: "Vi har tidligere varslet om endringer i Inntekt API fra 2024, og det har nå kommet noen flere endringer:",
        contentText: "Vi har om endringer i Inntekt API fra 2024, og det har nå kommet noen flere endringer:\nNy YtelseFraOffentligeBeskrivelse Har inngått i SBL OTP\npleiepengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre X X\ner oppdatert.",
        contentHTML:
            "<p>Vi har om endringer i Inntekt API fra 2024, og det har nå kommet noen flere endringer:</p><table><thead><tr><th>Ny YtelseFraOffentligeBeskrivelse</th><th>Har inngått i</th><th>SBL</th><th>OTP</th></tr></thead><tbody><tr><td>pleiepengerTilFiskerSomBareHarHyre</td><td>sykepengerTilFiskerSomBareHarHyre</td><td>X</td><td>X</td></tr></tbody></table><p> er oppdatert.</p>"
    )

    // skatteetaten-atom-2024-01-22.xml: the cancellation; its id has a space in it.
    static let cancellationEntry = FeedEntry(
        id: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/06/15/ varslet vedlikehold ferdig",
        title: "Utgår - Varsel om vedlikehold torsdag 15. juni 2023",
        link: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2023/06/15/ varslet vedlikehold ferdig",
        updated: date("2023-06-15T00:00:00Z"), categories: ["Drift", "Skattemelding", "Skatteoppgjør"],
        summaryText: "Tidligere varslet vedlikehold er allerede er utført, og  det ikke blir noe nedetid i kveld torsdag 15.juni 2023.",
        contentText:
            "Tidligere varslet vedlikehold er allerede er utført, og  det ikke blir noe nedetid i kveld torsdag 15.juni 2023.\nDette gjelder for konsumenter som benytter Skattemelding-api eller som gjør oppslag på utkast- eller fastsatt-stadiet i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api.",
        contentHTML:
            "<p>Tidligere varslet vedlikehold er allerede er utført, og  det ikke blir noe nedetid i kveld torsdag 15.juni 2023.\nDette gjelder for konsumenter som benytter Skattemelding-api eller som gjør oppslag på utkast- eller fastsatt-stadiet i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api.</p>"
    )

    // folkeregisteret-rss-2018-10-18-1232.xml and -1318.xml: the same guid, resolved by editing.
    static let rettighetspakkeID =
        "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/driftsstatus/2018-10-18-Manglende_oppdatering_rettighetspakke"
    static let rettighetspakkeBefore = FeedEntry(
        id: rettighetspakkeID, title: "Manglende oppdatering av rettighetspakke", link: rettighetspakkeID,
        contentText:
            "I forbindelse med migrering som var er det dessverre oppdaget en del feil ved distribusjon til rettighetspakken.\nFeilen medfører at man ikke får oppdatert rettighetspakken og nye data er da ikke kommet over. Vi jobber med feilrettingen og kommer tilbake med status når den er løst."
    )
    static let rettighetspakkeAfter = FeedEntry(
        id: rettighetspakkeID, title: "Manglende oppdatering av rettighetspakke - LØST", link: rettighetspakkeID,
        contentText:
            "STATUS: LØST\nI forbindelse med migrering som var er det dessverre oppdaget en del feil ved distribusjon til rettighetspakken.\nFeilen medfører at man ikke får oppdatert rettighetspakken og nye data er da ikke kommet over. Vi jobber med feilrettingen og kommer tilbake med status når den er løst."
    )

    static func fingerprint(_ tag: String) -> Fingerprint { Fingerprint(text: tag, body: tag, version: tag) }

    /// One delivery of one change to "Oslo kommune" (or `subscriberName`).
    static func context(
        entry: FeedEntry, previous: FeedEntry? = nil, change: ChangeType = .new, kind: NoticeKind = .news,
        apis: [String] = [], scope: NoticeScope? = nil, window: MaintenanceWindow? = nil, unparsedWindow: String? = nil,
        cancelledTitle: String? = nil, isFollowUp: Bool = false, subscriberName: String = "Oslo kommune",
        recipients: [String] = ["postmottak@oslo.kommune.no", "it-drift@oslo.kommune.no"], reason: String = "api:inntekt",
        changeID: Int64 = 42, feed: String = "skatteetaten-api"
    ) -> AlertContext {
        let noticeID = NoticeID(entry.id)
        let scope = scope ?? (apis.isEmpty ? .unknown : .apis)
        let seenAt = date("2023-11-14T14:05:00Z")
        let version: NoticeVersion? =
            change == .withdrawn ? nil : NoticeVersion(seq: previous == nil ? 1 : 2, seenAt: seenAt, entry: entry, fingerprint: fingerprint("v2"))
        let previousVersion = previous.map { NoticeVersion(seq: 1, seenAt: date("2023-11-14T13:05:00Z"), entry: $0, fingerprint: fingerprint("v1")) }
        let classification = Classification(
            kind: kind, apis: apis, scope: scope, maintenanceWindow: window, unparsedWindow: unparsedWindow,
            cancels: kind == .cancelled ? cancelledTitle : nil)
        let notice = NoticeRecord(
            id: noticeID, feedID: FeedID(feed), entry: entry, aliases: [], classification: classification,
            status: change == .withdrawn ? .withdrawn : .active, firstSeenAt: seenAt, lastChangedAt: seenAt,
            versionCount: previous == nil ? 1 : 2)
        let changeRecord = ChangeRecord(
            id: changeID, noticeID: noticeID, feedID: FeedID(feed), change: change, at: seenAt, title: entry.title,
            kind: kind, apis: apis, scope: scope, versionSeq: version?.seq, previousVersionSeq: previousVersion?.seq)
        let planned = PlannedDelivery(
            changeID: changeID, noticeID: noticeID, subscriberID: SubscriberID("974760673"), subscriberName: subscriberName,
            subscriberKind: .municipality, channel: .email, recipients: recipients, reason: reason,
            idempotencyKey: "3f1c0e9a6b2d4c8e9f0a1b2c3d4e5f60\(changeID)")
        let delivery = DeliveryRecord(
            id: 7000 + changeID, planned: planned, status: .pending, attempts: 0, createdAt: seenAt, nextAttemptAt: seenAt,
            lastAttemptAt: nil, sentAt: nil, lastError: nil)
        return AlertContext(
            delivery: delivery, change: changeRecord, notice: notice, version: version, previousVersion: previousVersion,
            cancelledTitle: cancelledTitle, isFollowUp: isFollowUp)
    }

    /// The maintenance notice with its window as Classify reads it: 16 November 2023, 18.00–22.00 Oslo
    /// (CET, UTC+1), i.e. 17:00–21:00 UTC.
    static func maintenance(window: MaintenanceWindow? = MaintenanceWindow(
        start: date("2023-11-16T17:00:00Z"), end: date("2023-11-16T21:00:00Z"))) -> AlertContext {
        context(entry: maintenanceEntry, kind: .maintenance, scope: .all, window: window,
                unparsedWindow: window == nil ? "torsdag 16.november" : nil, reason: "all")
    }

    static let settings = EmailSettings(from: "varselvakt@ks.no", fromName: "KS varselvakt", messageIDDomain: "varselvakt.ks.no")
    static let sendDate = date("2023-11-14T14:06:00Z")
}
