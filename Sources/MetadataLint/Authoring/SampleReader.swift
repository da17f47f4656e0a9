import Foundation

/// Reads the files given to `infer` into one set of samples per record type. Every format
/// check-artifacts reads is accepted (JSONL, pretty-printed streams, `.gz`), plus a file holding
/// one JSON array of objects (an API response saved as is).
struct SampleReader {
    /// Problems with the input, as `file:line:column: message` (bad JSON, values that are not objects).
    var problems: [String] = []
    /// What was skipped and why (metadata files, reserved item types).
    var notes: [String] = []
    /// Record types in the order their first file was read.
    var types: [TypeSamples] = []
    private var byName: [String: TypeSamples] = [:]

    mutating func read(_ paths: [String]) throws(InputError) {
        for path in try ArtifactFiles.paths(paths) {
            let name = ItemTypeResolver.recordTypeName(fileName: URL(fileURLWithPath: path).lastPathComponent)
            if ArtifactSchema.reservedItemTypes.contains(name) {
                notes.append("\(path): skipped: \"\(name)\" is a reserved item type, not a record type")
                continue
            }
            try readFile(path, as: name)
        }
    }

    private mutating func readFile(_ path: String, as name: String) throws(InputError) {
        let source = try ByteSource(path: path)
        defer { source.close() }
        let stream = RecordStream(source: source)
        var samples: TypeSamples? = nil
        var isMetadata = false
        var first = true
        try stream.forEach(record: { record, scanner in
            let value = OrderedJSON(tape: scanner.tape, base: record.base, index: 0)
            defer { first = false }
            if first, case .object = value, value["record_types"] != nil {
                isMetadata = true
            }
            if isMetadata { return }
            let target = samples ?? type(named: name, file: path)
            samples = target
            observe(value, line: record.line, path: path, into: target)
        }, problem: { problem in
            problems.append("\(path):\(problem.line):\(problem.column): \(problem.error.message) (the value is skipped)")
        })
        if isMetadata {
            notes.append("\(path): skipped: it is a metadata file (it has \"record_types\"), not samples")
        } else if samples == nil {
            _ = type(named: name, file: path)
        }
    }

    private mutating func observe(_ value: OrderedJSON, line: Int, path: String, into samples: TypeSamples) {
        switch value {
        case .object(let members):
            samples.observe(members)
        case .array(let elements):
            for (n, element) in elements.enumerated() {
                if case .object(let members) = element {
                    samples.observe(members)
                } else {
                    problems.append("\(path):\(line): element \(n) of the array is \(Self.kindName(element)), not an object (skipped)")
                }
            }
        default:
            problems.append("\(path):\(line): a sample is a JSON object, not \(Self.kindName(value)) (skipped)")
        }
    }

    private mutating func type(named name: String, file: String) -> TypeSamples {
        if let existing = byName[name] {
            existing.files.append(file)
            return existing
        }
        let created = TypeSamples(name: name, file: file)
        byName[name] = created
        types.append(created)
        return created
    }

    static func kindName(_ value: OrderedJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
