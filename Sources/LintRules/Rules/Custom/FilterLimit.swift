import JQ
import LintModel
import LintSupport

extension Rules {
    public static let filterLimit = RuleInfo(
        id: "filter-limit", group: .custom, severity: .error,
        docs: RuleDocs(
            what: "A custom rule or --where filter passed its time or memory budget and was stopped.",
            why: """
            Custom rules and --where filters are jq programs, and a jq program can run forever \
            (repeat, until, recursion) or build values without end; in CI that is a job that hangs \
            until it times out, or a runner that runs out of memory. Each run of a filter (on one \
            record, or on the metadata file) gets a time budget (10 s by default) and a memory \
            budget (1 GiB of growth of the process by default). A run past either is stopped between \
            two jq instructions and reported here; the filter is not run again in that check (after \
            --where stops, every later record is checked) and the other rules go on. libjq running \
            out of memory is reported the same way.
            """,
            example: """
            custom-rules:
              - id: never-ends
                on: artifacts
                message: waits for a value that never comes
                filter: last(repeat(1))
            """,
            fix: """
            Make the filter end sooner (bound repeat and until, select before building arrays), or \
            raise filter-time or filter-memory under limits: in .metadata-lint.yml, or with \
            --filter-time / --filter-memory.
            """))
}

/// A filter run that passed a budget (or made libjq run out of memory) and was stopped.
public struct FilterLimit: RuleViolation {
    public static var rule: RuleInfo { Rules.filterLimit }

    public enum Filter: Sendable, Equatable {
        /// A custom rule of the config file, by id.
        case customRule(id: String)
        /// check-artifacts --where.
        case whereFilter
    }

    public enum Limit: Sendable, Equatable {
        case time(seconds: Double)
        case memory(bytes: Int)
        /// libjq could not allocate a value.
        case outOfMemory
        /// libjq failed an assertion right after the halt.
        case aborted
    }

    /// What one run covered: a record, or the whole file (metadata and mapping rules).
    public enum Scope: Sendable, Equatable { case record, file }

    public var filter: Filter
    public var limit: Limit
    public var scope: Scope

    public init(filter: Filter, limit: Limit, scope: Scope) {
        self.filter = filter
        self.limit = limit
        self.scope = scope
    }

    /// The finding for `error`, which a run under `options` threw; nil when the filter's own logic,
    /// not a limit, ended it.
    public init?(filter: Filter, error: JQError, options: JQOptions, scope: Scope) {
        let limit: Limit
        switch error.kind {
        case .timeBudget: limit = .time(seconds: options.timeBudget ?? 0)
        case .memoryBudget: limit = .memory(bytes: options.memoryBudget ?? 0)
        case .outOfMemory: limit = .outOfMemory
        case .aborted: limit = .aborted
        default: return nil
        }
        self.init(filter: filter, limit: limit, scope: scope)
    }

    public var message: String {
        let who: String
        switch filter {
        case .customRule(let id): who = "custom rule \"\(id)\""
        case .whereFilter: who = "the --where filter"
        }
        let place = scope == .record ? "this record" : "this file"
        let what: String
        switch limit {
        case .time(let seconds):
            what = "ran longer than its time budget of \(JQLimitText.seconds(seconds)) on \(place) and was stopped"
        case .memory(let bytes):
            what = "grew the process by more than its memory budget of \(JQLimitText.bytes(bytes)) on \(place) and was stopped"
        case .outOfMemory:
            what = "made libjq run out of memory on \(place) (it builds a value too large to allocate) and was stopped"
        case .aborted:
            what = "was stopped on \(place), and libjq then failed an internal assertion"
        }
        let after: String
        switch (filter, scope) {
        case (.whereFilter, _): after = "every later record is checked without it"
        case (.customRule, .record): after = "it is not run again in this check, the other rules go on"
        case (.customRule, .file): after = "the other rules ran as usual"
        }
        let advice: String
        switch limit {
        case .time: advice = "make the filter end sooner, or raise filter-time under limits in .metadata-lint.yml (or pass --filter-time)"
        case .memory: advice = "make the filter build smaller values, or raise filter-memory under limits in .metadata-lint.yml (or pass --filter-memory)"
        case .outOfMemory, .aborted: advice = "make the filter build smaller values"
        }
        return "\(who) \(what); \(after): \(advice)"
    }
}
