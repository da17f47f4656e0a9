import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Gathers artifact diagnostics from one worker. Everything is counted; with a cap, only the
/// first `cap` diagnostics of each rule and field are kept (messages of the rest are never built).
/// The field is the diagnostic's pointer without array indices, so the elements of a collection
/// count as one field, in the cap and in the "and N more" counts alike.
public final class DiagnosticCollector {
    public let policy: RulePolicy
    public let cap: Int?
    public private(set) var kept: [Diagnostic] = []
    /// Diagnostics per rule and field (see `GroupKey`), kept or not.
    public private(set) var counts: [GroupKey: Int] = [:]
    public private(set) var severityCounts: [Severity: Int] = [:]
    /// The file chunk being read (-1: a whole file); kept diagnostics remember it so their
    /// chunk-local line numbers can be shifted once every chunk's line count is known.
    public var currentChunk: Int32 = -1
    private var chunkOf: [Int32] = []
    private var keptPerChunk: [ChunkKey: Int] = [:]
    /// Most diagnostics kept, whatever the format: a small gzip file can hold millions of bad
    /// records. Past it diagnostics are counted (the totals stay exact), not kept.
    public static let maxKept = 100_000
    /// Diagnostics counted but not kept because of `maxKept`.
    public private(set) var unkept = 0

    public init(policy: RulePolicy, cap: Int?) {
        self.policy = policy
        self.cap = cap
    }

    /// Adds a built-in rule's violation; it is built only when kept (the rule is on and under the cap).
    public func add<V: RuleViolation>(_ violation: @autoclosure () -> V, file: String, line: Int, column: Int,
                                      pointer: String) {
        add(V.rule, file: file, line: line, column: column, pointer: pointer) { violation().message }
    }

    /// Adds a violation whose rule is known only from the value (syntax errors, custom rules).
    public func add(_ violation: any Violation, file: String, line: Int, column: Int, pointer: String) {
        add(violation.rule, file: file, line: line, column: column, pointer: pointer) { violation.message }
    }

    private func add(_ rule: RuleInfo, file: String, line: Int, column: Int, pointer: String,
                     _ message: () -> String) {
        guard let severity = policy.severity(of: rule) else { return }
        severityCounts[severity, default: 0] += 1
        let key = GroupKey(rule: rule.id, pointer: pointer)
        counts[key, default: 0] += 1
        if let cap {
            // Each chunk keeps its own first `cap`, so the global first ones survive re-capping.
            let chunkKey = ChunkKey(group: key, chunk: currentChunk)
            let seen = keptPerChunk[chunkKey, default: 0]
            if seen >= cap { return }
            keptPerChunk[chunkKey] = seen + 1
        }
        guard kept.count < Self.maxKept else {
            unkept += 1
            return
        }
        kept.append(Diagnostic(file: file, line: line, column: column, pointer: pointer, severity: severity,
                               rule: rule.id, message: message()))
        chunkOf.append(currentChunk)
    }

    public func add(_ diagnostic: Diagnostic) {
        severityCounts[diagnostic.severity, default: 0] += 1
        counts[GroupKey(rule: diagnostic.rule, pointer: diagnostic.pointer), default: 0] += 1
        guard kept.count < Self.maxKept else {
            unkept += 1
            return
        }
        kept.append(diagnostic)
        chunkOf.append(-1)
    }

    /// Shifts the lines of diagnostics found in chunks by the lines before each chunk.
    public func shiftLines(by linesBefore: [Int32: Int]) {
        for k in kept.indices where chunkOf[k] >= 0 && kept[k].line > 0 {
            kept[k].line += linesBefore[chunkOf[k]] ?? 0
        }
        for k in chunkOf.indices { chunkOf[k] = -1 }
    }

    /// Folds another worker's diagnostics into this one (`finish` cuts them to `maxKept`).
    public func merge(_ other: DiagnosticCollector) {
        kept += other.kept
        chunkOf += other.chunkOf
        unkept += other.unkept
        for (key, count) in other.counts { counts[key, default: 0] += count }
        for (severity, count) in other.severityCounts { severityCounts[severity, default: 0] += count }
    }

    /// The kept diagnostics in output order, re-capped across workers and cut to `maxKept` (the
    /// rest counted in `unkept`), and the "and N more" lines.
    public func finish() -> (diagnostics: [Diagnostic], omitted: [Omission]) {
        let (diagnostics, omitted) = capped()
        guard diagnostics.count > Self.maxKept else { return (diagnostics, omitted) }
        unkept += diagnostics.count - Self.maxKept
        return (Array(diagnostics.prefix(Self.maxKept)), omitted)
    }

    private func capped() -> (diagnostics: [Diagnostic], omitted: [Omission]) {
        let sorted = kept.sorted(by: Diagnostic.ordered)
        guard let cap else { return (sorted, []) }
        var shown: [GroupKey: Int] = [:]
        var result: [Diagnostic] = []
        for diagnostic in sorted {
            let key = GroupKey(rule: diagnostic.rule, pointer: diagnostic.pointer)
            let n = shown[key, default: 0]
            if n < cap { result.append(diagnostic) }
            shown[key] = n + 1
        }
        let omitted = counts.filter { $0.value > cap }
            .map { Omission(rule: $0.key.rule, field: $0.key.field, count: $0.value - cap) }
            .sorted { ($0.rule, $0.field) < ($1.rule, $1.field) }
        return (result, omitted)
    }

    public var errors: Int { severityCounts[.error, default: 0] }
    public var warnings: Int { severityCounts[.warning, default: 0] }
    public var notes: Int { severityCounts[.note, default: 0] }
}

/// The unit the cap and the "and N more" counts work in: a rule and a field, the field being the
/// pointer with array indices dropped (`/data/tags/3` → `/data/tags`), so the elements of a
/// collection count as one field.
public struct GroupKey: Hashable, Sendable {
    public let rule: String
    public let field: String

    public init(rule: String, pointer: String) {
        self.rule = rule
        let parts = pointer.split(separator: "/").filter { !$0.allSatisfy(\.isNumber) }
        field = parts.isEmpty ? "" : "/" + parts.joined(separator: "/")
    }
}

struct ChunkKey: Hashable {
    let group: GroupKey
    let chunk: Int32
}

