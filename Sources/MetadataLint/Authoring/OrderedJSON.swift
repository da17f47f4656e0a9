/// A JSON value whose objects keep their keys in insertion order, for the documents the authoring
/// commands write: drafts, sample items and schemas must come out the same on every run.
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as its JSON text.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func == (a: OrderedJSON, b: OrderedJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public static func int(_ value: Int64) -> OrderedJSON { .number(String(value)) }
    public static func int(_ value: Int) -> OrderedJSON { .number(String(value)) }

    /// The value of `key` in an object.
    public subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Two-space indented text with a trailing newline, as the drafts and schemas are written.
    public var pretty: String {
        var out = ""
        write(to: &out, indent: 0, pretty: true)
        return out + "\n"
    }

    /// One line, as a JSONL record.
    public var compact: String {
        var out = ""
        write(to: &out, indent: 0, pretty: false)
        return out
    }

    private func write(to out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.quote(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (n, element) in elements.enumerated() {
                if n > 0 { out += "," }
                if pretty { Self.newline(&out, indent + 1) }
                element.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(&out, indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out += "," }
                if pretty { Self.newline(&out, indent + 1) }
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(&out, indent) }
            out += "}"
        }
    }

    /// RFC 8259 string escaping: quotes, backslashes and control characters.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }
}

extension OrderedJSON {
    /// The value at tape index `index` of a scanned record whose bytes start at `base`.
    init(tape: JSONTape, base: UnsafePointer<UInt8>, index: Int) {
        let entry = tape[index]
        switch entry.kind {
        case .null: self = .null
        case .trueValue: self = .bool(true)
        case .falseValue: self = .bool(false)
        case .string: self = .string(JSONStringDecoder.decode(base, entry))
        case .number:
            self = .number(String(decoding: UnsafeBufferPointer(start: base + entry.start, count: entry.end - entry.start),
                                  as: UTF8.self))
        case .array:
            var elements: [OrderedJSON] = []
            elements.reserveCapacity(Int(entry.count))
            var k = index + 1
            for _ in 0..<Int(entry.count) {
                elements.append(OrderedJSON(tape: tape, base: base, index: k))
                k = tape[k].next
            }
            self = .array(elements)
        case .object:
            var members: [(String, OrderedJSON)] = []
            members.reserveCapacity(Int(entry.count))
            var k = index + 1
            for _ in 0..<Int(entry.count) {
                let key = JSONStringDecoder.decode(base, tape[k])
                members.append((key, OrderedJSON(tape: tape, base: base, index: k + 1)))
                k = tape[k + 1].next
            }
            self = .object(members)
        }
    }
}
