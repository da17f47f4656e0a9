import CJQ

/// A compiled jq filter that owns its `jq_state`. Compile once, run over many inputs.
///
/// Not thread-safe: libjq's reference counts are not atomic, so each thread makes its own filter.
/// Ownership follows libjq: nearly every `jv_*` call consumes its arguments, `jv_copy` adds a
/// reference, `jv_get_kind`, `jv_number_value` and `jv_string_value` borrow.
public final class JQFilter {
    public struct OutputOptions: Sendable {
        public var compact = false
        public var raw = false
        public var sortKeys = false

        public init(compact: Bool = false, raw: Bool = false, sortKeys: Bool = false) {
            self.compact = compact
            self.raw = raw
            self.sortKeys = sortKeys
        }

        /// The dump flags jq 1.6 uses for the same options: two-space indent unless compact.
        var dumpFlags: Int32 {
            var flags: Int32 = compact ? 0 : (2 << 8) | Int32(JV_PRINT_PRETTY.rawValue)
            if sortKeys { flags |= Int32(JV_PRINT_SORTED.rawValue) }
            return flags
        }
    }

    /// Collects messages from jq's error callback.
    final class Messages {
        var list: [String] = []
    }

    private var state: OpaquePointer?
    private let messages = Messages()
    public let program: String

    /// Compiles `program`; `arguments` become `$name` variables, as `jq --arg name value` does.
    public init(_ program: String, arguments: [String: String] = [:]) throws(JQError) {
        self.program = program
        guard let state = jq_init() else { throw JQError(kind: .compile, message: "jq: cannot initialise libjq") }
        self.state = state
        jq_set_error_cb(state, { context, message in
            guard let context else { jv_free(message); return }
            let messages = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
            messages.list.append(JQFilter.text(ofMessage: message))
        }, Unmanaged.passUnretained(messages).toOpaque())
        // Without a library path, `import`/`include` abort the process on an assertion.
        jq_set_attr(state, jv_string("JQ_LIBRARY_PATH"), jv_array())
        var args = jv_object()
        for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
            args = jv_object_set(args, jv_string(name), Self.jvString(value))
        }
        // An object, not an array: older builds double-free an array here.
        let compiled = program.withCString { jq_compile_args(state, $0, args) }
        if compiled == 0 {
            let message = messages.list.isEmpty ? "jq: error: the filter does not compile" : messages.list.joined(separator: "\n")
            messages.list.removeAll()
            var doomed: OpaquePointer? = state
            jq_teardown(&doomed)
            self.state = nil
            throw JQError(kind: .compile, message: message.contains("compile error") ? message : message + "\njq: 1 compile error")
        }
    }

    deinit {
        if state != nil { jq_teardown(&state) }
    }

    /// Runs the filter on one JSON text and calls `output` with each result as jq would print it.
    public func run(json: UnsafeBufferPointer<UInt8>, options: OutputOptions,
                    output: (String) -> Void) throws(JQError) {
        let input = try Self.parse(json)
        try run(input: input) { value in
            if options.raw, jv_get_kind(value) == JV_KIND_STRING {
                output(Self.string(value))
            } else {
                let dumped = jv_dump_string(jv_copy(value), options.dumpFlags)
                output(Self.string(dumped))
                jv_free(dumped)
            }
        }
    }

    /// Runs the filter on one JSON text and returns every result as a Swift value.
    public func values(json: UnsafeBufferPointer<UInt8>) throws(JQError) -> [JQValue] {
        let input = try Self.parse(json)
        var results: [JQValue] = []
        try run(input: input) { results.append(Self.convert($0)) }
        return results
    }

    /// True when the first result is truthy (not false or null); no result counts as false.
    public func isTruthy(json: UnsafeBufferPointer<UInt8>) throws(JQError) -> Bool {
        let input = try Self.parse(json)
        var truthy: Bool? = nil
        try run(input: input) { value in
            if truthy == nil {
                let kind = jv_get_kind(value)
                truthy = kind != JV_KIND_NULL && kind != JV_KIND_FALSE
            }
        }
        return truthy ?? false
    }

    /// Consumes `input`; `body` borrows each result, which is freed after it returns.
    private func run(input: jv, _ body: (jv) -> Void) throws(JQError) {
        guard let state else {
            jv_free(input)
            throw JQError(kind: .compile, message: "jq: the filter did not compile")
        }
        messages.list.removeAll()
        jq_start(state, input, 0)
        while true {
            let result = jq_next(state)
            if jv_get_kind(result) != JV_KIND_INVALID {
                body(result)
                jv_free(result)
                continue
            }
            if jq_halted(state) != 0 {
                jv_free(result)
                let code = jq_get_exit_code(state)
                var exitCode: Int32 = 0
                if jv_get_kind(code) == JV_KIND_NUMBER { exitCode = Int32(jv_number_value(code)) }
                jv_free(code)
                throw JQError(kind: .halt, message: messages.list.joined(separator: "\n"), exitCode: exitCode)
            }
            if jv_invalid_has_msg(jv_copy(result)) != 0 {
                let message = jv_invalid_get_msg(result)
                let text: String
                if jv_get_kind(message) == JV_KIND_STRING {
                    text = Self.string(message)
                } else {
                    let dumped = jv_dump_string(jv_copy(message), 0)
                    text = Self.string(dumped) + " (not a string)"
                    jv_free(dumped)
                }
                jv_free(message)
                throw JQError(kind: .runtime, message: text)
            }
            jv_free(result)
            return
        }
    }

    // MARK: - jv helpers

    /// Parses one JSON text; a syntax error becomes an input error with jq's message.
    static func parse(_ json: UnsafeBufferPointer<UInt8>) throws(JQError) -> jv {
        guard json.count <= Int(Int32.max) else { throw JQError(kind: .input, message: "input larger than 2 GiB") }
        guard let base = json.baseAddress, json.count > 0 else {
            throw JQError(kind: .input, message: "Expected JSON value (empty input)")
        }
        let value = base.withMemoryRebound(to: CChar.self, capacity: json.count) { jv_parse_sized($0, Int32(json.count)) }
        if jv_get_kind(value) == JV_KIND_INVALID {
            let message = jv_invalid_get_msg(value)
            let text = jv_get_kind(message) == JV_KIND_STRING ? string(message) : "invalid JSON"
            jv_free(message)
            throw JQError(kind: .input, message: text)
        }
        return value
    }

    static func jvString(_ text: String) -> jv {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return jv_string("") }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { jv_string_sized($0, Int32(bytes.count)) }
        }
    }

    /// Copies a string `jv` (borrowed) into a Swift String, embedded NULs included.
    static func string(_ value: jv) -> String {
        let length = Int(jv_string_length_bytes(jv_copy(value)))
        guard let pointer = jv_string_value(value) else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The text of an error-callback message (owned, freed here).
    static func text(ofMessage message: jv) -> String {
        defer { jv_free(message) }
        if jv_get_kind(message) == JV_KIND_STRING { return string(message) }
        let dumped = jv_dump_string(jv_copy(message), 0)
        defer { jv_free(dumped) }
        return string(dumped)
    }

    /// Copies a borrowed `jv` into a JQValue.
    static func convert(_ value: jv) -> JQValue {
        switch jv_get_kind(value) {
        case JV_KIND_NULL: return .null
        case JV_KIND_TRUE: return .bool(true)
        case JV_KIND_FALSE: return .bool(false)
        case JV_KIND_NUMBER: return .number(jv_number_value(value))
        case JV_KIND_STRING: return .string(string(value))
        case JV_KIND_ARRAY:
            let count = jv_array_length(jv_copy(value))
            var elements: [JQValue] = []
            for index in 0..<count {
                let element = jv_array_get(jv_copy(value), index)
                elements.append(convert(element))
                jv_free(element)
            }
            return .array(elements)
        case JV_KIND_OBJECT:
            let keys = jv_keys(jv_copy(value))
            var members: [String: JQValue] = [:]
            for index in 0..<jv_array_length(jv_copy(keys)) {
                let key = jv_array_get(jv_copy(keys), index)
                let name = string(key)
                let member = jv_object_get(jv_copy(value), key)
                members[name] = convert(member)
                jv_free(member)
            }
            jv_free(keys)
            return .object(members)
        default:
            return .null
        }
    }
}
