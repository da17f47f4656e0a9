import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

/// A rule (or family) that inspects a mapping file, alone or against its metadata and DevRev's table.
protocol MappingCheck: Sendable {
    var rules: [RuleInfo] { get }
    func check(_ context: MappingContext, _ sink: inout DiagnosticSink)
}

/// Validates one initial_domain_mapping.json: JSON syntax, the typed model, then every mapping
/// check, against the metadata when there is one.
public struct MappingValidator: Sendable {
    public var policy: RulePolicy
    public var customRules: [CustomRule]
    /// How custom rules run: isolated, with the time and memory budgets of `limits:`.
    public var customRuleOptions = JQOptions.configRuleDefaults
    /// DevRev's object table; nil turns the table checks off.
    public var table: DevRevObjectTable?
    /// How long a constant jq program may run before it is given up.
    public var constantTimeout: Double = 2

    public init(policy: RulePolicy = RulePolicy(), customRules: [CustomRule] = [],
                table: DevRevObjectTable? = .shipped) {
        self.policy = policy
        self.customRules = customRules
        self.table = table
    }

    /// The metadata a mapping is checked against, and its file (for citing lines).
    public struct Companion: Sendable {
        public var metadata: Metadata
        public var source: SourceFile

        public init(metadata: Metadata, source: SourceFile) {
            self.metadata = metadata
            self.source = source
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Nil when the file is not well-formed JSON.
        public var mapping: Mapping?
        public var source: SourceFile
        /// What check-artifacts --mapping runs on the records (only with a companion).
        package var dataProbes: [MappingDataProbe] = []
    }

    /// `skipped` says why there is no companion (reported as a note) when `companion` is nil.
    public func validate(_ source: SourceFile, companion: Companion?, skipped: MappingChecksSkipped.Reason? = nil) -> Result {
        var sink = DiagnosticSink(source: source, policy: policy)
        guard let root = MetadataValidator(policy: policy).parse(source, &sink) else {
            return Result(diagnostics: sink.diagnostics.sorted(by: Diagnostic.ordered), mapping: nil, source: source)
        }
        let mapping = MappingReader.read(root, sink: &sink)
        if companion == nil, let skipped, mapping.shape != .objectMappings {
            sink.report(MappingChecksSkipped(reason: skipped), at: root.ref)
        }
        var probes: [MappingDataProbe] = []
        if mapping.shape != .objectMappings {
            let context = MappingContext(mapping: mapping, source: source, metadata: companion?.metadata,
                                         metadataSource: companion?.source, table: table, constantTimeout: constantTimeout)
            for check in Rules.mappingChecks {
                check.check(context, &sink)
            }
            if companion != nil { probes = context.dataProbes }
        }
        if customRules.contains(where: { $0.target == .mapping }) {
            CustomMetadataRules(rules: customRules, target: .mapping, options: customRuleOptions).run(on: source, root: root, sink: &sink)
        }
        return Result(diagnostics: sink.diagnostics.sorted(by: Diagnostic.ordered), mapping: mapping, source: source,
                      dataProbes: probes)
    }
}
