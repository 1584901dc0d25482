public import Foundation

/// A failed transfer together with what libcurl still knew about it: the socket error, how far the
/// phases got, the certificate if the handshake completed. ``CurlClient/attempt(_:)`` returns it;
/// ``CurlClient/perform(_:)`` throws only its ``error``.
///
/// Why a separate value and not more ``CurlError`` cases: `CurlError` is switched over exhaustively
/// by feed fetching and delivery; probes need more detail (a refused connection against a
/// filtered port, the phase a timeout hit), and that detail stays here.
public struct CurlFailure: Error, Sendable, CustomStringConvertible {
    public var error: CurlError
    /// `errno` of the last failed socket operation (`CURLINFO_OS_ERRNO`); 0 when none or unknown.
    /// libcurl 7.88 reports a refused connection only as "Couldn't connect to server", so this is
    /// the one reliable way to tell "nothing listens" (ECONNREFUSED) from other connect failures.
    public var osErrno: Int
    /// How far the transfer got before failing (phases not reached read 0).
    public var timings: CurlTimings
    /// The leaf certificate's notAfter when ``CurlRequest/captureCertificate`` was set and the
    /// handshake completed before the failure.
    public var certificateExpiresAt: Date?

    public init(error: CurlError, osErrno: Int = 0, timings: CurlTimings = CurlTimings(), certificateExpiresAt: Date? = nil) {
        self.error = error
        self.osErrno = osErrno
        self.timings = timings
        self.certificateExpiresAt = certificateExpiresAt
    }

    /// The TCP connection was actively refused: the host is there, nothing listens on the port.
    public var isConnectionRefused: Bool { osErrno == Int(ECONNREFUSED) }

    public var description: String {
        osErrno == 0 ? error.description : "\(error.description) [errno \(osErrno)]"
    }
}
