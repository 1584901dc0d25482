public import Logging
public import ServiceLifecycle
import UnixSignals

/// Re-reads subscribers and templates on SIGHUP (`systemctl reload varselvakt`), without a restart.
public struct ReloadService: Service {
    let alerting: Alerting
    let configFile: String
    let notifier: SystemdNotifier
    let logger: Logger

    public init(alerting: Alerting, configFile: String, notifier: SystemdNotifier, logger: Logger) {
        self.alerting = alerting
        self.configFile = configFile
        self.notifier = notifier
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                _ = notifier.notify(["RELOADING=1"])
                let result = alerting.reload(configFile: configFile)
                _ = notifier.notify(["READY=1", "STATUS=\(result)"])
            }
        }
    }
}
