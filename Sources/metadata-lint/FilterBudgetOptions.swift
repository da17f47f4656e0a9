import ArgumentParser
import MetadataLint

/// Budgets of custom rules and --where filters, over those of `.metadata-lint.yml`.
struct FilterBudgetOptions: ParsableArguments {
    @Option(name: .long, help: "Time budget of one run of a custom rule or --where filter: seconds, or e.g. 500ms (default 10).")
    var filterTime: String?

    @Option(name: .long, help: "Memory the process may grow by during one filter run: bytes, or e.g. 512MiB (default 1GiB).")
    var filterMemory: String?

    func validate() throws {
        var scratch = Limits()
        try apply(to: &scratch)
    }

    func apply(to limits: inout Limits) throws {
        if let filterTime {
            guard let seconds = Limits.parseSeconds(filterTime) else {
                throw ValidationError("--filter-time \(filterTime): use seconds such as 10, 2.5s or 500ms")
            }
            limits.filterSeconds = seconds
        }
        if let filterMemory {
            guard let bytes = Limits.parseBytes(filterMemory) else {
                throw ValidationError("--filter-memory \(filterMemory): use a size such as 512MiB or a number of bytes")
            }
            limits.filterMemoryBytes = bytes
        }
    }
}

/// Limits of one artifact record, over those of `.metadata-lint.yml`.
struct RecordLimitOptions: ParsableArguments {
    @Option(name: .long, help: "Largest record read: bytes, or e.g. 64MiB (default 16MiB); a larger one is a record-too-large finding.")
    var maxRecordBytes: String?

    @Option(name: .long, help: "Most JSON values in one record (default 1000000).")
    var maxRecordValues: Int?

    func validate() throws {
        var scratch = Limits()
        try apply(to: &scratch)
    }

    func apply(to limits: inout Limits) throws {
        if let maxRecordBytes {
            guard let bytes = Limits.parseBytes(maxRecordBytes) else {
                throw ValidationError("--max-record-bytes \(maxRecordBytes): use a size such as 64MiB or a number of bytes")
            }
            limits.maxRecordBytes = bytes
        }
        if let maxRecordValues {
            guard maxRecordValues > 0 else { throw ValidationError("--max-record-values must be 1 or more") }
            limits.maxRecordValues = maxRecordValues
        }
    }
}

/// The summary lines about files an ignore pattern matches.
enum IgnoredFiles {
    static func footer(ignored: [String], checkedAnyway: [String]) -> [String] {
        var lines: [String] = []
        if !ignored.isEmpty {
            lines.append("ignored \(count(ignored.count)) matching an ignore pattern of the config: \(list(ignored))")
        }
        if !checkedAnyway.isEmpty {
            lines.append("checked \(count(checkedAnyway.count)) named on the command line although an ignore pattern matches (--force-exclude skips them): \(list(checkedAnyway))")
        }
        return lines
    }

    static func count(_ n: Int) -> String { n == 1 ? "1 file" : "\(n) files" }

    static func list(_ paths: [String]) -> String {
        paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", …" : "")
    }
}
