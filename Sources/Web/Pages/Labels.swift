import NoticeStore
import VarselModel

/// The words the pages use for the model's values (Norwegian bokmål, as KS support speaks).
/// The raw values stay in the API, the CSV and the filter fields' `value`s.
enum Labels {
    static func kind(_ kind: NoticeKind) -> String {
        switch kind {
        case .incident: "Driftsproblemer"
        case .resolved: "Normal drift"
        case .maintenance: "Planlagt vedlikehold"
        case .change: "Endring"
        case .news: "Nyhet"
        case .cancelled: "Avlyst"
        }
    }

    static func status(_ status: NoticeStatus) -> String {
        switch status {
        case .active: "Aktiv"
        case .withdrawn: "Trukket tilbake"
        case .expired: "Utløpt"
        }
    }

    static func environment(_ environment: NoticeEnvironment) -> String {
        switch environment {
        case .production: "Produksjon"
        case .test: "Test"
        case .both: "Produksjon og test"
        }
    }

    static func probeEnvironment(_ environment: ProbeEnvironment) -> String {
        switch environment {
        case .production: "Produksjon"
        case .test: "Test"
        }
    }

    static func delivery(_ status: DeliveryStatus) -> String {
        switch status {
        case .pending: "Venter"
        case .failed: "Feilet, prøver igjen"
        case .sent: "Sendt"
        case .dead: "Gitt opp"
        }
    }

    static func channel(_ channel: DeliveryChannel) -> String {
        switch channel {
        case .email: "E-post"
        case .webhook: "Webhook"
        }
    }

    static func change(_ change: ChangeType) -> String {
        switch change {
        case .baseline: "Første lesing"
        case .new: "Ny"
        case .changed: "Endret"
        case .withdrawn: "Trukket tilbake"
        case .expired: "Utløpt"
        case .reappeared: "Tilbake"
        }
    }

    static func cause(_ cause: ProbeCause) -> String {
        switch cause {
        case .timeout: "Tidsavbrudd"
        case .serverError: "Serverfeil (5xx)"
        case .unexpectedStatus: "Uventet statuskode"
        case .tls: "TLS-feil"
        case .dns: "DNS-feil"
        case .connectionRefused: "Tilkobling avvist"
        case .connection: "Tilkoblingsfeil"
        }
    }

    static func operatorAction(_ action: OperatorActionRecord.Action) -> String {
        switch action {
        case .sendAgain: "sendte igjen"
        case .addSilence: "la til stilletid"
        case .expireSilence: "avsluttet stilletid"
        }
    }

    static func subscriberKind(_ kind: SubscriberKind) -> String {
        switch kind {
        case .municipality: "Kommune"
        case .vendor: "Leverandør"
        case .ks: "KS"
        }
    }

    /// `<select>` options for a filter: every case with its label, the chosen one marked.
    static func options<T: RawRepresentable>(_ cases: [T], selected: T?, label: (T) -> String) -> [[String: Any]]
    where T.RawValue == String {
        cases.map { ["value": $0.rawValue, "label": label($0), "selected": $0.rawValue == selected?.rawValue] }
    }

    /// `NoticeStatus` is not `CaseIterable`; these are its cases, for filters.
    static let noticeStatuses: [NoticeStatus] = [.active, .withdrawn, .expired]
}
