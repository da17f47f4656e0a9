/// Finds where ids repeat across workers. Each worker catches repeats within its own share at
/// once; ids seen by two workers are only known as hashes after the run, so the files of that
/// item type are read again (this happens only when such repeats exist) to report them.
enum DuplicateIDFinder {
    static func report(hashes: HashSet64, itemType: String, files: [String], already: Set<String>,
                       into collector: DiagnosticCollector) {
        var seen = HashSet64()
        for file in files {
            guard let source = try? ByteSource(path: file) else { continue }
            defer { source.close() }
            let stream = RecordStream(source: source, detectsDuplicateKeys: false)
            try? stream.forEach(record: { record, scanner in
                let tape = scanner.tape
                guard tape.count > 0, tape[0].kind == .object else { return }
                var k = 1
                for _ in 0..<Int(tape[0].count) {
                    let key = tape[k]
                    let value = tape[k + 1]
                    if key.end - key.start == 4, record.base[key.start + 1] == UInt8(ascii: "i"),
                       record.base[key.start + 2] == UInt8(ascii: "d"), value.kind == .string {
                        let hash = value.has(TapeEntry.stringHasEscapes)
                            ? ByteHash.hash(JSONStringDecoder.decode(record.base, value))
                            : ByteHash.hash(record.base + value.start + 1, value.end - value.start - 2)
                        if hashes.contains(hash), !seen.insert(hash) {
                            let (line, column) = position(record, value.start)
                            if !already.contains("\(file):\(line)") {
                                let text = JSONStringDecoder.decode(record.base, value)
                                collector.add(ArtifactRules.duplicateItemID, file: file, line: line, column: column,
                                              pointer: "/id",
                                              "id \"\(text)\" appears more than once for item type \"\(itemType)\": records of one type need unique ids")
                            }
                        }
                    }
                    k = tape[k + 1].next
                }
            }, problem: { _ in })
        }
    }

    /// Line and column of `offset` inside a record.
    static func position(_ record: RecordStream.Record, _ offset: Int) -> (Int, Int) {
        var line = record.line
        var column = 1
        for k in record.start..<offset {
            if record.base[k] == 0x0A {
                line += 1
                column = 1
            } else if record.base[k] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
