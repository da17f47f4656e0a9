import ArgumentParser
import Foundation
import JQ
import MetadataLint

/// Only used if a --where filter that compiled once fails to compile on a worker (it cannot).
struct RejectAll: RecordFilter {
    mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { false }
}

struct CheckArtifactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-artifacts",
        abstract: "Stream extracted-data artifacts (JSONL, .jsonl.gz, pretty-printed JSON) against the metadata.",
        discussion: """
        Each PATH is a file or a directory (its *.jsonl, *.jsonl.gz and *.json files). The item type \
        comes from --item-type or the file name: <type>.jsonl[.gz], extractor_<type>_<digits>.jsonl, \
        <type>-<n>.jsonl.gz, <type>_<n>.jsonl. References are resolved across all the files given.
        """
    )

    @Option(name: .long, help: "The external_domain_metadata.json to check against.")
    var metadata: String

    @Option(name: .long, help: "Item type of every file given (default: from each file name).")
    var itemType: String?

    @Option(name: .long, help: "Worker threads (default: one per core). Files of one item type share a worker.")
    var workers: Int?

    @Option(name: .long, help: "Check only the records for which this jq filter is truthy.")
    var `where`: String?

    @Flag(name: .long, help: "Print records, references and reference-index memory to stderr.")
    var stats = false

    @Argument(help: "Artifact files or directories.")
    var paths: [String]

    @OptionGroup var output: OutputOptions

    @OptionGroup var recordLimits: RecordLimitOptions

    @OptionGroup var budgets: FilterBudgetOptions

    @Flag(name: .long, help: "Skip files an ignore pattern matches even when they are named on the command line.")
    var forceExclude = false

    static let perFieldLimit = 20
    static let progressThreshold = 8 << 20

    func run() throws {
        var config = try output.loadConfig()
        try recordLimits.apply(to: &config.limits)
        try budgets.apply(to: &config.limits)
        var options = ArtifactCheck.Options(metadataPath: metadata, paths: paths, itemType: itemType)
        options.policy = config.policy
        options.customRules = config.customRules
        options.config = config
        options.limits = config.limits
        options.forceExclude = forceExclude
        if let program = `where` {
            let whereOptions = config.limits.whereOptions
            do throws(JQError) {
                _ = try JQRecordFilter(program, options: whereOptions)
            } catch {
                FileHandle.standardError.write(Data(("--where: " + error.message + "\n").utf8))
                throw ExitCode(2)
            }
            options.recordFilter = { (try? JQRecordFilter(program, options: whereOptions)).map { $0 as any RecordFilter } ?? RejectAll() }
        }
        options.cap = output.format == .text ? Self.perFieldLimit : nil
        if let workers {
            guard workers >= 1 else { throw ValidationError("--workers must be 1 or more") }
            options.workers = workers
        }
        if isatty(STDERR_FILENO) != 0 {
            options.progress = { done, total in
                guard total > Self.progressThreshold else { return }
                let percent = min(100, done * 100 / max(total, 1))
                FileHandle.standardError.write(Data("\rchecking: \(percent)% of \(total >> 20) MB".utf8))
            }
        }
        let result: ArtifactCheck.Result
        do throws(InputError) {
            result = try ArtifactCheck.run(options)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        if options.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if stats {
            let records = result.recordCounts.values.reduce(0, +)
            FileHandle.standardError.write(Data("stats: \(records) records, \(result.pendingReferences) references, reference index \(result.indexBytes >> 20) MiB\n".utf8))
        }
        var footer = IgnoredFiles.footer(ignored: result.ignored, checkedAnyway: result.ignoredButNamed)
        footer += result.omitted.map { key, count -> String in
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            return "… and \(count) more [\(parts[0])]" + (parts.count > 1 ? " at \(parts[1])" : "")
        }
        if result.metadataFailed {
            footer.append("the metadata has errors: fix them first; no artifact was checked")
        } else {
            let types = result.recordCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            footer.append("records: \(types.isEmpty ? "none" : types.joined(separator: ", "))")
        }
        let code = output.emit(result.diagnostics, totals: (result.errors, result.warnings, result.notes),
                               files: result.files, rules: config.allRules, footer: footer)
        if code != 0 { throw ExitCode(code) }
    }
}
