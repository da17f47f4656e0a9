import JQ

/// Streams one artifact file through a worker's RecordChecker.
struct ArtifactReader {
    let checker: RecordChecker
    let job: WorkPlan.Job
    var artifact: ArtifactCheck.Artifact { job.artifact }
    let progress: WorkerBox
    var filter: (any RecordFilter)?
    let customRules: [CompiledArtifactRule]
    var limits = Limits()

    static let progressStep = 8 << 20

    func read() {
        Suggest.withBudget { readWithin() }
    }

    private func readWithin() {
        checker.file = artifact.path
        checker.fileRecords = 0
        checker.diagnostics.currentChunk = job.chunk
        defer { checker.recordCounts[artifact.itemType, default: 0] += checker.fileRecords }
        checker.fileNumber = artifact.number
        let schema = checker.schema
        let object = schema.recordObjects[artifact.itemType]
        let idSpace = schema.idSpaces[artifact.itemType]
        var filter = self.filter
        // --where runs through `decide`, which reports a budget it passes.
        let whereFilter = filter as? JQRecordFilter
        if whereFilter != nil { filter = nil }
        var reported = 0
        let source: ByteSource
        do throws(InputError) {
            source = try ByteSource(path: artifact.path)
        } catch {
            checker.diagnostics.add(ArtifactRules.corruptArtifact, file: artifact.path, line: 0, column: 0,
                                    pointer: "", error.reason)
            return
        }
        if let range = job.range {
            do throws(InputError) {
                try source.restrict(to: range)
            } catch {
                checker.diagnostics.add(ArtifactRules.corruptArtifact, file: artifact.path, line: 0, column: 0,
                                        pointer: "", error.reason)
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
        var lastLine = 1
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
                if let whereFilter {
                    let accepted: Bool
                    do throws(JQError) {
                        accepted = try whereFilter.decide(bytes)
                    } catch {
                        accepted = true
                        checker.diagnostics.add(LimitRules.filterLimit, file: artifact.path, line: record.line, column: 1, pointer: "",
                                                LimitRules.filterMessage("the --where filter", error, scope: "on this record")
                                                    + " (this record and all later ones are checked)")
                    }
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
                } else {
                    checker.fileRecords += 1
                }
                if stream.bytesRead - reported >= Self.progressStep {
                    progress.advance(by: onDisk(stream.bytesRead - reported, source))
                    reported = stream.bytesRead
                }
            }, problem: { problem in
                lastLine = problem.line
                let rule = Rules.info(problem.error.ruleID) ?? Rules.jsonSyntax
                checker.diagnostics.add(rule, file: artifact.path, line: problem.line, column: problem.column,
                                        pointer: "", problem.error.message + " (the record is skipped)")
            }, limit: { problem in
                lastLine = problem.line
                let message: String
                switch problem.kind {
                case .bytes(let limit): message = LimitRules.bytesMessage(limit: limit)
                case .values(let count, let limit): message = LimitRules.valuesMessage(count: count, limit: limit)
                }
                checker.diagnostics.add(LimitRules.recordTooLarge, file: artifact.path, line: problem.line,
                                        column: problem.column, pointer: "", message)
            })
            if let trailing = source.trailingData {
                checker.diagnostics.add(ArtifactRules.corruptArtifact, file: artifact.path, line: stream.linesConsumed + 1,
                                        column: 1, pointer: "", GzipMessages.trailing(trailing))
            }
        } catch {
            checker.diagnostics.add(ArtifactRules.corruptArtifact, file: artifact.path, line: lastLine, column: 1,
                                    pointer: "", "\(error.reason); records after line \(lastLine) could not be read")
        }
        if ArtifactSchema.reservedItemTypes.contains(artifact.itemType), object == nil,
           !["ssor_attachment", "attachments"].contains(artifact.itemType) {
            checker.diagnostics.add(ArtifactRules.itemsNotChecked, file: artifact.path, line: 0, column: 0, pointer: "",
                                    "items of the reserved type \"\(artifact.itemType)\" were counted but not checked: the format documents no shape for them")
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
        guard !custom.stopped.off else { return }
        do throws(JQError) {
            if try custom.filter.isTruthy(json: bytes) {
                checker.diagnostics.add(custom.info, file: artifact.path, line: line, column: 1, pointer: "",
                                        custom.rule.message)
            }
        } catch {
            if error.isLimit {
                custom.stopped.off = true
                checker.diagnostics.add(LimitRules.filterLimit, file: artifact.path, line: line, column: 1, pointer: "",
                                        LimitRules.filterMessage("custom rule \"\(custom.rule.id)\"", error, scope: "on this record"))
                return
            }
            checker.diagnostics.add(custom.info, file: artifact.path, line: line, column: 1, pointer: "",
                                    "custom rule \"\(custom.rule.id)\" failed on this record: \(CustomMetadataRules.shortened(error.message))")
        }
    }

    private func reportNote(_ note: JSONScanNote) {
        switch note.kind {
        case .duplicateKey(let key, _):
            checker.report(Rules.jsonDuplicateKey, at: note.offset, pointer: "", JSONNoteReporter.duplicateKeyMessage(key))
        case .numberOutOfRange(let text):
            checker.report(Rules.jsonNumberRange, at: note.offset, pointer: "", JSONNoteReporter.numberRangeMessage(text))
        }
    }
}
