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

/// Custom artifact rules compiled for one worker thread. The config loader compiled each once
/// already; should one fail here, every record it applies to reports the failure.
struct CompiledArtifactRule {
    let rule: CustomRule
    let filter: Result<JQFilter, JQError>

    static func compile(_ rules: [CustomRule]) -> [CompiledArtifactRule] {
        rules.filter { $0.target == .artifacts }.map { rule in
            do throws(JQError) {
                return CompiledArtifactRule(rule: rule, filter: .success(try JQFilter(rule.filter)))
            } catch {
                return CompiledArtifactRule(rule: rule, filter: .failure(error))
            }
        }
    }

    func applies(to itemType: String) -> Bool { rule.itemTypes?.contains(itemType) ?? true }
}
