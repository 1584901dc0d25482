public import Logging
public import ServiceLifecycle

/// Runs the web server in the daemon's group, but does not let it take the daemon down: if it
/// cannot listen (the port is taken) or fails later, the error is logged and the daemon goes
/// on polling and alerting, which matter more than the window onto them. It then waits for the
/// group's shutdown like any other service. (Refusing an unprotected address is different: that
/// is decided before anything starts, see `Runtime.webService`.)
public struct WebServerService: Service {
    let server: any Service
    let address: String
    let logger: Logger

    public init(server: any Service, address: String, logger: Logger) {
        self.server = server
        self.address = address
        self.logger = logger
    }

    public func run() async throws {
        do {
            logger.info("web: starting on http://\(address)")
            try await server.run()
        } catch is CancellationError {
            return
        } catch {
            logger.error("web: the web server on \(address) stopped; polling and alerts go on without it: \(error)")
            try? await gracefulShutdown()
        }
    }
}
