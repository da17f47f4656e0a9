import LintJSON
import LintSource

/// Applies fixes to one file until nothing more can be fixed: validate, compute each finding's
/// fix, apply those that do not touch each other, validate again. Fixes that collided in one pass
/// get their turn in the next, so two members removed from one object both go.
public struct FixRunner: Sendable {
    public var validator: MetadataValidator
    public var includeUnsafe: Bool
    /// A fix that does not remove its finding would otherwise loop forever.
    public var maxPasses = 100

    public init(validator: MetadataValidator, includeUnsafe: Bool) {
        self.validator = validator
        self.includeUnsafe = includeUnsafe
    }

    public struct Outcome: Sendable {
        public var original: SourceFile
        public var fixed: SourceFile
        /// Every fix applied, in the order applied.
        public var applied: [Fix]
        /// Findings the applied fixes resolved (one fix can resolve two findings of one mistake).
        public var fixedCount: Int
        /// What the fixed file still has.
        public var remaining: [Diagnostic]
        /// Remaining findings with a fix that needs `--unsafe-fixes`.
        public var unsafeFixable: Int

        public var changed: Bool { original.bytes != fixed.bytes }
    }

    public func run(_ source: SourceFile) -> Outcome {
        var current = source
        var diagnostics = validator.validate(current).diagnostics
        var applied: [Fix] = []
        var fixedCount = 0
        // Fixes that each look fine can clash (two legacy keys renamed to the same new key):
        // a pass that would break the JSON (or add a duplicate key) is retried with its first fix
        // alone, and a fix that breaks it alone is dropped.
        var oneAtATime = false
        var rejected: [[TextEdit]] = []
        for _ in 0..<maxPasses {
            guard let document = FixDocument(current) else { break }
            let candidates = fixes(for: diagnostics, in: document).filter { !rejected.contains($0.fix.edits) }
            var chosen = Self.choose(candidates)
            if oneAtATime { chosen = Array(chosen.prefix(1)) }
            oneAtATime = false
            if chosen.isEmpty { break }
            let before = Self.duplicateKeys(in: current.bytes) ?? 0
            guard let bytes = try? TextEdits.apply(chosen.flatMap(\.fix.edits), to: current.bytes),
                  let after = Self.duplicateKeys(in: bytes), after <= before else {
                if chosen.count == 1 { rejected.append(chosen[0].fix.edits) }
                oneAtATime = true
                continue
            }
            let next = SourceFile(path: current.path, bytes: bytes)
            applied += chosen.map(\.fix)
            fixedCount += chosen.reduce(0) { $0 + $1.findings }
            current = next
            diagnostics = validator.validate(next).diagnostics
        }
        let unsafeLeft: Int
        if includeUnsafe {
            unsafeLeft = 0
        } else if let document = FixDocument(current) {
            unsafeLeft = diagnostics.filter { Rules.fix(for: $0, in: document)?.applicability == .unsafe }.count
        } else {
            unsafeLeft = 0
        }
        return Outcome(original: source, fixed: current, applied: applied, fixedCount: fixedCount,
                       remaining: diagnostics, unsafeFixable: unsafeLeft)
    }

    /// How many duplicate keys the bytes hold, or nil when they are not JSON.
    static func duplicateKeys(in bytes: [UInt8]) -> Int? {
        guard case .success(let document) = ScannedDocument.scan(SourceFile(path: "", bytes: bytes)) else { return nil }
        return document.duplicateKeys.count
    }

    /// The allowed fix of each finding; findings whose fixes are identical share one.
    func fixes(for diagnostics: [Diagnostic], in document: FixDocument) -> [(fix: Fix, findings: Int)] {
        var found: [(fix: Fix, findings: Int)] = []
        for diagnostic in diagnostics {
            guard let fix = Rules.fix(for: diagnostic, in: document),
                  fix.applicability == .safe || includeUnsafe else { continue }
            if let index = found.firstIndex(where: { $0.fix.edits == fix.edits }) {
                found[index].findings += 1
            } else {
                found.append((fix, 1))
            }
        }
        return found
    }

    /// The fixes to apply in one pass: in file order, each one that touches no fix already taken.
    static func choose(_ candidates: [(fix: Fix, findings: Int)]) -> [(fix: Fix, findings: Int)] {
        var taken: [(fix: Fix, findings: Int)] = []
        let ordered = candidates.sorted {
            ($0.fix.edits.map(\.range.lowerBound).min() ?? 0) < ($1.fix.edits.map(\.range.lowerBound).min() ?? 0)
        }
        for candidate in ordered where !taken.contains(where: { $0.fix.conflicts(with: candidate.fix) }) {
            taken.append(candidate)
        }
        return taken
    }
}
