import Dispatch
import Foundation
import JSONRPC
import MetadataLint

/// `metadata-lint lsp`: an LSP 3.17 server over a pair of file descriptors.
///
/// One thread reads framed messages with blocking reads; every message is handled in order on
/// one serial queue, which owns all state (documents, analyses, debounce timers). Analyses are
/// the library's own calls, so the editor shows what `validate` prints.
public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        public enum ConfigChoice: Sendable {
            /// The nearest `.metadata-lint.yml` above each document.
            case discover
            case file(String)
            case none
        }

        public var config: ConfigChoice = .discover
        /// Seconds between the last change and the check that follows it.
        public var debounce: Double = 0.2
        public var hooks = EditorHooks()
        /// The first kind that claims a document handles it.
        public var kinds: [any DocumentKind] = [MappingDocumentKind(), MetadataDocumentKind()]
        /// Documentation link for a built-in rule.
        public var ruleDocumentation: @Sendable (String) -> String? = { id in
            "https://github.com/metadata-lint/metadata-lint/blob/main/docs/rules.md#\(id)"
        }
        /// What `exit` does; the process exits by default.
        public var onExit: @Sendable (Int32) -> Void = { code in Foundation.exit(code) }

        public init() {}
    }

    private let options: Options
    private let writer: MessageWriter
    private let queue = DispatchQueue(label: "metadata-lint.lsp")
    // Everything below belongs to `queue`.
    private var initialized = false
    private var shutdownRequested = false
    private var clientCapabilities: JSONValue = .null
    private var store = DocumentStore()
    private let configs: ConfigProvider

    public init(options: Options = Options(), output: Int32 = STDOUT_FILENO) {
        self.options = options
        self.writer = MessageWriter(fd: output)
        let choice: ConfigProvider.Choice
        switch options.config {
        case .discover: choice = .discover
        case .file(let path): choice = .file(path)
        case .none: choice = .none
        }
        self.configs = ConfigProvider(choice)
        configs.onError = { [writer] message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
            writer.send(["jsonrpc": "2.0", "method": "window/showMessage",
                         "params": ["type": 2, "message": .string(message)]])
        }
    }

    /// Serves until `exit` (which calls `options.onExit`) or the end of input; returns the exit
    /// code for the end of input: 0 after `shutdown`, 1 when the client went away without it.
    public func run(input: Int32 = STDIN_FILENO) -> Int32 {
        let reader = MessageReader(fd: input)
        while true {
            switch reader.next() {
            case .message(let bytes):
                queue.async { self.receive(bytes) }
            case .malformed(let reason):
                queue.async { self.reply(.null, error: .parseError(reason)) }
            case .end:
                return queue.sync { shutdownRequested ? 0 : 1 }
            }
        }
    }

    // MARK: - Messages

    private func receive(_ bytes: [UInt8]) {
        switch RPCMessage.read(bytes) {
        case .request(let id, let method, let params):
            switch request(method, params) {
            case .success(let value): writer.reply(id, result: value)
            case .failure(let error): writer.reply(id, error: error)
            }
        case .notification(let method, let params):
            notification(method, params)
        case .response:
            break
        case .invalid(let id, let error):
            writer.reply(id, error: error)
        }
    }

    private func reply(_ id: JSONValue, error: RPCError) {
        writer.reply(id, error: error)
    }

    private func notify(_ method: String, _ params: JSONValue) {
        writer.notify(method, params)
    }

    private func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, RPCError> {
        if method == "initialize" {
            guard !initialized else { return .failure(.invalidRequest("initialize was already received")) }
            initialized = true
            clientCapabilities = params["capabilities"] ?? .null
            return .success(initializeResult())
        }
        guard initialized else { return .failure(.serverNotInitialized) }
        guard !shutdownRequested else { return .failure(.invalidRequest("the server is shutting down: only exit is accepted")) }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .success(.null)
        case "textDocument/hover": return withDocument(params) { hover($0, $1) }
        case "textDocument/completion": return withDocument(params) { completion($0, $1) }
        case "textDocument/definition": return withDocument(params) { definition($0, $1) }
        case "textDocument/references":
            let include = params["context"]?["includeDeclaration"]?.bool ?? true
            return withDocument(params) { references($0, $1, includeDeclaration: include) }
        case "textDocument/codeAction": return codeActions(params)
        case "textDocument/formatting": return formatting(params)
        default: return .failure(.methodNotFound(method))
        }
    }

    private func notification(_ method: String, _ params: JSONValue) {
        if method == "exit" {
            options.onExit(shutdownRequested ? 0 : 1)
            return
        }
        // Before initialize, notifications are dropped (LSP), and so is anything after shutdown.
        guard initialized, !shutdownRequested else { return }
        switch method {
        case "initialized": watchConfigFiles()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave": didSave(params)
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration": reloadConfiguration()
        default: break  // $/cancelRequest, $/setTrace and anything unknown
        }
    }

    /// Asks the client to report changes to config files, when it can register watchers, so
    /// that editing `.metadata-lint.yml` re-checks the open documents.
    private func watchConfigFiles() {
        guard clientCapabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true else { return }
        let watchers: JSONValue = .array(ConfigLoader.fileNames.map { ["globPattern": .string("**/" + $0)] })
        writer.send(["jsonrpc": "2.0", "id": "metadata-lint/watch-config", "method": "client/registerCapability",
                     "params": ["registrations": [["id": "metadata-lint-config", "method": "workspace/didChangeWatchedFiles",
                                                   "registerOptions": ["watchers": watchers]]]]])
    }

    private func initializeResult() -> JSONValue {
        var capabilities: [String: JSONValue] = [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": ["\"", ":"], "resolveProvider": false],
            "definitionProvider": true,
            "referencesProvider": true,
        ]
        if options.hooks.codeActions != nil {
            capabilities["codeActionProvider"] = ["codeActionKinds": ["quickfix"]]
        }
        if options.hooks.format != nil { capabilities["documentFormattingProvider"] = true }
        return ["capabilities": .object(capabilities),
                "serverInfo": ["name": "metadata-lint", "version": .string(MetadataLintVersion.current)]]
    }

    // MARK: - Documents

    private func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        let document = OpenDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
        store.open(document)
        publish(document)
    }

    private func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = store[uri],
              let changes = params["contentChanges"]?.array else { return }
        for change in changes {
            guard let text = change["text"]?.string else { continue }
            document.apply(range: TextRange(change["range"]), text: text)
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
        scheduleAnalysis(document)
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = store.close(uri) else { return }
        document.pendingAnalysis?.cancel()
        notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
    }

    private func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        if ConfigLoader.fileNames.contains(where: { uri.hasSuffix("/" + $0) }) { reloadConfiguration() }
    }

    private func reloadConfiguration() {
        configs.invalidate()
        for document in store.all {
            document.analysedVersion = nil
            publish(document)
        }
    }

    private func scheduleAnalysis(_ document: OpenDocument) {
        document.pendingAnalysis?.cancel()
        let uri = document.uri
        let version = document.version
        let work = DispatchWorkItem { [self] in
            guard let current = store[uri], current.version == version else { return }
            publish(current)
        }
        document.pendingAnalysis = work
        queue.asyncAfter(deadline: .now() + options.debounce, execute: work)
    }

    /// The analysis of the document's current text, computed now if it is stale.
    private func analysis(of document: OpenDocument) -> (any DocumentAnalysis)? {
        if document.analysedVersion == document.version { return document.analysis }
        document.kind = options.kinds.first { $0.claims(uri: document.uri, path: document.path, text: document.bytes) }
        let previous = document.analysis
        if let kind = document.kind {
            let source = SourceFile(path: document.displayName, bytes: document.bytes)
            document.analysis = kind.analyze(source, config: configs.config(forDocumentAt: document.path), previous: previous)
        } else {
            document.analysis = nil
        }
        document.analysedVersion = document.version
        return document.analysis
    }

    private func findings(of document: OpenDocument) -> [PlacedDiagnostic] {
        guard let analysis = analysis(of: document) else { return [] }
        if let path = document.path, ConfigLoader.isIgnored(path, by: configs.config(forDocumentAt: path)) { return [] }
        let positions = TextPositions(analysis.source)
        // A mapping's findings may cite its metadata file: only this document's are shown here.
        return analysis.diagnostics.filter { $0.file == analysis.source.path }.map { PlacedDiagnostic.place($0, in: positions) }
    }

    private func publish(_ document: OpenDocument) {
        document.pendingAnalysis?.cancel()
        document.pendingAnalysis = nil
        let findings = findings(of: document)
        let positions = document.positions
        notify("textDocument/publishDiagnostics", [
            "uri": .string(document.uri), "version": .int(document.version),
            "diagnostics": .array(findings.map { LSPConvert.diagnostic($0, positions, documentation: options.ruleDocumentation) }),
        ])
    }

    // MARK: - Requests on a document

    private typealias DocumentHandler = (OpenDocument, Int) -> JSONValue

    /// Runs `body` with the document and the byte offset of `params.position`.
    private func withDocument(_ params: JSONValue, _ body: DocumentHandler) -> Result<JSONValue, RPCError> {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = TextPosition(params["position"]) else {
            return .failure(.invalidParams("expected textDocument.uri and position {line, character}"))
        }
        guard let document = store[uri] else { return .success(.null) }
        return .success(body(document, document.positions.offset(of: position)))
    }

    private func hover(_ document: OpenDocument, _ offset: Int) -> JSONValue {
        let answer = analysis(of: document)?.hover(at: offset)
        let covering = findings(of: document).filter { $0.range.contains(offset) || $0.range.upperBound == offset }
        var sections = covering.map { LSPConvert.findingMarkdown($0.diagnostic, documentation: options.ruleDocumentation) }
        if let answer { sections.append(answer.markdown) }
        guard !sections.isEmpty else { return .null }
        var result: [String: JSONValue] = ["contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))]]
        if let range = answer?.range ?? covering.first?.range { result["range"] = document.positions.range(range).json }
        return .object(result)
    }

    private func completion(_ document: OpenDocument, _ offset: Int) -> JSONValue {
        let candidates = analysis(of: document)?.completions(at: offset) ?? []
        let positions = document.positions
        let items: [JSONValue] = candidates.enumerated().map { index, candidate in
            var item: [String: JSONValue] = [
                "label": .string(candidate.label), "kind": .int(candidate.kind.rawValue),
                "sortText": .string(String(format: "%04d", index)),
                "textEdit": ["range": positions.range(candidate.replace).json, "newText": .string(candidate.insertText)],
            ]
            if let detail = candidate.detail { item["detail"] = .string(detail) }
            if let documentation = candidate.documentation {
                item["documentation"] = ["kind": "markdown", "value": .string(documentation)]
            }
            return .object(item)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    private func definition(_ document: OpenDocument, _ offset: Int) -> JSONValue {
        .array((analysis(of: document)?.definitions(at: offset) ?? []).compactMap { location($0, in: document) })
    }

    private func references(_ document: OpenDocument, _ offset: Int, includeDeclaration: Bool) -> JSONValue {
        let found = analysis(of: document)?.references(at: offset, includeDeclaration: includeDeclaration) ?? []
        return .array(found.compactMap { location($0, in: document) })
    }

    /// An LSP Location; a location in another document is converted with that document's text
    /// (open in the editor, else read from disk).
    private func location(_ location: ByteLocation, in document: OpenDocument) -> JSONValue? {
        let uri = location.uri ?? document.uri
        let positions: TextPositions
        if uri == document.uri {
            positions = document.positions
        } else if let other = store[uri] {
            positions = other.positions
        } else if let path = OpenDocument.path(ofURI: uri), let data = FileManager.default.contents(atPath: path) {
            positions = TextPositions([UInt8](data))
        } else {
            return nil
        }
        return ["uri": .string(uri), "range": positions.range(location.range).json]
    }

    private func codeActions(_ params: JSONValue) -> Result<JSONValue, RPCError> {
        guard let uri = params["textDocument"]?["uri"]?.string, let range = TextRange(params["range"]) else {
            return .failure(.invalidParams("expected textDocument.uri and range"))
        }
        guard let hook = options.hooks.codeActions, let document = store[uri], let analysis = analysis(of: document) else {
            return .success([])
        }
        let positions = document.positions
        let bytes = positions.offset(of: range.start)..<max(positions.offset(of: range.start), positions.offset(of: range.end))
        // Ranges meet when they overlap or touch (an empty range at a finding's edge counts).
        let meeting = findings(of: document).filter {
            $0.range.lowerBound <= bytes.upperBound && bytes.lowerBound <= $0.range.upperBound
        }
        let only = params["context"]?["only"]?.array?.compactMap(\.string)
        let actions = hook(EditorHooks.CodeActionRequest(source: analysis.source, range: bytes, findings: meeting, only: only))
        return .success(.array(actions.map { action in
            var value: [String: JSONValue] = [
                "title": .string(action.title), "kind": .string(action.kind),
                "diagnostics": .array(action.fixes.map { LSPConvert.diagnostic($0, positions, documentation: options.ruleDocumentation) }),
                "edit": ["changes": .object([uri: .array(action.edits.map { LSPConvert.textEdit($0, positions) })])],
            ]
            if action.isPreferred { value["isPreferred"] = true }
            return .object(value)
        }))
    }

    private func formatting(_ params: JSONValue) -> Result<JSONValue, RPCError> {
        guard let uri = params["textDocument"]?["uri"]?.string else { return .failure(.invalidParams("expected textDocument.uri")) }
        guard let format = options.hooks.format, let document = store[uri] else { return .success(.null) }
        let source = SourceFile(path: document.displayName, bytes: document.bytes)
        guard let formatted = format(source) else { return .success(.null) }
        if formatted == document.bytes { return .success([]) }
        let edit = EditorHooks.Edit(range: 0..<document.bytes.count, newText: String(decoding: formatted, as: UTF8.self))
        return .success([LSPConvert.textEdit(edit, document.positions)])
    }
}
