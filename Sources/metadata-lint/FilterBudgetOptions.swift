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
