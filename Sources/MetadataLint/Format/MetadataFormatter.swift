import LintJSON
import LintRules
import LintSource

/// `fmt`'s one layout: 2-space indentation, one member or element per line, `"key": value`,
/// empty objects and arrays as `{}` and `[]`, a final line break. Keys of the format's objects
/// come in `MetadataShape` order, any other key after them in its original order; names chosen
/// by the author (record types, fields, stages) and arrays keep their order. Keys, strings and
/// numbers are copied byte for byte, escapes and all, so the value never changes.
public enum MetadataFormatter {
    /// Why a file was not formatted: its findings (syntax errors, duplicate keys), positioned.
    public struct Refusal: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public static func format(_ source: SourceFile) -> Result<[UInt8], Refusal> {
        var sink = DiagnosticSink(source: source)
        let document: ScannedDocument
        switch ScannedDocument.scan(source) {
        case .failure(let error):
            let notJSON = NotJSON(error: error, guess: InputGuess.guess(source.bytes, error: error))
            sink.report(FormatRefusal.notJSON(notJSON), at: SourceRef(offset: error.offset, pointer: ""))
            return .failure(Refusal(diagnostics: sink.diagnostics))
        case .success(let scanned):
            document = scanned
        }
        let pointers = document.root.pointers(at: Set(document.duplicateKeys.map(\.offset)))
        for note in document.duplicateKeys {
            guard case .duplicateKey(let key, let first) = note.kind else { continue }
            sink.report(FormatRefusal.duplicateKey(JSONDuplicateKey(key: key, firstLine: source.lines.line(of: first))),
                        at: SourceRef(offset: note.offset, pointer: pointers[note.offset] ?? ""))
        }
        if !sink.diagnostics.isEmpty { return .failure(Refusal(diagnostics: sink.diagnostics)) }
        var writer = Writer(document: document)
        writer.write(document.root, as: .shape(.root), depth: 0)
        writer.out.append(0x0A)
        return .success(writer.out)
    }

    struct Writer {
        let document: ScannedDocument
        var out: [UInt8] = []

        init(document: ScannedDocument) {
            self.document = document
            out.reserveCapacity(document.source.bytes.count + document.source.bytes.count / 4)
        }

        mutating func write(_ node: JSONNode, as value: MetadataShape.Value?, depth: Int) {
            switch node.value {
            case .object(let members):
                if members.isEmpty { return append("{}") }
                append("{\n")
                for (index, (member, child)) in ordered(members, as: value).enumerated() {
                    if index > 0 { append(",\n") }
                    indent(depth + 1)
                    out.append(contentsOf: document.source.bytes[document.keyRange(of: member)])
                    append(": ")
                    write(member.value, as: child, depth: depth + 1)
                }
                append("\n")
                indent(depth)
                append("}")
            case .array(let elements):
                if elements.isEmpty { return append("[]") }
                append("[\n")
                let child = value.flatMap(Self.element)
                for (index, element) in elements.enumerated() {
                    if index > 0 { append(",\n") }
                    indent(depth + 1)
                    write(element, as: child, depth: depth + 1)
                }
                append("\n")
                indent(depth)
                append("]")
            default:
                out.append(contentsOf: document.source.bytes[document.range(of: node)])
            }
        }

        /// The members in output order, each with what its value is.
        func ordered(_ members: [JSONMember], as value: MetadataShape.Value?) -> [(JSONMember, MetadataShape.Value?)] {
            switch value.map(Self.unwrapped) {
            case .shape(let shape):
                let keyed = members.enumerated().map { index, member in
                    (rank: shape.position(of: member.key) ?? shape.keys.count + index, member: member)
                }
                return keyed.sorted { $0.rank < $1.rank }.map { ($0.member, shape.value(of: $0.member.key)) }
            case .map(let child, _):
                return members.map { ($0, child) }
            default:
                return members.map { ($0, nil) }
            }
        }

        static func unwrapped(_ value: MetadataShape.Value) -> MetadataShape.Value {
            if case .nullable(let inner) = value { return unwrapped(inner) }
            return value
        }

        static func element(_ value: MetadataShape.Value) -> MetadataShape.Value? {
            if case .array(let child, _) = unwrapped(value) { return child }
            return nil
        }

        mutating func append(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func indent(_ depth: Int) {
            out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }
}
