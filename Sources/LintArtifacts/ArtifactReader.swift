import JQ
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Streams one artifact file through a worker's RecordChecker.
struct ArtifactReader {
    let checker: RecordChecker
    let job: WorkPlan.Job
    var artifact: ArtifactCheck.Artifact { job.artifact }
    let progress: WorkerBox
    var filter: (any RecordFilter)?
    let customRules: [CompiledArtifactRule]
    /// check-artifacts --mapping: this worker's probes (nil without --mapping).
    var mappingProbes: MappingProbes? = nil
    /// Record size and value-count limits.
    var limits = RecordLimits()
    /// Offer each record to the checker's one-pass check first.
    var usesCleanPass = true

    static let progressStep = 8 << 20
    /// Malformed records, and records over a limit, listed one by one per file (or per share of a
    /// split file); the rest are counted in one finding at the first one left out.
    static let maxUnreadableListed = 1000

    func read() {
        checker.file = artifact.path
        checker.fileRecords = 0
        checker.diagnostics.currentChunk = job.chunk
        defer { checker.recordCounts[artifact.itemType, default: 0] += checker.fileRecords }
        checker.fileNumber = artifact.number
        let schema = checker.schema
        // A reserved item type keeps its own shape even when a record type was (wrongly) named like it.
        let reserved = ArtifactSchema.reservedItemTypes.contains(artifact.itemType)
        let object = reserved ? nil : schema.recordObjects[artifact.itemType]
        let idSpace = artifact.itemType == "attachments" ? schema.attachmentSpace : (reserved ? nil : schema.idSpaces[artifact.itemType])
        var filter = self.filter
        var reported = 0
        let source: ByteSource
        do throws(InputError) {
            source = try ByteSource(path: artifact.path)
        } catch {
            checker.diagnostics.add(CorruptArtifact.unreadable(reason: error.reason), file: artifact.path, line: 0, column: 0,
                                    pointer: "")
            return
        }
        if let range = job.range {
            do throws(InputError) {
                try source.restrict(to: range)
            } catch {
                checker.diagnostics.add(CorruptArtifact.unreadable(reason: error.reason), file: artifact.path, line: 0,
                                        column: 0, pointer: "")
                return
            }
        }
        // The checker notices repeated fields (marks) and envelope keys itself, so the scanner's
        // quadratic duplicate pass is skipped unless a record is not checked field by field.
        let stream = RecordStream(source: source, maxRecordBytes: limits.maxRecordBytes,
                                  maxRecordValues: limits.maxRecordValues, detectsDuplicateKeys: object == nil,
                                  startOffset: job.range?.lowerBound ?? 0)
        defer {
            if job.chunk >= 0 { checker.chunkLines[job.chunk] = stream.linesConsumed }
            checker.diagnostics.currentChunk = -1
        }
        // Records go through the one-pass check first when nothing else needs their tape.
        let takesCleanPass = usesCleanPass && filter == nil && customRules.isEmpty && mappingProbes == nil
        if !takesCleanPass {
            checker.cleanObject = CleanRecordPass.none
        } else if let object {
            checker.cleanObject = schema.noIdentifier[object] ? CleanRecordPass.none : object
        } else {
            checker.cleanObject = artifact.itemType == "ssor_attachment" ? CleanRecordPass.ssorAttachment : CleanRecordPass.none
        }
        checker.cleanIDSpace = idSpace
        var lastLine = 1
        var malformed = UnlistedCount()
        var oversized = UnlistedCount()
        do throws(InputError) {
            try stream.forEach(record: { record, scanner in
                lastLine = record.line
                checker.base = record.base
                checker.recordStart = record.start
                checker.recordLine = record.line
                checker.bufferOffset = stream.bytesBefore
                let bytes = UnsafeBufferPointer(start: record.base + record.start, count: record.end - record.start)
                swap(&checker.tape, &scanner.tape)
                defer { swap(&checker.tape, &scanner.tape) }
                if var active = filter {
                    let accepted = active.accepts(bytes)
                    filter = active
                    if !accepted {
                        checker.indexOnly(object: object, idSpace: idSpace)
                        return
                    }
                }
                for custom in customRules { runCustomRule(custom, on: bytes, line: record.line) }
                for note in scanner.notes { reportNote(note) }
                if let object {
                    checker.checkItem(object: object, idSpace: idSpace)
                } else if artifact.itemType == "ssor_attachment" {
                    checker.checkSSORAttachment()
                } else if artifact.itemType == "attachments" {
                    checker.checkAttachment()
                } else if artifact.itemType == "external_sync_units" {
                    checker.checkSyncUnit()
                } else {
                    checker.fileRecords += 1
                }
                mappingProbes?.inspect(itemType: artifact.itemType, checker: checker)
                if stream.bytesRead - reported >= Self.progressStep {
                    progress.advance(by: onDisk(stream.bytesRead - reported, source))
                    reported = stream.bytesRead
                }
            }, problem: { problem in
                lastLine = problem.line
                guard malformed.lists(line: problem.line) else { return }
                checker.diagnostics.add(MalformedRecord(error: problem.error), file: artifact.path, line: problem.line,
                                        column: problem.column, pointer: "")
            }, limit: { problem in
                lastLine = problem.line
                guard oversized.lists(line: problem.line) else { return }
                let violation: RecordTooLarge
                switch problem.kind {
                case .bytes(let limit): violation = .bytes(limit: limit)
                case .values(let count, let limit): violation = .values(count: count, limit: limit)
                }
                checker.diagnostics.add(violation, file: artifact.path, line: problem.line, column: problem.column, pointer: "")
            }, clean: { record in
                guard let end = checker.acceptClean(record, bufferOffset: stream.bytesBefore) else { return nil }
                lastLine = record.line
                if stream.bytesRead - reported >= Self.progressStep {
                    progress.advance(by: onDisk(stream.bytesRead - reported, source))
                    reported = stream.bytesRead
                }
                return end
            })
            if let trailing = source.trailingData {
                checker.diagnostics.add(CorruptArtifact.trailingData(offset: trailing.offset, bytes: trailing.bytes, allZero: trailing.allZero),
                                        file: artifact.path, line: stream.linesConsumed + 1, column: 1, pointer: "")
            }
        } catch {
            checker.diagnostics.add(CorruptArtifact.truncated(reason: error.reason, lastLine: lastLine), file: artifact.path,
                                    line: lastLine, column: 1, pointer: "")
        }
        if case let (count, line)? = malformed.unlisted {
            checker.diagnostics.add(MalformedRecordsNotListed(count: count, listed: Self.maxUnreadableListed),
                                    file: artifact.path, line: line, column: 1, pointer: "")
        }
        if case let (count, line)? = oversized.unlisted {
            checker.diagnostics.add(RecordTooLarge.unlisted(count: count, listed: Self.maxUnreadableListed),
                                    file: artifact.path, line: line, column: 1, pointer: "")
        }
        progress.advance(by: max(0, job.size - onDisk(reported, source)))
        source.close()
    }

    /// Progress counts on-disk bytes; gzip's decompressed bytes are taken as 8 to 1, a typical
    /// ratio for JSONL (the last step of each file corrects the estimate).
    private func onDisk(_ bytes: Int, _ source: ByteSource) -> Int {
        source.isGzip ? bytes / 8 : bytes
    }

    private func runCustomRule(_ custom: CompiledArtifactRule, on bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        do throws(JQError) {
            if try custom.filter.get().isTruthy(json: bytes) {
                checker.diagnostics.add(CustomRuleFinding.matched(custom.rule), file: artifact.path, line: line, column: 1,
                                        pointer: "")
            }
        } catch {
            checker.diagnostics.add(CustomRuleFinding.failed(custom.rule, error: error.message, onRecord: true),
                                    file: artifact.path, line: line, column: 1, pointer: "")
        }
    }

    private func reportNote(_ note: JSONScanNote) {
        checker.report(note.violation { _ in nil }, at: note.offset, pointer: "")
    }
}

/// Counts malformed or oversized records of one file: the first `maxUnreadableListed` are listed,
/// the rest only counted (a small gzip file can hold millions of bad lines).
private struct UnlistedCount {
    var seen = 0
    var firstUnlistedLine = 0

    /// Counts one; true while it is still listed.
    mutating func lists(line: Int) -> Bool {
        seen += 1
        if seen == ArtifactReader.maxUnreadableListed + 1 { firstUnlistedLine = line }
        return seen <= ArtifactReader.maxUnreadableListed
    }

    /// How many were left out, and the line of the first.
    var unlisted: (count: Int, line: Int)? {
        seen > ArtifactReader.maxUnreadableListed ? (seen - ArtifactReader.maxUnreadableListed, firstUnlistedLine) : nil
    }
}

/// The limits of one artifact record: a larger one is reported (record-too-large) and skipped.
package struct RecordLimits: Sendable, Equatable {
    package var maxRecordBytes = RecordStream.defaultMaxRecordBytes
    package var maxRecordValues: Int? = RecordStream.defaultMaxRecordValues
    package init() {}
}
