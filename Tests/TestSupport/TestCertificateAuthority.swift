public import Foundation

/// A throwaway certificate authority in a temporary directory, made with the openssl CLI, for
/// TLS tests that need a certificate the client trusts (pass ``caFile`` as the CA bundle) with a
/// chosen validity: already expired, expiring in three days, ...
///
/// `openssl ca` is used because it is the one OpenSSL 3.0 command that sets both notBefore and
/// notAfter to arbitrary instants (`x509 -req` only counts days from now).
public final class TestCertificateAuthority: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let openssl = "/usr/bin/openssl"
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    public let directory: URL
    /// The CA certificate (PEM): the only certificate a client needs to trust.
    public let caFile: String

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("testca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        caFile = directory.appendingPathComponent("ca.pem").path
        try Data().write(to: directory.appendingPathComponent("index.txt"))
        try Data("01\n".utf8).write(to: directory.appendingPathComponent("serial"))
        try Data(Self.config.utf8).write(to: directory.appendingPathComponent("ca.cnf"))
        try run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "30",
            "-subj", "/CN=varselvakt test CA", "-keyout", path("ca.key"), "-out", caFile,
        ])
    }

    /// Issues a server certificate for 127.0.0.1 valid from `notBefore` to `notAfter` (whole
    /// seconds, UTC) and returns its certificate and key files for ``LocalHTTPServer/init(tls:)``.
    public func issue(name: String, notBefore: Date, notAfter: Date) throws -> (certificate: String, key: String) {
        let key = path("\(name).key")
        let request = path("\(name).csr")
        let certificate = path("\(name).pem")
        try run([
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", key, "-out", request,
        ])
        try run([
            "ca", "-batch", "-config", path("ca.cnf"), "-notext", "-startdate", Self.stamp(notBefore),
            "-enddate", Self.stamp(notAfter), "-in", request, "-out", certificate,
        ])
        return (certificate, key)
    }

    /// Deletes the directory.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// `YYYYMMDDHHMMSSZ`, the GeneralizedTime `openssl ca` takes.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try launch(process)
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? ""): \(String(decoding: message, as: UTF8.self))")
        }
    }

    private static let config = """
        [ca]
        default_ca = test
        [test]
        database = index.txt
        serial = serial
        new_certs_dir = .
        certificate = ca.pem
        private_key = ca.key
        default_md = sha256
        policy = any
        x509_extensions = leaf
        unique_subject = no
        [any]
        commonName = supplied
        [leaf]
        basicConstraints = critical,CA:FALSE
        subjectAltName = IP:127.0.0.1
        extendedKeyUsage = serverAuth

        """
}
