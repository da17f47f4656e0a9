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
        var out: [UInt8] = []
        write(into: &out, indent: 0, pretty: true)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// One line, as a JSONL record.
    public var compact: String {
        var out: [UInt8] = []
        write(into: &out, indent: 0, pretty: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact form (one line, no newline) as UTF-8.
    public func writeCompact(into out: inout [UInt8]) {
        write(into: &out, indent: 0, pretty: false)
    }

    private func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .string(let text): Self.quote(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out += [0x5B, 0x5D]
                return
            }
            out.append(0x5B)
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                element.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else {
                out += [0x7B, 0x7D]
                return
            }
            out.append(0x7B)
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.quote(key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    /// RFC 8259 string escaping of quotes, backslashes and control characters; other bytes of
    /// the UTF-8 text are copied as they are.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out += repeatElement(0x20, count: indent * 2)
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
