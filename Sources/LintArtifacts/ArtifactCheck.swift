import Dispatch
import Foundation
import JQ
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// `check-artifacts`: validates the metadata, then streams every artifact against it on all cores,
/// then resolves references across all the files.
public struct ArtifactCheck {
    public struct Options {
        /// The metadata to check against; nil: the extractor's own copy among the paths
        /// (`extractor_external_domain_metadata_<ms>.json`, the newest when there are several).
        public var metadataPath: String?
        public var paths: [String]
        public var itemType: String?
        public var policy = RulePolicy()
        /// Keep at most this many diagnostics per rule and field (text output); nil keeps all.
        public var cap: Int? = nil
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        public var progress: ((Int, Int) -> Void)? = nil
        /// Decides per record whether to check it (`--where`); nil checks every record.
        public var recordFilter: (@Sendable () -> any RecordFilter)? = nil
        public var customRules: [CustomRule] = []
        /// How custom rules run: isolated, with the time and memory budgets of `limits:`.
        public var customRuleOptions = JQOptions.configRuleDefaults
        /// Uncompressed JSONL files at least this large are split between workers.
        public var minimumSplitSize = WorkPlan.minimumSplitSize
        /// Files found in directories for which this returns true are skipped (config `ignore`).
        public var isIgnored: @Sendable (String) -> Bool = { _ in false }
        /// `--mapping`: an initial_domain_mapping.json, validated against the metadata and probed on the data.
        public var mappingPath: String? = nil
        /// False with `devrev-object-table: off`.
        public var devrevObjectTable = true
        /// What the mapping runs on each record (set from `mappingPath`).
        package var mappingProbes: [MappingDataProbe] = []
        /// Record size and value-count limits (a record over them is reported and skipped).
        package var recordLimits = RecordLimits()
        /// Memory each worker's reference index may hold before it spills to temporary files.
        var referenceBudget = ReferenceIndex.defaultBudget
        /// Test hook: id and reference hashes are masked with this to force collisions.
        var referenceHashMask: UInt64 = ~0
        /// Clean records are checked in one pass over their bytes (`CleanRecordPass`); false (or
        /// METADATA_LINT_NO_CLEAN_PASS=1) sends every record through the scanner and the checker.
        package var cleanPass = CleanRecordPass.enabledByDefault

        public init(metadataPath: String?, paths: [String], itemType: String? = nil) {
            self.metadataPath = metadataPath
            self.paths = paths
            self.itemType = itemType
        }
    }

    public struct Result {
        public var diagnostics: [Diagnostic]
        /// "rule field" keys whose diagnostics were cut by the cap, with how many were left out.
        public var omitted: [Omission]
        public var recordCounts: [String: Int]
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        /// True when the metadata could not be read into a model, so no data was checked.
        public var metadataFailed: Bool
        public var files: Int
        /// The metadata documents read (the one used and the extractor's copies), for snippets.
        public var sources: [String: SourceFile] = [:]
        /// Bytes held by the reference index (id and identifier sets, pending references) at its peak.
        public var indexBytes = 0
        public var pendingReferences = 0
        /// Records the one-pass check accepted (the rest were scanned and checked field by field).
        public var cleanRecords = 0
        /// Record types of the metadata and the reserved item types.
        public var knownItemTypes: [String] = []
        /// Files `Options.isIgnored` skipped.
        public var ignored: [String] = []
        /// Diagnostics counted in the totals but not kept (past DiagnosticCollector.maxKept).
        public var unkept = 0
    }

    struct Artifact {
        var path: String
        var itemType: String
        var size: Int
        var number: Int32
    }

    public static func run(_ options: Options) throws(InputError) -> Result {
        let expansion = try ArtifactFiles.expand(options.paths, excluding: options.metadataPath)
        let files = expansion.files
        let ignored = files.map(\.path).filter(options.isIgnored)
        let ignoredPaths = Set(ignored)
        let copies = ArtifactFiles.metadataCopies(files.filter { !options.isIgnored($0.path) })
        let collector = DiagnosticCollector(policy: options.policy, cap: options.cap)
        for skipped in expansion.skipped where skipped.named || !options.isIgnored(skipped.path) {
            collector.add(skipped.why, file: skipped.path, line: 0, column: 0, pointer: "")
        }
        let (validation, sources) = try validateMetadata(options, copies: copies, into: collector)
        // Only metadata that cannot be read into a model stops the data check; other metadata
        // errors are reported beside the data's.
        guard let metadata = validation.metadata, metadata.isReadable else {
            let (diagnostics, omitted) = collector.finish()
            return Result(diagnostics: diagnostics, omitted: omitted, recordCounts: [:], errors: collector.errors,
                          warnings: collector.warnings, notes: collector.notes, metadataFailed: true, files: sources.count,
                          sources: sources, ignored: ignored, unkept: collector.unkept)
        }
        let schema = ArtifactSchema(metadata)
        let copyPaths = Set(copies.map(\.path))
        var options = options
        if let mappingPath = options.mappingPath {
            let step = try MappingStep(mappingPath, options: options, metadata: metadata, metadataSource: validation.source)
            for diagnostic in step.diagnostics { collector.add(diagnostic) }
            options.mappingProbes = step.probes
        }
        let dataFiles = files.filter { !MappingStep.isMappingFile($0.path, options) }
        let resolver = ItemTypeResolver(recordTypes: metadata.recordTypes.map(\.key))
        var artifacts: [Artifact] = []
        for (number, file) in dataFiles.enumerated() {
            if options.isIgnored(file.path) || copyPaths.contains(file.path) { continue }
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            let itemType = options.itemType ?? resolver.resolve(fileName: name)
            guard let itemType, resolver.known.contains(itemType) else {
                collector.add(UnknownItemType(given: options.itemType, fileName: name, known: resolver.known),
                              file: file.path, line: 0, column: 0, pointer: "")
                continue
            }
            artifacts.append(Artifact(path: file.path, itemType: itemType, size: file.size, number: Int32(number)))
        }

        let workerCount = max(1, options.workers)
        let plan = WorkPlan(artifacts, workers: workerCount, minimumSplitSize: options.minimumSplitSize)
        let references = ReferenceResolver(schema: schema, typesGiven: Set(artifacts.map(\.itemType)), files: dataFiles.map(\.path))
        let workers = runWorkers(plan, metadata: metadata, options: options, references: references,
                                 workerCount: max(1, min(workerCount, plan.jobs.count)))
        var counts: [String: Int] = [:]
        let indexBytes = workers.reduce(0) { $0 + $1.index.memoryBytes }
        let pendingReferences = workers.reduce(0) { $0 + $1.index.pendingCount }
        var chunkLines: [Int32: Int] = [:]
        for worker in workers {
            collector.merge(worker.diagnostics)
            for (type, count) in worker.recordCounts { counts[type, default: 0] += count }
            chunkLines.merge(worker.chunkLines) { a, _ in a }
        }
        var linesBefore: [Int32: Int] = [:]
        for chunks in plan.chunksByFile.values {
            var total = 0
            for chunk in chunks {
                linesBefore[chunk] = total
                total += chunkLines[chunk] ?? 0
            }
        }
        collector.shiftLines(by: linesBefore)
        references.resolve(workers.map(\.index), workers: workerCount, into: collector)
        let (diagnostics, omitted) = collector.finish()
        return Result(diagnostics: diagnostics, omitted: omitted, recordCounts: counts, errors: collector.errors,
                      warnings: collector.warnings, notes: collector.notes, metadataFailed: false, files: dataFiles.filter { !ignoredPaths.contains($0.path) }.count,
                      sources: sources, indexBytes: indexBytes, pendingReferences: pendingReferences,
                      cleanRecords: workers.reduce(0) { $0 + $1.cleanRecords }, knownItemTypes: resolver.known,
                      ignored: ignored, unkept: collector.unkept)
    }

    /// Validates the metadata (--metadata, else the newest copy) and every copy the extractor
    /// wrote among the paths, each with every metadata rule and positions in its own file.
    static func validateMetadata(_ options: Options, copies: [ArtifactFiles.MetadataCopy],
                                 into collector: DiagnosticCollector) throws(InputError) -> (MetadataValidator.Result, [String: SourceFile]) {
        var validator = MetadataValidator(policy: options.policy, customRules: options.customRules.filter { $0.target == .metadata })
        validator.customRuleOptions = options.customRuleOptions
        let source: SourceFile
        if let given = options.metadataPath {
            source = try InputFile.read(given)
        } else if let newest = copies.last {
            source = try ArtifactFiles.readDocument(newest.path)
        } else {
            throw ArtifactFiles.noMetadata(in: options.paths)
        }
        let validation = validator.validate(source)
        var sources = [source.path: source]
        for diagnostic in validation.diagnostics { collector.add(diagnostic) }
        for copy in copies where options.metadataPath != nil || copy.path != copies.last?.path {
            let copySource = try ArtifactFiles.readDocument(copy.path)
            let copyValidation = validator.validate(copySource)
            sources[copySource.path] = copySource
            for diagnostic in copyValidation.diagnostics { collector.add(diagnostic) }
            guard let given = options.metadataPath, copy.path == copies.last?.path,
                  let pushed = copyValidation.metadata?.root, let used = validation.metadata?.root,
                  let difference = pushed.firstDifference(from: used) else { continue }
            let (line, column) = copySource.lines.location(of: difference.node.offset, in: copySource.bytes)
            collector.add(MetadataCopyDiffers(metadataPath: given, pointer: difference.pointer), file: copySource.path,
                          line: line, column: column, pointer: difference.pointer)
        }
        if options.metadataPath == nil, let newest = copies.last, copies.count > 1 {
            collector.add(MetadataCopyChosen(others: copies.dropLast().map(\.path)), file: newest.path, line: 0, column: 0,
                          pointer: "")
        }
        return (validation, sources)
    }

    /// Cuts the work into jobs, spreads them over the workers and runs them concurrently.
    static func runWorkers(_ plan: WorkPlan, metadata: Metadata, options: Options, references: ReferenceResolver,
                           workerCount: Int) -> [RecordChecker] {
        let box = WorkerBox(count: workerCount, total: plan.jobs.reduce(0) { $0 + $1.size }, progress: options.progress)
        let policy = options.policy
        let cap = options.cap
        let filterFactory = options.recordFilter
        let customRules = options.customRules
        let customRuleOptions = options.customRuleOptions
        // A rule stopped by a budget on one worker is not run again on any.
        let ruleStops = FilterStop.perRule(customRules)
        let mappingProbes = options.mappingProbes
        let jobs = plan.assign(workers: workerCount)
        let budget = options.referenceBudget
        let hashMask = options.referenceHashMask
        let recordLimits = options.recordLimits
        let cleanPass = options.cleanPass
        // With jq to run on records (custom rules, --where, --mapping), each worker runs on a
        // large-stack thread, so the filters run inline there instead of starting a thread of
        // their own per record (which cost 90 µs a record: 20,000 thread starts per 20,000 records).
        let runsJQ = filterFactory != nil || !customRules.isEmpty || !mappingProbes.isEmpty
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in JQStack.run(when: runsJQ) {
            // Each worker compiles its own schema: shared class instances would have both threads
            // retaining and releasing the same objects, and the atomic reference counts then
            // bounce one cache line between the cores (measured: 30-50% slower with two workers).
            let schema = ArtifactSchema(metadata)
            let index = ReferenceIndex(worker: worker, budget: budget)
            index.hashMask = hashMask
            references.configure(index)
            let checker = RecordChecker(schema: schema, diagnostics: DiagnosticCollector(policy: policy, cap: cap), index: index)
            let filter = filterFactory.map { BoundRecordFilter.bind($0(), to: checker) }
            // libjq is not thread-safe: each worker compiles its own filters.
            let rules = CompiledArtifactRule.compile(customRules, options: customRuleOptions, stops: ruleStops, checker: checker)
            let probes = mappingProbes.isEmpty ? nil : MappingProbes(mappingProbes)
            for job in jobs[worker] {
                ArtifactReader(checker: checker, job: job, progress: box, filter: filter,
                               customRules: rules.filter { $0.applies(to: job.artifact.itemType) },
                               mappingProbes: probes, limits: recordLimits, usesCleanPass: cleanPass).read()
            }
            box.store(checker, at: worker)
        } }
        return box.results
    }
}

/// Holds each worker's result; each slot is written by exactly one worker.
final class WorkerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RecordChecker?]
    private var done = 0
    let total: Int
    let progress: ((Int, Int) -> Void)?

    init(count: Int, total: Int, progress: ((Int, Int) -> Void)?) {
        slots = Array(repeating: nil, count: count)
        self.total = total
        self.progress = progress
    }

    func store(_ checker: RecordChecker, at index: Int) {
        lock.lock()
        slots[index] = checker
        lock.unlock()
    }

    func advance(by bytes: Int) {
        guard let progress else { return }
        lock.lock()
        done += bytes
        let current = done
        lock.unlock()
        progress(current, total)
    }

    var results: [RecordChecker] { slots.compactMap { $0 } }
}

/// Decides whether a record is checked (`check-artifacts --where`).
public protocol RecordFilter {
    /// Called with the record's bytes; true checks it.
    mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool
}
