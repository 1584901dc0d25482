import Hummingbird
import Prometheus

/// Counts every request and times it, into the daemon's registry:
/// `varselvakt_http_requests_total{method,route,status}` and
/// `varselvakt_http_request_duration_seconds{method,route}`. `route` is the registered path
/// pattern (`/notices/{id}`), never the raw path, so ids and scans do not explode the series.
struct HTTPMetricsMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let registry: PrometheusCollectorRegistry

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "varselvakt", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered by the web server, by method, route pattern and status.")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "varselvakt", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to produce an HTTP response, by method and route pattern.")
    }
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
        record(request, context, status: response.status.code, since: start)
        return response
    }

    private func record(_ request: Request, _ context: WebContext, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "NotFound"
        let method = request.method.rawValue
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration, labels: [("method", method), ("route", route)], buckets: Self.buckets
        ).record(ContinuousClock.now - start)
    }
}
