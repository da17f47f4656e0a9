import Dispatch
import Foundation
import JQ

/// `check-artifacts`: validates the metadata, then streams every artifact against it on all cores,
/// then resolves references across all the files.
public struct ArtifactCheck {
    public struct Options {
        public var metadataPath: String
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
        /// Uncompressed JSONL files at least this large are split between workers.
        public var minimumSplitSize = WorkPlan.minimumSplitSize
        /// Files matching these fnmatch patterns are skipped.
        public var config: Config? = nil
        /// Skip files matching an ignore pattern even when they are named on the command line.
        public var forceExclude = false
        /// Record size and filter budgets.
        public var limits = Limits()

        public init(metadataPath: String, paths: [String], itemType: String? = nil) {
            self.metadataPath = metadataPath
            self.paths = paths
            self.itemType = itemType
        }
    }

    public struct Result {
        public var diagnostics: [Diagnostic]
        /// "rule field" keys whose diagnostics were cut by the cap, with how many were left out.
        public var omitted: [(key: String, count: Int)]
        public var recordCounts: [String: Int]
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        /// True when the metadata had errors, so no data was checked.
        public var metadataFailed: Bool
        public var files: Int
        /// Bytes held by the reference index (id and identifier sets, pending references) at its peak.
        public var indexBytes = 0
        public var pendingReferences = 0
        /// Files left out because an ignore pattern matches them.
        public var ignored: [String] = []
        /// Files named on the command line that an ignore pattern matches, checked anyway.
        public var ignoredButNamed: [String] = []
    }

    struct Artifact {
        var path: String
        var itemType: String
        var size: Int
        var number: Int32
    }

    public static func run(_ options: Options) throws(InputError) -> Result {
        let metadataSource = try InputFile.read(options.metadataPath)
        var validator = MetadataValidator(policy: options.policy, customRules: options.customRules.filter { $0.target == .metadata })
        validator.limits = options.limits
        let validation = validator.validate(metadataSource)
        guard let metadata = validation.metadata, !validation.diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(diagnostics: validation.diagnostics, omitted: [], recordCounts: [:],
                          errors: validation.diagnostics.filter { $0.severity == .error }.count,
                          warnings: validation.diagnostics.filter { $0.severity == .warning }.count,
                          notes: 0, metadataFailed: true, files: 1)
        }
        let schema = ArtifactSchema(metadata)
        let collector = DiagnosticCollector(policy: options.policy, cap: options.cap)
        for diagnostic in validation.diagnostics { collector.add(diagnostic) }

        let expansion = try ArtifactFiles.expand(options.paths, excluding: options.metadataPath)
        let files = expansion.files
        for skipped in expansion.skipped {
            collector.add(LimitRules.notARegularFile, file: skipped.path, line: 0, column: 0, pointer: "", skipped.message)
        }
        let resolver = ItemTypeResolver(recordTypes: metadata.recordTypes.map(\.key))
        var artifacts: [Artifact] = []
        var ignored: [String] = []
        var ignoredButNamed: [String] = []
        for (number, file) in files.enumerated() {
            if let config = options.config, ConfigLoader.isIgnored(file.path, by: config) {
                if file.named && !options.forceExclude {
                    ignoredButNamed.append(file.path)
                } else {
                    ignored.append(file.path)
                    continue
                }
            }
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            let itemType = options.itemType ?? resolver.resolve(fileName: name)
            guard let itemType, resolver.known.contains(itemType) else {
                let given = options.itemType.map { "--item-type \"\($0)\" is" } ?? "the file name \"\(name)\" fits"
                collector.add(ArtifactRules.unknownItemType, file: file.path, line: 0, column: 0, pointer: "",
                              "\(given) no declared item type: name the file <type>.jsonl[.gz] or pass --item-type, with <type> one of \(resolver.known.joined(separator: ", "))")
                continue
            }
            artifacts.append(Artifact(path: file.path, itemType: itemType, size: file.size, number: Int32(number)))
        }

        let workerCount = max(1, options.workers)
        let plan = WorkPlan(artifacts, workers: workerCount, minimumSplitSize: options.minimumSplitSize)
        let workers = runWorkers(plan, metadata: metadata, options: options, workerCount: max(1, min(workerCount, plan.jobs.count)))
        var counts: [String: Int] = [:]
        var index = ReferenceIndex(spaceCount: schema.keySpaces.count)
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
        mergeSpaces(workers, schema: schema, artifacts: artifacts, into: &index, collector: collector)
        let typesGiven = Set(artifacts.map(\.itemType))
        ReferenceResolver(schema: schema, spaces: index.spaces, typesGiven: typesGiven, files: files.map(\.path))
            .resolve(workers.map(\.index), into: collector)
        let (diagnostics, omitted) = collector.finish()
        return Result(diagnostics: diagnostics, omitted: omitted, recordCounts: counts, errors: collector.errors,
                      warnings: collector.warnings, notes: collector.notes, metadataFailed: false,
                      files: files.count - ignored.count, indexBytes: indexBytes, pendingReferences: pendingReferences,
                      ignored: ignored, ignoredButNamed: ignoredButNamed)
    }

    /// Cuts the work into jobs, spreads them over the workers and runs them concurrently.
    static func runWorkers(_ plan: WorkPlan, metadata: Metadata, options: Options, workerCount: Int) -> [RecordChecker] {
        let box = WorkerBox(count: workerCount, total: plan.jobs.reduce(0) { $0 + $1.size }, progress: options.progress)
        let policy = options.policy
        let cap = options.cap
        let filterFactory = options.recordFilter
        let customRules = options.customRules
        let limits = options.limits
        let jobs = plan.assign(workers: workerCount)
        // Large-stack threads: libjq (custom rules, --where) recurses on deeply nested values.
        JQStack.concurrentPerform(iterations: workerCount) { worker in
            // Each worker compiles its own schema: shared class instances would have both threads
            // retaining and releasing the same objects, and the atomic reference counts then
            // bounce one cache line between the cores (measured: 30-50% slower with two workers).
            let schema = ArtifactSchema(metadata)
            let checker = RecordChecker(schema: schema, diagnostics: DiagnosticCollector(policy: policy, cap: cap))
            let filter = filterFactory?()
            // libjq is not thread-safe: each worker compiles its own filters.
            let rules = CompiledArtifactRule.compile(customRules, limits: limits)
            for job in jobs[worker] {
                ArtifactReader(checker: checker, job: job, progress: box, filter: filter,
                               customRules: rules.filter { $0.applies(to: job.artifact.itemType) }, limits: limits).read()
            }
            box.store(checker, at: worker)
        }
        return box.results
    }

    /// Merges the workers' id and identifier sets; ids that two workers both saw are duplicates
    /// across their shares, located by reading those files again.
    static func mergeSpaces(_ workers: [RecordChecker], schema: ArtifactSchema, artifacts: [Artifact],
                            into index: inout ReferenceIndex, collector: DiagnosticCollector) {
        let reported = Set(collector.kept.filter { $0.rule == ArtifactRules.duplicateItemID.id }.map { "\($0.file):\($0.line)" })
        for space in 0..<schema.keySpaces.count {
            let filled = workers.map { $0.index.spaces[space] }.filter { $0.count > 0 }.sorted { $0.count > $1.count }
            guard var merged = filled.first else { continue }
            var repeated = HashSet64()
            for other in filled.dropFirst() {
                other.forEach { key in
                    if !merged.insert(key) { repeated.insert(key) }
                }
            }
            index.spaces[space] = merged
            let key = schema.keySpaces[space]
            if repeated.count > 0, key.byField == nil {
                let files = artifacts.filter { $0.itemType == key.recordType }.map(\.path)
                DuplicateIDFinder.report(hashes: repeated, itemType: key.recordType, files: files, already: reported,
                                         into: collector)
            }
        }
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
