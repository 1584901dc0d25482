import Curl
import Probes
import Testing
import VarselModel

@Suite("ProbeVerdict rules")
struct ProbeVerdictTests {
    let settings = ProbeSettings()
    let url = "https://inntekt.api.skatteetaten.no/v1/"

    @Test func expectedStatusesAreUpAndOthersDown() {
        for status in [200, 204, 301, 399, 401, 403, 404] {
            #expect(ProbeVerdict.classify(status: status, settings: settings).up, "HTTP \(status)")
        }
        for status in [500, 502, 503, 504, 599] {
            #expect(ProbeVerdict.classify(status: status, settings: settings).cause == .serverError, "HTTP \(status)")
        }
        for status in [100, 400, 405, 410, 429, 600] {
            #expect(ProbeVerdict.classify(status: status, settings: settings).cause == .unexpectedStatus, "HTTP \(status)")
        }
    }

    @Test func configuredExpectationsWinOverTheDefaults() {
        var strict = settings
        strict.expectedStatuses = [200, 503]
        #expect(ProbeVerdict.classify(status: 503, settings: strict).up)  // a maintenance page someone accepts
        let outcome = ProbeVerdict.classify(status: 401, settings: strict)
        #expect(outcome == .init(up: false, status: 401, cause: .unexpectedStatus, detail: "HTTP 401, expected 200, 503"))
    }

    @Test func curlErrorsMapToTheirCauses() {
        #expect(ProbeVerdict.cause(of: .timeout(url: url, code: 28, message: "x"), osErrno: 0) == .timeout)
        #expect(ProbeVerdict.cause(of: .couldNotResolve(url: url, code: 6, message: "x"), osErrno: 0) == .dns)
        #expect(ProbeVerdict.cause(of: .couldNotConnect(url: url, code: 7, message: "x"), osErrno: 111) == .connectionRefused)
        #expect(ProbeVerdict.cause(of: .couldNotConnect(url: url, code: 7, message: "x"), osErrno: 113) == .connection)
        #expect(ProbeVerdict.cause(of: .tls(url: url, code: 60, message: "x"), osErrno: 0) == .tls)
        #expect(ProbeVerdict.cause(of: .tls(url: url, code: 35, message: "x"), osErrno: 0) == .tls)
        #expect(ProbeVerdict.cause(of: .transfer(url: url, code: 56, message: "reset"), osErrno: 104) == .connection)
        #expect(ProbeVerdict.cause(of: .transfer(url: url, code: 52, message: "empty"), osErrno: 0) == .connection)
    }

    /// DNS is checked here rather than against a real name: resolving even a `.invalid` name goes
    /// to the configured resolver, and the tests keep all traffic on 127.0.0.1.
    @Test func unresolvableHostIsDownWithDNS() {
        let failure = CurlFailure(error: .couldNotResolve(url: url, code: 6, message: "Could not resolve host: nope.invalid"))
        let outcome = ProbeVerdict.classify(.failure(failure), settings: settings)
        #expect(outcome == .init(up: false, status: nil, cause: .dns, detail: "DNS: Could not resolve host: nope.invalid"))
    }

    @Test func timeoutDetailNamesThePhaseItHit() {
        var short = settings
        short.timeout = .milliseconds(1500)
        func detail(_ timings: CurlTimings, _ target: String = "https://x.example/") -> String {
            let failure = CurlFailure(error: .timeout(url: target, code: 28, message: "m"), timings: timings)
            return ProbeVerdict.classify(failure: failure, settings: short).detail
        }
        #expect(detail(CurlTimings()) == "timeout after 1.5s connecting: m")
        #expect(detail(CurlTimings(nameLookup: 0.1, connect: 0.2)) == "timeout after 1.5s in the TLS handshake: m")
        #expect(
            detail(CurlTimings(nameLookup: 0.1, connect: 0.2), "http://x.example/")
                == "timeout after 1.5s waiting for the response: m")
        #expect(
            detail(CurlTimings(nameLookup: 0.1, connect: 0.2, appConnect: 0.3))
                == "timeout after 1.5s waiting for the response: m")
        #expect(
            detail(CurlTimings(nameLookup: 0.1, connect: 0.2, appConnect: 0.3, startTransfer: 0.4))
                == "timeout after 1.5s reading the response: m")
    }

    @Test func detailIsOneSanitizedLineOfBoundedLength() {
        let hostile = "SSL alert:\r\nX-Injected: 1\u{1B}[31m red \u{202E}gnp.exe\ttab" + String(repeating: "a", count: 500)
        let failure = CurlFailure(error: .tls(url: url, code: 35, message: hostile))
        let detail = ProbeVerdict.classify(failure: failure, settings: settings).detail
        #expect(!detail.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{202E}" })
        #expect(detail.hasPrefix("TLS: SSL alert: X-Injected: 1 [31m red gnp.exe tab"))
        #expect(detail.count == ProbeVerdict.detailLimit)
        #expect(detail.hasSuffix("…"))
    }

    @Test func sanitizeCollapsesWhitespaceAndKeepsNorwegianLetters() {
        #expect(ProbeVerdict.sanitize("  Tjenesten   er\n\nnede – prøv igjen  ") == "Tjenesten er nede – prøv igjen")
        #expect(ProbeVerdict.sanitize("") == "")
    }
}
