import Foundation
import MetadataLint
import Testing
@testable import JSONRPC
@testable import LanguageServer

/// The hooks for code actions and formatting, driven through a server on pipes with stand-in
/// implementations: capabilities appear only with a hook, and byte edits come back as UTF-16 ranges.
@Suite struct EditorHooksTests {
    final class Session {
        let toServer = Pipe()
        let fromServer = Pipe()
        let reader: MessageReader
        var nextID = 1

        init(hooks: EditorHooks) {
            var options = LanguageServer.Options()
            options.config = .none
            options.hooks = hooks
            options.onExit = { _ in }
            let server = LanguageServer(options: options, output: fromServer.fileHandleForWriting.fileDescriptor)
            let input = toServer.fileHandleForReading.fileDescriptor
            Thread { _ = server.run(input: input) }.start()
            reader = MessageReader(fd: fromServer.fileHandleForReading.fileDescriptor)
        }

        func send(_ message: JSONValue) {
            let body = message.serialized()
            toServer.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + Data(body))
        }

        func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
            let id = nextID
            nextID += 1
            send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
            while true {
                guard case .message(let bytes) = reader.next() else { throw CancellationError() }
                let message = try JSONValue.parse(bytes)
                if message["id"] == .int(id) { return message["result"] ?? .null }
            }
        }

        func close() { try? toServer.fileHandleForWriting.close() }
    }

    static let uri = "file:///tmp/hooks/external_domain_metadata.json"
    static let text = "{\"名😀\": 1, \"record_types\": {\"a\": {}}}"

    @Test func noHooksNoCapabilities() throws {
        let session = Session(hooks: EditorHooks())
        defer { session.close() }
        let capabilities = try session.request("initialize", ["capabilities": [:]])["capabilities"]
        #expect(capabilities?["codeActionProvider"] == nil)
        #expect(capabilities?["documentFormattingProvider"] == nil)
    }

    @Test func codeActionsAndFormattingGoThroughTheHooks() throws {
        let hooks = EditorHooks(
            codeActions: { request in
                request.findings.map { finding in
                    EditorHooks.CodeAction(title: "Fix \(finding.diagnostic.rule)", fixes: [finding],
                                           edits: [.init(range: finding.range, newText: "{\"fields\": {}}")])
                }
            },
            format: { source in source.bytes.filter { $0 != UInt8(ascii: " ") } })
        let session = Session(hooks: hooks)
        defer { session.close() }
        let capabilities = try session.request("initialize", ["capabilities": [:]])["capabilities"]
        #expect(capabilities?["codeActionProvider"] == ["codeActionKinds": ["quickfix"]])
        #expect(capabilities?["documentFormattingProvider"] == true)
        session.send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": .string(Self.uri), "languageId": "json", "version": 1, "text": .string(Self.text)]]])

        // `{"名😀": 1, "record_types": {"a": {}}}`: the finding is on the key "a", UTF-16 columns
        // 28 to 31 (the emoji counts two); the text is 37 units long.
        let everything: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 40]]
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(Self.uri)], "range": everything, "context": ["diagnostics": []]])
        let fix = try #require(actions.array?.first { $0["title"] == "Fix record-type-without-fields" })
        let edit = fix["edit"]?["changes"]?[Self.uri]?.array?.first
        #expect(edit == ["range": ["start": ["line": 0, "character": 28], "end": ["line": 0, "character": 31]],
                         "newText": "{\"fields\": {}}"])
        #expect(fix["diagnostics"]?.array?.first?["code"] == "record-type-without-fields")

        let formatted = try session.request("textDocument/formatting", [
            "textDocument": ["uri": .string(Self.uri)], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(formatted == [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 37]],
                               "newText": .string(Self.text.replacingOccurrences(of: " ", with: ""))]])
    }
}
