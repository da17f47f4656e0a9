import Foundation
import JQ
import LintArtifacts

/// What one record and one filter run may cost. Set under `limits:` in `.metadata-lint.yml` or by
/// command-line flags (which win); passing a limit is a finding (record-too-large, filter-limit),
/// never exhaustion.
public struct Limits: Sendable, Equatable {
    public var maxRecordBytes = RecordStream.defaultMaxRecordBytes
    public var maxRecordValues = RecordStream.defaultMaxRecordValues
    /// Time budget of one run of a custom rule or --where filter, in seconds.
    public var filterSeconds = JQOptions.defaultTimeBudget
    /// Memory the process may grow by during one run of a filter.
    public var filterMemoryBytes = JQOptions.defaultMemoryBudget

    public init() {}

    /// Options for filters from a config file: isolated, with these budgets.
    public var configRuleOptions: JQOptions {
        JQOptions.configRule(timeBudget: filterSeconds, memoryBudget: filterMemoryBytes)
    }

    /// Options for `--where` (the user's own filter): budgets, but not isolated.
    public var whereOptions: JQOptions {
        JQOptions(timeBudget: filterSeconds, memoryBudget: filterMemoryBytes)
    }

    public static let keys = ["max-record-bytes", "max-record-values", "filter-time", "filter-memory"]

    /// The largest size a limit takes (1 PiB): more is surely a mistake, and sums with it stay
    /// far from overflowing.
    public static let maxBytes = 1 << 50

    /// Reads a size: a whole number of bytes, or a number with KiB, MiB or GiB ("16 MiB").
    public static func parseBytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
        for (unit, scale) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard let value = Int(number), value > 0 else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: scale)
            return overflow || product > maxBytes ? nil : product
        }
        guard let value = Int(trimmed), value > 0, value <= maxBytes else { return nil }
        return value
    }

    /// Reads a duration in seconds: "2", "2s", "500ms", "1.5 s".
    public static func parseSeconds(_ text: String) -> Double? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if trimmed.hasSuffix("ms") {
            trimmed = String(trimmed.dropLast(2))
            scale = 0.001
        } else if trimmed.hasSuffix("s") {
            trimmed = String(trimmed.dropLast())
        }
        guard let value = Double(trimmed.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0 else { return nil }
        let seconds = value * scale
        return seconds >= 0.001 && seconds <= 86_400 ? seconds : nil
    }
}

extension ArtifactCheck.Options {
    /// Record limits and custom-rule budgets from `limits` (the config's, with the flags over them).
    public mutating func apply(_ limits: Limits) {
        customRuleOptions = limits.configRuleOptions
        recordLimits.maxRecordBytes = limits.maxRecordBytes
        recordLimits.maxRecordValues = limits.maxRecordValues
    }
}
