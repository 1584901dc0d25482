import Foundation
import NoticeStore
import Prometheus
import VarselModel

/// The metrics read from the store when /metrics is scraped (so they are as fresh as the
/// scrape and cost nothing between scrapes):
/// * `varselvakt_outbox_deliveries{status}`: deliveries waiting (pending, failed) or given up
///   (dead), 0 for an empty status; sent ones are counted by `varselvakt_deliveries_total`;
/// * `varselvakt_outbox_oldest_undelivered_age_seconds`: how long the oldest pending or failed
///   delivery has waited (0 when none waits): the alert for a stuck outbox;
/// * `varselvakt_source_last_success_timestamp_seconds{source}`: each feed's last successful
///   poll as unix time (absent until its first success).
struct ScrapeMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let store: NoticeStore

    static var outbox: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "varselvakt", subsystem: "outbox", metricName: "deliveries", unitName: "",
            helpText: "Deliveries waiting (pending, failed) or given up (dead) in the outbox, by status.")
    }
    static var oldest: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "varselvakt", subsystem: "outbox", metricName: "oldest_undelivered_age", unitName: "seconds",
            helpText: "Age of the oldest delivery still pending or failed (0 when none waits).")
    }
    static var lastSuccess: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "varselvakt", subsystem: "source", metricName: "last_success_timestamp", unitName: "seconds",
            helpText: "Unix time of each source's last successful poll.")
    }

    /// Reads the store and sets the gauges; a store error leaves the last values (and is logged
    /// by the caller), so a scrape still answers.
    func update(now: Date) async throws {
        let counts = try await store.outboxDepth()
        for status in [DeliveryStatus.pending, .failed, .dead] {
            registry.makeGauge(descriptor: Self.outbox, labels: [("status", status.rawValue)]).set(Double(counts[status] ?? 0))
        }
        let oldest = try await store.oldestUndeliveredAt()
        registry.makeGauge(descriptor: Self.oldest).set(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        for feed in try await store.feeds() {
            guard let success = feed.lastSuccessAt else { continue }
            registry.makeGauge(descriptor: Self.lastSuccess, labels: [("source", feed.id.rawValue)])
                .set(success.timeIntervalSince1970)
        }
    }
}
