import Probes
import Testing
import VarselModel

/// Linking notices to open probe incidents.
@Suite struct IncidentCorrelationTests {
    static let open: [(id: Int64, api: String)] = [
        (id: 11, api: "folkeregisteret"), (id: 12, api: "summertskattegrunnlag"), (id: 13, api: "folkeregisteret"),
        (id: 14, api: "inntekt"),
    ]

    @Test(arguments: NoticeKind.allCases)
    func noticeOfAnyKindAboutAnAPILinksToItsOpenIncidentsOnly(kind: NoticeKind) {
        // 11 and 13: the production and test incidents of the same API.
        #expect(
            IncidentCorrelation.links(noticeAPIs: ["folkeregisteret"], noticeKind: kind, openIncidents: Self.open)
                == [11, 13])
    }

    @Test func noticeNamingSeveralAPIsLinksEachOnceInAscendingOrder() {
        let links = IncidentCorrelation.links(
            noticeAPIs: ["inntekt", "summertskattegrunnlag", "inntekt"], noticeKind: .incident,
            openIncidents: Self.open.reversed())
        #expect(links == [12, 14])
    }

    @Test func noticeAboutAnAPIWithoutAnOpenIncidentLinksNothing() {
        #expect(
            IncidentCorrelation.links(noticeAPIs: ["skattemelding"], noticeKind: .incident, openIncidents: Self.open)
                .isEmpty)
        #expect(IncidentCorrelation.links(noticeAPIs: [], noticeKind: .incident, openIncidents: Self.open).isEmpty)
        #expect(
            IncidentCorrelation.links(noticeAPIs: ["folkeregisteret"], noticeKind: .resolved, openIncidents: []).isEmpty)
    }

    @Test func resolvedNoticeLinksButTheIncidentStaysOpenWhileProbesFail() {
        var timeline = IncidentTimeline()
        timeline.probe(0...2, up: false)
        let open: [(id: Int64, api: String)] = timeline.state.open == nil ? [] : [(id: 1, api: "folkeregisteret")]
        #expect(IncidentCorrelation.links(noticeAPIs: ["folkeregisteret"], noticeKind: .resolved, openIncidents: open) == [1])
        // The tracker takes no notices: the next failures keep the incident open.
        timeline.probe(3...20, up: false)
        #expect(timeline.state.open != nil)
        #expect(timeline.log.map(\.minute) == [2])
    }
}
