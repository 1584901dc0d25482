import Foundation
public import Logging
public import Prometheus
public import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the Prometheus registry to a file every `interval` and once more on shutdown, for
/// node_exporter's textfile collector. Each write goes to a temporary file in the same folder
/// and is renamed into place, so the collector never reads half a file.
public struct MetricsFileService: Service {
    let registry: PrometheusCollectorRegistry
    let path: String
    let interval: Duration
    let logger: Logger

    public init(registry: PrometheusCollectorRegistry, path: String, interval: Duration, logger: Logger) {
        self.registry = registry
        self.path = path
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                write()
                try? await Task.sleep(for: interval)
            }
        }
        write()
    }

    /// One atomic write; a failure is logged and retried at the next interval.
    public func write() {
        let temporary = path + ".tmp"
        do {
            try Data(registry.emitToBuffer()).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            logger.warning("cannot write metrics to \(path): \(error)")
        }
    }
}
