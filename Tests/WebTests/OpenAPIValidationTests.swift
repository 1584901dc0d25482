import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import Web

/// Real responses of every API endpoint, checked against docs/openapi.yaml with Python's
/// `jsonschema` (OpenAPI 3.1 schemas are JSON Schema 2020-12). CI installs it
/// (scripts/install-deps.sh: python3-jsonschema, python3-yaml); elsewhere the test tries
/// `pip install --user` and, failing that, fails saying what to install.
@Suite struct OpenAPIValidationTests {
    /// (request URI, the path in the document, the status the document must describe).
    static let requests: [(uri: String, path: String, status: Int)] = [
        ("/api/v1/notices", "/notices", 200), ("/api/v1/notices?limit=2", "/notices", 200),
        ("/api/v1/notices?limit=0", "/notices", 400), ("/api/v1/notices/n1", "/notices/{id}", 200),
        ("/api/v1/notices/nope", "/notices/{id}", 404), ("/api/v1/history", "/history", 200),
        ("/api/v1/deliveries", "/deliveries", 200), ("/api/v1/deliveries?status=dead", "/deliveries", 200),
        ("/api/v1/incidents", "/incidents", 200), ("/api/v1/subscribers", "/subscribers", 200),
        ("/api/v1/silences", "/silences", 200), ("/api/v1/status", "/status", 200),
    ]

    struct Sample: Codable, Sendable {
        var uri: String
        var path: String
        var status: Int
        var body: String
    }

    static let validator = """
        import json, sys
        import yaml, jsonschema
        document = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
        samples = json.load(open(sys.argv[2], encoding="utf-8"))
        failures = 0
        for sample in samples:
            status = str(sample["status"])
            operation = document["paths"].get(sample["path"], {}).get("get")
            if operation is None or status not in operation["responses"]:
                print(f"{sample['uri']}: the document has no response {status} for GET {sample['path']}")
                failures += 1
                continue
            response = operation["responses"][status]
            if "$ref" in response:
                response = document["components"]["responses"][response["$ref"].split("/")[-1]]
            schema = dict(response["content"]["application/json"]["schema"])
            schema["components"] = document["components"]
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            for error in validator.iter_errors(json.loads(sample["body"])):
                print(f"{sample['uri']}: at {'/'.join(map(str, error.absolute_path))}: {error.message}")
                failures += 1
        print(f"checked {len(samples)} responses, {failures} problems")
        sys.exit(1 if failures else 0)
        """

    @Test func realResponsesValidateAgainstTheOpenAPIDocument() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let samples = try await fixture.application().test(.router) { client in
            var samples: [Sample] = []
            for request in Self.requests {
                let response = try await client.execute(uri: request.uri, method: .get)
                #expect(Int(response.status.code) == request.status, "\(request.uri)")
                samples.append(Sample(uri: request.uri, path: request.path, status: Int(response.status.code), body: response.text))
            }
            return samples
        }
        let samplesFile = fixture.directory.appendingPathComponent("samples.json")
        try JSONEncoder().encode(samples).write(to: samplesFile)
        let script = fixture.directory.appendingPathComponent("validate.py")
        try Self.validator.write(to: script, atomically: true, encoding: .utf8)

        let python = try #require(
            Self.pythonWithJSONSchema(),
            """
            No python3 with the modules jsonschema and yaml, and `pip install --user jsonschema pyyaml` failed. \
            Install them (Debian: apt-get install python3-jsonschema python3-yaml; scripts/install-deps.sh does).
            """)
        let document = Fixtures.root.appendingPathComponent("docs/openapi.yaml").path
        let (status, output) = try Self.run(python, [script.path, document, samplesFile.path])
        #expect(status == 0, "responses do not match docs/openapi.yaml:\n\(output)")
        #expect(output.contains("checked \(Self.requests.count) responses"))
    }

    /// The first interpreter that imports both modules, installing them with pip if none does.
    static func pythonWithJSONSchema() -> String? {
        let candidates = ["/usr/bin/env", "/usr/bin/python3"]
        func works(_ executable: String) -> Bool {
            let arguments = executable == "/usr/bin/env" ? ["python3", "-c", "import jsonschema, yaml"] : ["-c", "import jsonschema, yaml"]
            return (try? run(executable, arguments))?.status == 0
        }
        if let found = candidates.first(where: works) { return found }
        for executable in candidates {
            let pip = ["-m", "pip", "install", "--user", "--quiet", "jsonschema", "pyyaml"]
            _ = try? run(executable, executable == "/usr/bin/env" ? ["python3"] + pip : pip)
            if works(executable) { return executable }
        }
        return nil
    }

    /// Runs `executable` (for `/usr/bin/env`, python3 is prepended to the arguments) and returns
    /// its exit status and output (stdout and stderr together).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let withPython = executable == "/usr/bin/env" && arguments.first != "python3" ? ["python3"] + arguments : arguments
        process.arguments = withPython
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try launch(process)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        guard process.waitForExit(within: 120) else {
            process.terminate()
            return (-1, "timed out: \(executable) \(withPython.joined(separator: " "))")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
