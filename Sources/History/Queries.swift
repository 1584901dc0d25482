public import NoticeStore

/// Which notices to list (the notices page, `GET /api/v1/notices`, `varselvakt notices`): the
/// store's own search, so the CLI, the pages and the API ask exactly what the store answers.
/// `HistoryReader` clamps `limit` to `PageSize`.
public typealias NoticeQuery = NoticeSearch

/// Which deliveries to list (the deliveries page, `GET /api/v1/deliveries`, `varselvakt deliveries`).
public typealias DeliveryQuery = DeliverySearch

/// Which probe incidents to list (the incidents page, `GET /api/v1/incidents`, `varselvakt incidents`).
public typealias IncidentQuery = IncidentSearch
