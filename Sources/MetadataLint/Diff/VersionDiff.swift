/// `metadata-lint diff OLD NEW`: reads both versions, compares them, and says whether the
/// result fails under `--fail-on`.
public enum VersionDiff {
    public enum FailOn: String, Sendable, CaseIterable {
        case breaking, risky

        public func fails(_ impact: ChangeKind.Impact) -> Bool {
            switch self {
            case .breaking: return impact == .breaking
            case .risky: return impact >= .risky
            }
        }
    }

    public enum Outcome: Sendable {
        /// The changes as diagnostics, in file and position order.
        case changes([MetadataChange], [Diagnostic])
        /// A version is not JSON: its syntax errors (there is nothing to compare).
        case unreadable([Diagnostic])
    }

    public static func run(old: SourceFile, new: SourceFile) -> Outcome {
        var unreadable: [Diagnostic] = []
        var models: [Metadata] = []
        for source in [old, new] {
            switch ScannedDocument.scan(source) {
            case .failure(let error):
                let rule = Rules.info(error.ruleID) ?? Rules.jsonSyntax
                unreadable.append(source.diagnostic(at: SourceRef(offset: error.offset, pointer: ""), rule: rule.id,
                                                    severity: .error, message: error.message))
            case .success(let document):
                var sink = DiagnosticSink(source: source)
                models.append(MetadataReader.read(document.root, sink: &sink))
            }
        }
        guard unreadable.isEmpty, models.count == 2 else { return .unreadable(unreadable) }
        let changes = MetadataDiff.compare(old: models[0], new: models[1])
        let diagnostics = changes.map { $0.diagnostic(old: old, new: new) }
        return .changes(changes, diagnostics.sorted(by: Diagnostic.ordered))
    }

    public static func summary(_ changes: [MetadataChange]) -> String {
        if changes.isEmpty { return "no changes" }
        let count = { (impact: ChangeKind.Impact) in changes.filter { $0.kind.impact == impact }.count }
        let total = changes.count
        return "\(count(.breaking)) breaking, \(count(.risky)) risky, \(count(.safe)) safe (\(total) change\(total == 1 ? "" : "s"))"
    }
}
