import ArgumentParser
import Foundation
import JQ
import MetadataLint

struct CheckArtifactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-artifacts",
        abstract: "Stream extracted-data artifacts (JSONL, .jsonl.gz, pretty-printed JSON) against the metadata.",
        discussion: """
        Each PATH is a file or a directory (its *.jsonl, *.jsonl.gz and *.json files). The item type \
        comes from --item-type or the file name: <type>.jsonl[.gz], extractor_<type>_<digits>.jsonl, \
        <type>-<n>.jsonl.gz, <type>_<n>.jsonl. References are resolved across all the files given. \
        The metadata the SDK writes beside local extractor output \
        (extractor_external_domain_metadata_<ms>.json) is validated as metadata, and is what the data \
        are checked against when --metadata is not given (the newest, if there are several).
        """
    )

    @Option(name: .long, help: "The external_domain_metadata.json to check against (default: the extractor's extractor_external_domain_metadata_<ms>.json among the paths).")
    var metadata: String?

    @Option(name: .long, help: "An initial_domain_mapping.json: checked against the metadata, and its jq programs and map_enum run on the records.")
    var mapping: String?

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

    @OptionGroup(title: "Limits") var recordLimits: RecordLimitOptions

    @OptionGroup(title: "Limits") var budgets: FilterBudgetOptions

    func run() throws {
        // One run, one config: the one that governs the first artifact path (the ignore patterns
        // apply to the data; the metadata may live elsewhere).
        var config = try output.loadConfig(near: paths.first)
        try recordLimits.apply(to: &config.limits)
        try budgets.apply(to: &config.limits)
        var options = ArtifactCheck.Options(metadataPath: metadata, paths: paths, itemType: itemType)
        options.mappingPath = mapping
        if let program = `where` {
            let whereOptions = config.limits.whereOptions
            do throws(JQError) {
                _ = try JQRecordFilter(program, options: whereOptions)
            } catch {
                FileHandle.standardError.write(Data(("--where: " + error.message + "\n").utf8))
                throw ExitCode(2)
            }
            options.recordFilter = JQRecordFilter.factory(program, options: whereOptions)
        }
        options.cap = output.format.allSatisfy { $0.format == .text } ? CheckArtifacts.perFieldLimit : nil
        if let workers {
            guard workers >= 1 else { throw ValidationError("--workers must be 1 or more") }
            options.workers = workers
        }
        let progress = TerminalProgress.onStandardError()
        if let progress { options.progress = { progress.update(done: $0, total: $1) } }
        let report: Report
        do throws(InputError) {
            report = try CheckArtifacts.run(options, config: config, exclusion: output.exclusion(named: true))
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        progress?.finish()
        if stats, let stats = report.statistics {
            FileHandle.standardError.write(Data("stats: \(stats.records) records, \(stats.references) references, reference index \(stats.indexBytes >> 20) MiB\n".utf8))
        }
        try output.finish(report)
    }
}
