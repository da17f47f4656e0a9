import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Finds where ids repeat across workers. Each worker catches repeats within its own share at
/// once; ids seen by two workers are only known as hashes after the run, so the files of that
/// item type are read again (this happens only when such repeats exist) to report them.
enum DuplicateIDFinder {
    static func report(hashes: HashSet64, itemType: String, files: [String], already: Set<String>,
                       into collector: DiagnosticCollector) {
        var seen = HashSet64()
        for file in files {
            let source: ByteSource
            do throws(InputError) {
                source = try ByteSource(path: file)
            } catch {
                collector.add(CorruptArtifact.rereadFailed(reason: error.reason, purpose: .duplicateIDs), file: file,
                              line: 0, column: 0, pointer: "")
                continue
            }
            defer { source.close() }
            let stream = RecordStream(source: source, detectsDuplicateKeys: false)
            do throws(InputError) {
                try stream.forEach(record: { record, scanner in
                let tape = scanner.tape
                guard tape.count > 0, tape[0].kind == .object else { return }
                var k = 1
                for _ in 0..<Int(tape[0].count) {
                    let key = tape[k]
                    let value = tape[k + 1]
                    if key.equals("id", in: record.base), value.kind == .string {
                        let hash = value.valueHash(in: record.base)
                        if hashes.contains(hash), !seen.insert(hash) {
                            let (line, column) = LineIndex.walk(record.base, from: record.start, line: record.line,
                                                                lineStart: record.start, to: value.start)
                            if !already.contains("\(file):\(line)") {
                                let text = JSONStringDecoder.decode(record.base, value)
                                collector.add(DuplicateItemID(id: text, itemType: itemType), file: file, line: line,
                                              column: column, pointer: "/id")
                            }
                        }
                    }
                    k = tape[k + 1].next
                }
            }, problem: { _ in })  // malformed records were reported on the first read
            } catch {
                collector.add(CorruptArtifact.rereadFailed(reason: error.reason, purpose: .duplicateIDs), file: file,
                              line: 0, column: 0, pointer: "")
            }
        }
    }
}
