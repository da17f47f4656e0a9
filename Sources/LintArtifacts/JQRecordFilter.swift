import JQ
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// `check-artifacts --where`: checks only records for which a jq filter is truthy.
public struct JQRecordFilter: RecordFilter {
    let filter: JQFilter

    public init(_ program: String) throws(JQError) {
        filter = try JQFilter(program)
    }

    /// The filter for one worker. `program` compiled once already, when the options were checked;
    /// should it fail now, every record is checked rather than none.
    public static func compiled(_ program: String) -> any RecordFilter {
        do throws(JQError) {
            return try JQRecordFilter(program)
        } catch {
            return AcceptAll()
        }
    }

    public mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? filter.isTruthy(json: bytes)) ?? false
    }
}

struct AcceptAll: RecordFilter {
    mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { true }
}

/// Custom artifact rules compiled for one worker thread.
struct CompiledArtifactRule {
    let rule: CustomRule
    let info: RuleInfo
    let filter: JQFilter

    static func compile(_ rules: [CustomRule]) -> [CompiledArtifactRule] {
        rules.filter { $0.target == .artifacts }.compactMap { rule in
            guard let filter = try? JQFilter(rule.filter) else { return nil }
            return CompiledArtifactRule(rule: rule, info: rule.info, filter: filter)
        }
    }

    func applies(to itemType: String) -> Bool { rule.itemTypes?.contains(itemType) ?? true }
}
