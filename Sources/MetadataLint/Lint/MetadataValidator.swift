/// Validates one metadata document: JSON syntax, then the typed model, then every model check.
public struct MetadataValidator: Sendable {
    public var policy: RulePolicy
    public var maxDepth: Int
    public var customRules: [CustomRule]
    /// Budgets of custom rules.
    public var limits = Limits()

    public init(policy: RulePolicy = RulePolicy(), maxDepth: Int = 256, customRules: [CustomRule] = []) {
        self.policy = policy
        self.maxDepth = maxDepth
        self.customRules = customRules
    }

    public init(config: Config) {
        self.init(policy: config.policy, customRules: config.customRules)
        limits = config.limits
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Nil when the file is not well-formed JSON.
        public var metadata: Metadata?
        public var source: SourceFile
    }

    public func validate(_ source: SourceFile) -> Result {
        Suggest.withBudget { validateWithin(source) }
    }

    private func validateWithin(_ source: SourceFile) -> Result {
        var sink = DiagnosticSink(source: source, policy: policy)
        guard let root = parse(source, &sink) else {
            return Result(diagnostics: sink.diagnostics.sorted(by: Diagnostic.ordered), metadata: nil, source: source)
        }
        let metadata = MetadataReader.read(root, sink: &sink)
        for check in Rules.modelChecks {
            check.check(metadata, &sink)
        }
        if !customRules.isEmpty {
            CustomMetadataRules(rules: customRules, limits: limits).run(on: source, root: root, sink: &sink)
        }
        return Result(diagnostics: sink.diagnostics.sorted(by: Diagnostic.ordered), metadata: metadata, source: source)
    }

    /// Scans the document, reporting syntax errors and scanner notes; returns the tree if it is JSON.
    func parse(_ source: SourceFile, _ sink: inout DiagnosticSink) -> JSONNode? {
        var scanner = JSONScanner(maxDepth: maxDepth)
        let outcome: Swift.Result<JSONNode, JSONSyntaxError> = source.bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try scanner.scanDocument(buffer)
                guard let base = buffer.baseAddress else { return .failure(JSONSyntaxError(.empty, at: 0)) }
                return .success(JSONTreeBuilder.build(scanner.tape, base))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let root):
            let pointers = root.pointers(at: Set(scanner.notes.map(\.offset)))
            for note in scanner.notes {
                JSONNoteReporter.report(note, pointer: pointers[note.offset] ?? "", into: &sink)
            }
            return root
        case .failure(let error):
            for note in scanner.notes { JSONNoteReporter.report(note, pointer: "", into: &sink) }
            guard let rule = Rules.info(error.ruleID) else { return nil }
            sink.report(rule, at: SourceRef(offset: error.offset, pointer: ""), error.message)
            return nil
        }
    }
}

/// Turns scanner notes into diagnostics; its messages serve metadata and artifacts alike.
enum JSONNoteReporter {
    static func report(_ note: JSONScanNote, pointer: String, into sink: inout DiagnosticSink) {
        switch note.kind {
        case .duplicateKey(let key, let firstOffset):
            sink.report(Rules.jsonDuplicateKey, at: SourceRef(offset: note.offset, pointer: pointer),
                        duplicateKeyMessage(key, firstLine: sink.source.lines.line(of: firstOffset)))
        case .numberOutOfRange(let text):
            sink.report(Rules.jsonNumberRange, at: SourceRef(offset: note.offset, pointer: pointer), numberRangeMessage(text))
        }
    }

    static func duplicateKeyMessage(_ key: String, firstLine: Int? = nil) -> String {
        let first = firstLine.map { " (first on line \($0))" } ?? " in one object"
        return "duplicate key \"\(key)\"\(first): parsers keep only one of them; merge the two or remove one"
    }

    static func numberRangeMessage(_ text: String) -> String {
        "number \(text.count > 40 ? String(text.prefix(40)) + "…" : text) does not fit a 64-bit integer or double: use a smaller value, or a string for an identifier"
    }
}
