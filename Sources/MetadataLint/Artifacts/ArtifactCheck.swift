import Dispatch
import Foundation

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
        /// Files matching these fnmatch patterns are skipped.
        public var config: Config? = nil

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
    }

    struct Artifact {
        var path: String
        var itemType: String
        var size: Int
        var number: Int32
    }

    public static func run(_ options: Options) throws(InputError) -> Result {
        let metadataSource = try InputFile.read(options.metadataPath)
        let validation = MetadataValidator(policy: options.policy, customRules: options.customRules.filter { $0.target == .metadata })
            .validate(metadataSource)
        if validation.diagnostics.contains(where: { $0.severity == .error }) || validation.metadata == nil {
            return Result(diagnostics: validation.diagnostics, omitted: [], recordCounts: [:],
                          errors: validation.diagnostics.filter { $0.severity == .error }.count,
                          warnings: validation.diagnostics.filter { $0.severity == .warning }.count,
                          notes: 0, metadataFailed: true, files: 1)
        }
        guard let metadata = validation.metadata else { throw InputError(path: options.metadataPath, reason: "unreadable") }
        let schema = ArtifactSchema(metadata)
        let collector = DiagnosticCollector(policy: options.policy, cap: options.cap)
        for diagnostic in validation.diagnostics { collector.add(diagnostic) }

        let files = try ArtifactFiles.expand(options.paths, excluding: options.metadataPath)
        let resolver = ItemTypeResolver(recordTypes: metadata.recordTypes.map(\.key))
        var artifacts: [Artifact] = []
        for (number, file) in files.enumerated() {
            if let config = options.config, ConfigLoader.isIgnored(file.path, by: config) { continue }
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            let itemType = options.itemType ?? resolver.resolve(fileName: name)
            guard let itemType, resolver.known.contains(itemType) else {
                let given = options.itemType.map { "--item-type \"\($0)\" is" } ?? "the file name \"\(name)\" fits"
                collector.add(ArtifactRules.unknownItemType, file: file.path, line: 0, column: 0, pointer: "", field: file.path,
                              "\(given) no declared item type: name the file <type>.jsonl[.gz] or pass --item-type, with <type> one of \(resolver.known.joined(separator: ", "))")
                continue
            }
            artifacts.append(Artifact(path: file.path, itemType: itemType, size: file.size, number: Int32(number)))
        }

        let workers = runWorkers(artifacts, schema: schema, options: options)
        var counts: [String: Int] = [:]
        var index = ReferenceIndex(spaceCount: schema.keySpaces.count)
        var pendingSets: [(ReferenceIndex, DiagnosticCollector)] = []
        let indexBytes = workers.reduce(0) { $0 + $1.index.memoryBytes }
        let pendingReferences = workers.reduce(0) { $0 + $1.index.pendingCount }
        for worker in workers {
            collector.merge(worker.diagnostics)
            for (type, count) in worker.recordCounts { counts[type, default: 0] += count }
            // Item types never span workers, so each key space was filled by one worker: take it whole.
            for space in 0..<schema.keySpaces.count where worker.index.spaces[space].count > index.spaces[space].count {
                index.spaces[space] = worker.index.spaces[space]
            }
            pendingSets.append((worker.index, worker.diagnostics))
        }
        let typesGiven = Set(artifacts.map(\.itemType))
        ReferenceResolver(schema: schema, spaces: index.spaces, typesGiven: typesGiven, files: files.map(\.path))
            .resolve(pendingSets.map(\.0), into: collector)
        let (diagnostics, omitted) = collector.finish()
        return Result(diagnostics: diagnostics, omitted: omitted, recordCounts: counts, errors: collector.errors,
                      warnings: collector.warnings, notes: collector.notes, metadataFailed: false, files: files.count,
                      indexBytes: indexBytes, pendingReferences: pendingReferences)
    }

    /// Spreads item types over the workers, largest first, and runs them concurrently.
    static func runWorkers(_ artifacts: [Artifact], schema: ArtifactSchema, options: Options) -> [RecordChecker] {
        let groups = Dictionary(grouping: artifacts, by: \.itemType).values
            .sorted { $0.reduce(0) { $0 + $1.size } > $1.reduce(0) { $0 + $1.size } }
        let workerCount = max(1, min(options.workers, groups.count))
        var assignments = Array(repeating: [Artifact](), count: workerCount)
        var loads = Array(repeating: 0, count: workerCount)
        for group in groups {
            let target = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            assignments[target] += group
            loads[target] += group.reduce(0) { $0 + $1.size }
        }
        let box = WorkerBox(count: workerCount, total: artifacts.reduce(0) { $0 + $1.size }, progress: options.progress)
        let policy = options.policy
        let cap = options.cap
        let filterFactory = options.recordFilter
        let customRules = options.customRules
        let jobs = assignments
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            let checker = RecordChecker(schema: schema, diagnostics: DiagnosticCollector(policy: policy, cap: cap))
            let filter = filterFactory?()
            // libjq is not thread-safe: each worker compiles its own filters.
            let rules = CompiledArtifactRule.compile(customRules)
            for artifact in jobs[worker] {
                ArtifactReader(checker: checker, artifact: artifact, progress: box, filter: filter,
                               customRules: rules.filter { $0.applies(to: artifact.itemType) }).read()
            }
            box.store(checker, at: worker)
        }
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
