import Delivery
import Foundation
import Testing
import VarselModel

/// A fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("filesink-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

@Suite("File sink: maildir for e-mail, body + request head for webhooks")
struct FileSinkTests {
    @Test func initCreatesTheMaildirAndWebhookFolders() throws {
        try withTemporaryDirectory { root in
            _ = try FileSink(directory: root + "/nested/out")
            for folder in ["mail/tmp", "mail/new", "mail/cur", "webhooks"] {
                var isDirectory: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: "\(root)/nested/out/\(folder)", isDirectory: &isDirectory))
                #expect(isDirectory.boolValue)
            }
        }
    }

    @Test func emailLandsInMaildirNewAndReadsBackByteForByte() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            let message = alertMail()
            let result = sink.writeEmail(message: message, idempotencyKey: "notice-17:kommune-0301:email")
            #expect(result.isDelivered)
            let names = try files(in: root + "/mail/new")
            #expect(names.count == 1)
            let name = try #require(names.first)
            #expect(name.hasSuffix(".eml"))
            #expect(name.hasPrefix("notice-17_kommune-0301_email-"))
            #expect(result == .delivered(detail: "file \(root)/mail/new/\(name)"))
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/mail/new/\(name)"))) == message)
            #expect(try files(in: root + "/mail/tmp").isEmpty)
        }
    }

    @Test func redeliveryWithTheSameKeyReplacesInsteadOfDuplicating() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            #expect(sink.writeEmail(message: alertMail("first"), idempotencyKey: "k1").isDelivered)
            #expect(sink.writeEmail(message: alertMail("second"), idempotencyKey: "k1").isDelivered)
            #expect(sink.writeEmail(message: alertMail("other"), idempotencyKey: "k2").isDelivered)
            let names = try files(in: root + "/mail/new")
            #expect(names.count == 2)
            let k1 = try #require(names.first { $0.hasPrefix("k1-") })
            let text = try String(contentsOfFile: "\(root)/mail/new/\(k1)", encoding: .utf8)
            #expect(text.contains("Subject: second"))
            #expect(try files(in: root + "/mail/tmp").isEmpty)
        }
    }

    @Test func aCopyAlreadyMovedToCurByAMailReaderIsNotDeliveredAgain() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            #expect(sink.writeEmail(message: alertMail(), idempotencyKey: "k1").isDelivered)
            let name = try #require(try files(in: root + "/mail/new").first)
            try FileManager.default.moveItem(atPath: "\(root)/mail/new/\(name)", toPath: "\(root)/mail/cur/\(name):2,S")
            let again = sink.writeEmail(message: alertMail(), idempotencyKey: "k1")
            #expect(again.isDelivered)
            #expect(try files(in: root + "/mail/new").isEmpty)
            #expect(try files(in: root + "/mail/cur") == ["\(name):2,S"])
        }
    }

    @Test func hostileKeysStayInsideTheFolder() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            for key in ["../../escape", "/etc/passwd", ".hidden", "a:b\nc", ""] {
                #expect(sink.writeEmail(message: alertMail(), idempotencyKey: key).isDelivered)
            }
            let names = try files(in: root + "/mail/new")
            #expect(names.count == 5)
            #expect(names.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") && !$0.contains(":") && !$0.contains("\n") })
            #expect(try files(in: root) == ["mail", "webhooks"])
        }
    }

    @Test func webhookBodyIsKeptVerbatimWithItsRequestHeadAlongside() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            let body = Array(#"{"event":"notice.new","title":"Planlagt vedlikehold"}"#.utf8)
            let signature = WebhookSignature.header(body: body, secret: testSecret, timestamp: 1_800_000_000)
            let headers = [
                ("Content-Type", "application/json"), ("Varselvakt-Signature", signature),
                ("Varselvakt-Idempotency-Key", "notice-17:vendor-1:webhook"),
            ]
            let url = "https://hooks.example/varsel"
            let result = sink.writeWebhook(url: url, body: body, headers: headers, idempotencyKey: "notice-17:vendor-1:webhook")
            #expect(result.isDelivered)
            let names = try files(in: root + "/webhooks")
            #expect(names.count == 2)
            let json = try #require(names.first { $0.hasSuffix(".json") })
            let head = try #require(names.first { $0.hasSuffix(".http") })
            #expect(json.dropLast(5) == head.dropLast(5))
            let stored = Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/webhooks/\(json)")))
            #expect(stored == body)
            let headText = try String(contentsOfFile: "\(root)/webhooks/\(head)", encoding: .utf8)
            #expect(headText.hasPrefix("POST https://hooks.example/varsel HTTP/1.1\r\n"))
            #expect(headText.contains("Varselvakt-Signature: \(signature)\r\n"))
            #expect(WebhookSignature.verify(header: signature, body: stored, secret: testSecret, now: 1_800_000_000))

            // Same key again: replaced, not added.
            #expect(sink.writeWebhook(url: url, body: Array("{}".utf8), headers: headers, idempotencyKey: "notice-17:vendor-1:webhook").isDelivered)
            #expect(try files(in: root + "/webhooks").count == 2)
        }
    }

    @Test func webhookHeaderWithLineBreakIsPermanent() throws {
        try withTemporaryDirectory { root in
            let sink = try FileSink(directory: root)
            let result = sink.writeWebhook(
                url: "https://hooks.example/", body: [], headers: [("X-Evil", "a\r\nInjected: 1")], idempotencyKey: "k")
            guard case .permanent = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(try files(in: root + "/webhooks").isEmpty)
        }
    }

    @Test func directoryUnderARegularFileFailsNamingThePath() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: root + "/plain-file", contents: Data("x".utf8)))
            let error = #expect(throws: DeliveryError.self) { try FileSink(directory: root + "/plain-file/sink") }
            guard case .fileSink(let path, let reason) = try #require(error) else { return }
            #expect(path == root + "/plain-file/sink/mail/tmp")
            #expect(reason.hasPrefix("cannot create the folder"))
            #expect(error?.description.hasPrefix("delivery: file sink \(root)/plain-file/sink/mail/tmp: ") == true)
        }
    }
}
