import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Locates repeated ids. While streaming, workers only note the hashes of ids they saw twice (and
/// ids two workers both saw are found when their sets merge); keeping every id's position would
/// double the index. So the files of an item type with repeats are read once more, in order, and
/// every record after the first with such an id is reported with where the first one is.
enum DuplicateIDFinder {
    static func report(hashes: HashSet64, itemType: String, files: [String], into collector: DiagnosticCollector) {
        var first: [UInt64: (file: String, line: Int, id: String)] = [:]
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
                        if hashes.contains(hash) {
                            let (line, column) = LineIndex.walk(record.base, from: record.start, line: record.line,
                                                                lineStart: record.start, to: value.start)
                            let text = JSONStringDecoder.decode(record.base, value)
                            if let earlier = first[hash] {
                                // Equal hashes of different ids are a collision, not a repeat.
                                if earlier.id == text {
                                    collector.add(DuplicateItemID(id: text, itemType: itemType,
                                                                  firstFile: earlier.file == file ? nil : earlier.file,
                                                                  firstLine: earlier.line),
                                                  file: file, line: line, column: column, pointer: "/id")
                                }
                            } else {
                                first[hash] = (file, line, text)
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
