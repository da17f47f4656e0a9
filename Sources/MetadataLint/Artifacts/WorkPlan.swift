import Foundation

/// Splits the artifacts into jobs for the workers: large uncompressed JSONL files are cut into
/// byte ranges at line starts, so two workers can share one big file; the rest go whole.
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
        for artifact in artifacts {
            guard workers > 1, artifact.size >= minimumSplitSize, artifact.path.hasSuffix(".jsonl"),
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

    /// Jobs per worker, largest first onto the least loaded; each worker's jobs in file order.
    func assign(workers: Int) -> [[Job]] {
        var assignments = Array(repeating: [Job](), count: workers)
        var loads = Array(repeating: 0, count: workers)
        for job in jobs.sorted(by: { $0.size > $1.size }) {
            let target = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            assignments[target].append(job)
            loads[target] += job.size
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
