import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Validates one metadata document: JSON syntax, then the typed model, then every model check.
public struct MetadataValidator: Sendable {
    public var policy: RulePolicy
    public var maxDepth: Int
    public var customRules: [CustomRule]
    /// How custom rules run: isolated, with the time and memory budgets of `limits:`.
    public var customRuleOptions = JQOptions.configRuleDefaults

    public init(policy: RulePolicy = RulePolicy(), maxDepth: Int = 256, customRules: [CustomRule] = []) {
        self.policy = policy
        self.maxDepth = maxDepth
        self.customRules = customRules
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Nil when the file is not well-formed JSON.
        public var metadata: Metadata?
        public var source: SourceFile
    }

    /// Suggestions ("did you mean") share one work budget per file, so a file with thousands of
    /// unknown names costs no more than a bounded amount of searching.
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
            CustomMetadataRules(rules: customRules, options: customRuleOptions).run(on: source, root: root, sink: &sink)
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
                sink.report(note.violation { sink.line(of: $0) }, at: SourceRef(offset: note.offset, pointer: pointers[note.offset] ?? ""))
            }
            return root
        case .failure(let error):
            for note in scanner.notes {
                sink.report(note.violation { sink.line(of: $0) }, at: SourceRef(offset: note.offset, pointer: ""))
            }
            sink.report(NotJSON(error: error, guess: InputGuess.guess(source.bytes, error: error)),
                        at: SourceRef(offset: error.offset, pointer: ""))
            return nil
        }
    }
}
