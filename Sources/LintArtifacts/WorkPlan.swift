import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Splits the artifacts into jobs for the workers. Whole item types per worker is fastest when
/// there are enough of them to balance the load (measured on 2 cores: splitting files then costs
/// 30% more wall time, as both workers touch every type's tables); otherwise large uncompressed
/// JSONL files are cut into byte ranges at line starts, so the workers can share them.
struct WorkPlan {
    struct Job {
        var artifact: ArtifactCheck.Artifact
        /// Byte range of the file, or nil for the whole file.
        var range: Range<Int>?
        /// Chunk id (unique in the run) for ranged jobs, -1 otherwise.
        var chunk: Int32
        var size: Int { range?.count ?? artifact.size }
    }

    /// Files smaller than this are not split: the gain would not pay for the bookkeeping.
    public static let minimumSplitSize = 8 << 20

    var jobs: [Job] = []
    /// Chunk ids of each split file, in file order.
    var chunksByFile: [String: [Int32]] = [:]

    init(_ artifacts: [ArtifactCheck.Artifact], workers: Int, minimumSplitSize: Int = WorkPlan.minimumSplitSize) {
        var nextChunk: Int32 = 0
        let split = Self.needsSplitting(artifacts, workers: workers)
        for artifact in artifacts {
            guard split, workers > 1, artifact.size >= minimumSplitSize, artifact.path.hasSuffix(".jsonl"),
                  !Self.isGzip(artifact.path) else {
                jobs.append(Job(artifact: artifact, range: nil, chunk: -1))
                continue
            }
            let cuts = Self.cuts(artifact.path, size: artifact.size, parts: workers)
            var start = 0
            for end in cuts + [artifact.size] where end > start {
                jobs.append(Job(artifact: artifact, range: start..<end, chunk: nextChunk))
                chunksByFile[artifact.path, default: []].append(nextChunk)
                nextChunk += 1
                start = end
            }
        }
    }

    /// True when whole item types cannot keep the workers busy: fewer types than workers, or
    /// one type carrying more than two thirds of the bytes.
    static func needsSplitting(_ artifacts: [ArtifactCheck.Artifact], workers: Int) -> Bool {
        let bytesByType = Dictionary(grouping: artifacts, by: \.itemType).mapValues { $0.reduce(0) { $0 + $1.size } }
        let total = bytesByType.values.reduce(0, +)
        guard workers > 1, total > 0 else { return false }
        return bytesByType.count < workers || (bytesByType.values.max() ?? 0) * 3 > total * 2
    }

    /// Jobs per worker, largest first onto the least loaded; each worker's jobs in file order.
    func assign(workers: Int) -> [[Job]] {
        var assignments = Array(repeating: [Job](), count: workers)
        var loads = Array(repeating: 0, count: workers)
        // Whole files of one item type stay together (one worker sees all its ids at once);
        // chunks of a split file are spread.
        let groups = Dictionary(grouping: jobs, by: { $0.chunk >= 0 ? "\($0.artifact.path)#\($0.chunk)" : $0.artifact.itemType })
            .values.sorted { $0.reduce(0) { $0 + $1.size } > $1.reduce(0) { $0 + $1.size } }
        for group in groups {
            let target = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            assignments[target] += group
            loads[target] += group.reduce(0) { $0 + $1.size }
        }
        return assignments.map { list in
            list.sorted { ($0.artifact.number, $0.range?.lowerBound ?? 0) < ($1.artifact.number, $1.range?.lowerBound ?? 0) }
        }
    }

    static func isGzip(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = handle.readData(ofLength: 2)
        return magic.count == 2 && magic[magic.startIndex] == 0x1F && magic[magic.startIndex + 1] == 0x8B
    }

    /// Offsets that cut the file into about `parts` pieces, each just after a line feed that is
    /// followed by `{` (a JSONL record starts there).
    static func cuts(_ path: String, size: Int, parts: Int) -> [Int] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        var result: [Int] = []
        for part in 1..<parts {
            let target = size * part / parts
            try? handle.seek(toOffset: UInt64(target))
            let window = [UInt8](handle.readData(ofLength: 1 << 20))
            guard window.count > 1 else { continue }
            for k in 0..<(window.count - 1) where window[k] == 0x0A && window[k + 1] == UInt8(ascii: "{") {
                let cut = target + k + 1
                if cut > (result.last ?? 0) { result.append(cut) }
                break
            }
        }
        return result
    }
}
