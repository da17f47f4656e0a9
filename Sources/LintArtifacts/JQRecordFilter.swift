import Foundation
import JQ
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// `check-artifacts --where`: checks only records for which a jq filter is truthy. A run past its
/// budget checks its record (nothing is left out silently), is reported at that record
/// (filter-limit), and turns the filter off for the rest of the check: every later record is checked.
public struct JQRecordFilter: RecordFilter {
    let filter: JQFilter
    /// Shared by the copies the workers make of one filter.
    let stop: FilterStop
    /// Where a run past a budget is reported: the worker's checker, at the record being read.
    var checker: RecordChecker?

    /// Compiles `program` (the user's own filter: `$ENV` and `debug` work; modules only with a
    /// library path in `options`).
    public init(_ program: String, options: JQOptions = JQOptions()) throws(JQError) {
        self.init(filter: try JQFilter(program, options: options), stop: FilterStop())
    }

    init(filter: JQFilter, stop: FilterStop) {
        self.filter = filter
        self.stop = stop
    }

    /// Makes the filter for each worker (libjq is not thread-safe), all sharing one stop. The
    /// program compiled once already, when the options were checked; should it fail now, every
    /// record is checked rather than none.
    public static func factory(_ program: String, options: JQOptions) -> @Sendable () -> any RecordFilter {
        let stop = FilterStop()
        return {
            do throws(JQError) {
                return JQRecordFilter(filter: try JQFilter(program, options: options), stop: stop)
            } catch {
                return AcceptAll()
            }
        }
    }

    public mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if stop.isStopped { return true }
        do throws(JQError) {
            return try filter.isTruthy(json: bytes)
        } catch {
            guard let limit = FilterLimit(filter: .whereFilter, error: error, options: filter.options, scope: .record) else {
                // A runtime error is not truthy, as `select` has it.
                return false
            }
            stop.stop()
            checker?.reportAtRecord(limit)
            return true
        }
    }
}

extension JQRecordFilter: CheckerBound {
    mutating func bind(to checker: RecordChecker) { self.checker = checker }
}

struct AcceptAll: RecordFilter {
    mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { true }
}

/// A record filter that reports on the checker of the worker it runs on.
protocol CheckerBound {
    mutating func bind(to checker: RecordChecker)
}

enum BoundRecordFilter {
    static func bind(_ filter: any RecordFilter, to checker: RecordChecker) -> any RecordFilter {
        guard var bound = filter as? any RecordFilter & CheckerBound else { return filter }
        bound.bind(to: checker)
        return bound
    }
}

/// Set once a filter passes a budget; shared by every worker's copy of that filter, so it is not
/// run again anywhere in the check.
final class FilterStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// One stop per custom artifact rule, by id.
    static func perRule(_ rules: [CustomRule]) -> [String: FilterStop] {
        Dictionary(rules.filter { $0.target == .artifacts }.map { ($0.id, FilterStop()) }, uniquingKeysWith: { first, _ in first })
    }
}

extension RecordChecker {
    /// Reports at the first column of the record being read.
    func reportAtRecord(_ violation: FilterLimit) {
        diagnostics.add(violation, file: file, line: recordLine, column: 1, pointer: "")
    }
}

/// Custom artifact rules compiled for one worker thread. The config loader compiled each once
/// already; should one fail here, every record it applies to reports the failure.
struct CompiledArtifactRule {
    let rule: CustomRule
    let filter: Result<BudgetedRuleFilter, JQError>

    static func compile(_ rules: [CustomRule], options: JQOptions, stops: [String: FilterStop],
                        checker: RecordChecker) -> [CompiledArtifactRule] {
        rules.filter { $0.target == .artifacts }.map { rule in
            do throws(JQError) {
                let filter = try JQFilter(rule.filter, options: options)
                let budgeted = BudgetedRuleFilter(ruleID: rule.id, filter: filter, stop: stops[rule.id] ?? FilterStop(), checker: checker)
                return CompiledArtifactRule(rule: rule, filter: .success(budgeted))
            } catch {
                return CompiledArtifactRule(rule: rule, filter: .failure(error))
            }
        }
    }

    func applies(to itemType: String) -> Bool { rule.itemTypes?.contains(itemType) ?? true }
}

/// A custom artifact rule's filter, run within its budgets. A run past one is reported at the
/// record being read (filter-limit) and stops the rule for the rest of the check, on every worker;
/// the record, like every later one, is then not flagged by it. Other failures are the caller's.
final class BudgetedRuleFilter {
    let ruleID: String
    let filter: JQFilter
    let stop: FilterStop
    let checker: RecordChecker

    init(ruleID: String, filter: JQFilter, stop: FilterStop, checker: RecordChecker) {
        self.ruleID = ruleID
        self.filter = filter
        self.stop = stop
        self.checker = checker
    }

    func isTruthy(json bytes: UnsafeBufferPointer<UInt8>) throws(JQError) -> Bool {
        if stop.isStopped { return false }
        do throws(JQError) {
            return try filter.isTruthy(json: bytes)
        } catch {
            guard let limit = FilterLimit(filter: .customRule(id: ruleID), error: error, options: filter.options, scope: .record) else {
                throw error
            }
            stop.stop()
            checker.reportAtRecord(limit)
            return false
        }
    }
}
