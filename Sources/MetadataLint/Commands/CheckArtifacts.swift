import Foundation
import LintArtifacts
import LintReport
import LintRules
import LintSource
import LintSupport

/// `metadata-lint check-artifacts`: the metadata, then every artifact, into one report.
public enum CheckArtifacts {
    /// Diagnostics shown per rule and field in text output; the rest are counted.
    public static let perFieldLimit = 20

    /// `exclusion`: whether the config's ignore patterns skip the paths named too (`--force-exclude`);
    /// files found in the directories named are skipped when a pattern matches them either way.
    /// The `--metadata` and `--mapping` files are always read.
    public static func run(_ options: ArtifactCheck.Options, config: Config,
                           exclusion mode: InputExclusion.Mode = .exceptNamed) throws(InputError) -> Report {
        var options = options
        options.policy = config.policy
        options.customRules = config.customRules
        options.apply(config.limits)
        options.devrevObjectTable = config.devrevObjectTable
        let spool = try StandardInputSpool(options.paths, itemType: options.itemType)
        defer { spool?.remove() }
        if let spool { options.paths = options.paths.map { $0 == "-" ? spool.path : $0 } }
        let exclusion = InputExclusion(config: config, named: options.paths, mode: mode)
        options.isIgnored = { exclusion.skips($0) }
        var result = try ArtifactCheck.run(options)
        if let itemType = options.itemType, result.diagnostics.contains(where: { $0.rule == Rules.unknownItemType.id }) {
            let known = result.knownItemTypes
            let hint = Suggest.didYouMean(itemType, in: known) ?? "use one of \(known.joined(separator: ", "))"
            throw InputError(path: "--item-type \"\(itemType)\"", reason: "not a record type of the metadata nor a reserved item type: \(hint)")
        }
        if let spool {
            for k in result.diagnostics.indices where result.diagnostics[k].file == spool.path {
                result.diagnostics[k].file = "<stdin>"
            }
        }
        var report = Report(diagnostics: result.diagnostics,
                            totals: Report.Totals(errors: result.errors, warnings: result.warnings, notes: result.notes),
                            files: result.files, rules: config.allRules)
        report.omitted = result.omitted
        report.ignored = result.ignored
        report.checkedDespiteIgnore = exclusion.checkedAnyway(options.paths)
        report.unlisted = result.unkept
        report.category = "metadata-lint/check-artifacts"
        report.records = result.metadataFailed ? nil : result.recordCounts
        report.metadataFailed = result.metadataFailed
        report.sources = result.sources
        report.statistics = Report.Statistics(records: result.recordCounts.values.reduce(0, +),
                                              references: result.pendingReferences, indexBytes: result.indexBytes)
        return report
    }
}

/// `check-artifacts -`: standard input copied to a temporary file first, since dangling references
/// are placed by reading their file a second time.
struct StandardInputSpool {
    let path: String

    init?(_ paths: [String], itemType: String?) throws(InputError) {
        guard paths.contains("-") else { return nil }
        guard itemType != nil else {
            throw InputError(path: "-", reason: "standard input has no file name to take the item type from: pass --item-type")
        }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("metadata-lint-stdin-\(ProcessInfo.processInfo.processIdentifier).jsonl").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw InputError(path: "-", reason: "cannot create a temporary file to hold standard input")
        }
        defer { try? out.close() }
        let input = FileHandle.standardInput
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            out.write(chunk)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
