import CJQ
import CJQGuard
#if canImport(Glibc)
import Glibc
#endif

/// A compiled jq filter that owns its `jq_state`. Compile once, run over many inputs.
///
/// Not thread-safe: libjq's reference counts are not atomic, so each thread makes its own filter.
/// Ownership follows libjq: nearly every `jv_*` call consumes its arguments, `jv_copy` adds a
/// reference, `jv_get_kind`, `jv_number_value` and `jv_string_value` borrow.
///
/// Every run goes through CJQGuard: libjq running out of memory or passing a budget is a thrown
/// `JQError`, not the end of the process, and runs happen on a large stack (see `JQStack`).
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

    /// Receives libjq's error and debug callbacks.
    final class Callbacks {
        var messages: [String] = []
        var debugToStandardError = false
        var debugFlags: Int32 = 0
    }

    private var state: OpaquePointer?
    private let callbacks = Callbacks()
    public let program: String
    public let options: JQOptions
    private let arguments: [String: String]
    /// What libjq compiles: `program`, wrapped when isolated.
    private let compiledProgram: String

    /// Compiles `program`; `arguments` become `$name` variables, as `jq --arg name value` does.
    public init(_ program: String, arguments: [String: String] = [:], options: JQOptions = JQOptions()) throws(JQError) {
        self.program = program
        self.options = options
        self.arguments = arguments
        self.compiledProgram = options.isolated ? JQOptions.isolating(program) : program
        callbacks.debugToStandardError = options.debugToStandardError && !options.isolated
        if options.libraryPaths == nil {
            let refused = JQOptions.moduleWords.union(options.isolated ? ["module"] : [])
            if let word = JQProgramScan.words(refused, in: program).first {
                throw JQError(kind: .compile, message: Self.refusal(word, isolated: options.isolated))
            }
        }
        let made: OpaquePointer = try JQStack.run { () throws(JQError) -> OpaquePointer in
            if options.isolated {
                // Compiled as written first, so a mistake is reported at the user's own text.
                let probe = try self.makeState(program)
                var doomed: OpaquePointer? = probe
                jq_teardown(&doomed)
            }
            return try self.makeState(self.compiledProgram)
        }
        state = made
    }

    deinit {
        if state != nil { jq_teardown(&state) }
    }

    static func refusal(_ word: String, isolated: Bool) -> String {
        if word == "module" { return "jq: error: a module directive has no use in a custom rule: remove it" }
        let what = word == "modulemeta" ? "modulemeta reads module files, and module search" : "\(word) reads other files, and module search"
        if isolated {
            return "jq: error: \(what) is disabled for filters from a config file or a mapping file: such a filter sees only its input"
        }
        return "jq: error: \(what) is disabled: pass a library directory with -L DIR to allow modules"
    }

    /// A fresh state with callbacks, attributes and the compiled program.
    private func makeState(_ text: String) throws(JQError) -> OpaquePointer {
        guard let made = jq_init() else { throw JQError(kind: .compile, message: "jq: cannot initialise libjq") }
        let context = Unmanaged.passUnretained(callbacks).toOpaque()
        jq_set_error_cb(made, { context, message in
            guard let context else { jv_free(message); return }
            Unmanaged<Callbacks>.fromOpaque(context).takeUnretainedValue().messages.append(JQFilter.text(ofMessage: message))
        }, context)
        jq_set_debug_cb(made, { context, message in
            guard let context else { jv_free(message); return }
            let callbacks = Unmanaged<Callbacks>.fromOpaque(context).takeUnretainedValue()
            guard callbacks.debugToStandardError else { jv_free(message); return }
            let line = jv_dump_string(jv_array_append(jv_array_append(jv_array(), jv_string("DEBUG:")), message),
                                      callbacks.debugFlags & ~Int32(JV_PRINT_PRETTY.rawValue))
            JQFilter.writeToStandardError(JQFilter.string(line) + "\n")
            jv_free(line)
        }, context)
        // `input` and `inputs` see no further inputs (each run gets exactly one): `inputs` is empty
        // and `input` fails with "break", as the jq 1.6 program says at the end of its input.
        jq_set_input_cb(made, { _, _ in jv_invalid() }, nil)
        jqg_guard_state(made)
        var paths = jv_array()
        for path in options.libraryPaths ?? [] { paths = jv_array_append(paths, Self.jvString(path)) }
        jq_set_attr(made, jv_string("JQ_LIBRARY_PATH"), paths)
        // `$ORIGIN/` in an import's search path expands from this; unset, libjq aborts.
        jq_set_attr(made, jv_string("JQ_ORIGIN"), Self.jvString(Self.executableDirectory))
        var args = jv_object()
        for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
            args = jv_object_set(args, jv_string(name), Self.jvString(value))
        }
        callbacks.messages.removeAll()
        // An object, not an array: older builds double-free an array here.
        let compiled = text.withCString { jq_compile_args(made, $0, args) }
        if compiled == 0 {
            let message = callbacks.messages.isEmpty ? "jq: error: the filter does not compile" : callbacks.messages.joined(separator: "\n")
            callbacks.messages.removeAll()
            var doomed: OpaquePointer? = made
            jq_teardown(&doomed)
            throw JQError(kind: .compile, message: message.contains("compile error") ? message : message + "\njq: 1 compile error")
        }
        return made
    }

    /// Runs the filter on one JSON text and calls `output` with each result as jq would print it.
    public func run(json: UnsafeBufferPointer<UInt8>, options output: OutputOptions,
                    output emit: (String) -> Void) throws(JQError) {
        callbacks.debugFlags = output.sortKeys ? Int32(JV_PRINT_SORTED.rawValue) : 0
        try JQStack.run { () throws(JQError) in
            let input = try Self.parse(json)
            try self.run(input: input) { value in
                if output.raw, jv_get_kind(value) == JV_KIND_STRING {
                    emit(Self.string(value))
                } else {
                    let dumped = jv_dump_string(jv_copy(value), output.dumpFlags)
                    emit(Self.string(dumped))
                    jv_free(dumped)
                }
                return true
            }
        }
    }

    /// Runs the filter on one JSON text and returns every result as a Swift value.
    public func values(json: UnsafeBufferPointer<UInt8>) throws(JQError) -> [JQValue] {
        try JQStack.run { () throws(JQError) -> [JQValue] in
            let input = try Self.parse(json)
            var results: [JQValue] = []
            var failure: JQError? = nil
            try self.run(input: input) { value in
                do throws(JQError) {
                    results.append(try JQValue(value))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return results
        }
    }

    /// True when the first result is truthy (not false or null); no result counts as false. The
    /// run stops at the first result, so a filter with endless results still ends.
    public func isTruthy(json: UnsafeBufferPointer<UInt8>) throws(JQError) -> Bool {
        try JQStack.run { () throws(JQError) -> Bool in
            let input = try Self.parse(json)
            var truthy = false
            try self.run(input: input) { value in
                let kind = jv_get_kind(value)
                truthy = kind != JV_KIND_NULL && kind != JV_KIND_FALSE
                return false
            }
            return truthy
        }
    }

    /// Consumes `input`; `body` borrows each result (freed after it returns) and returns false to
    /// stop early.
    private func run(input: jv, _ body: (jv) -> Bool) throws(JQError) {
        if state == nil {
            // Dropped after libjq ran out of memory: compile again for this input.
            do throws(JQError) {
                state = try makeState(compiledProgram)
            } catch {
                jv_free(input)
                throw error
            }
        }
        guard let state else {
            jv_free(input)
            throw JQError(kind: .compile, message: "jq: the filter did not compile")
        }
        callbacks.messages.removeAll()
        jq_start(state, input, 0)
        jqg_budget_begin(state, options.timeBudgetNanoseconds, options.memoryBudgetBytes)
        var failure: JQError? = nil
        while true {
            var result = jv_invalid()
            let status = jqg_next(state, &result)
            if status != JQG_OK {
                // libjq's stack was abandoned mid-instruction: the state is kept aside, never reused.
                jqg_abandon(state)
                self.state = nil
                failure = limitError(status)
                break
            }
            if jv_get_kind(result) != JV_KIND_INVALID {
                let more = body(result)
                jv_free(result)
                if jqg_halt_reason() != JQG_OK || !more { break }
                continue
            }
            if jq_halted(state) != 0 {
                jv_free(result)
                if jqg_halt_reason() == JQG_OK { failure = Self.haltError(state) }
                break
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
                failure = JQError(kind: .runtime, message: text)
                break
            }
            jv_free(result)
            break
        }
        let stopped = jqg_budget_end()
        if stopped != JQG_OK { failure = limitError(stopped) }
        if let failure { throw failure }
    }

    private func limitError(_ status: jqg_status) -> JQError {
        switch status {
        case JQG_TIME_BUDGET:
            let seconds = options.timeBudget.map { JQLimitText.seconds($0) } ?? "its"
            return JQError(kind: .timeBudget, message: "the filter ran longer than its time budget of \(seconds) and was stopped")
        case JQG_MEMORY_BUDGET:
            let bytes = options.memoryBudget.map { JQLimitText.bytes($0) } ?? "its"
            return JQError(kind: .memoryBudget, message: "the process grew by more than the filter's memory budget of \(bytes) while it ran, and it was stopped")
        case JQG_OUT_OF_MEMORY:
            return JQError(kind: .outOfMemory, message: "libjq ran out of memory (the filter builds a value too large to allocate) and was stopped")
        default:
            return JQError(kind: .aborted, message: "libjq stopped on an internal assertion after the filter was halted")
        }
    }

    /// `halt` or `halt_error`: jq's exit code, exactly, and the message jq would print.
    static func haltError(_ state: OpaquePointer) -> JQError {
        var message = ""
        let text = jq_get_error_message(state)
        switch jv_get_kind(text) {
        case JV_KIND_STRING: message = string(text)
        case JV_KIND_NULL, JV_KIND_INVALID: break
        default:
            let dumped = jv_dump_string(jv_copy(text), 0)
            message = string(dumped) + "\n"
            jv_free(dumped)
        }
        jv_free(text)
        let code = jq_get_exit_code(state)
        defer { jv_free(code) }
        switch jv_get_kind(code) {
        case JV_KIND_INVALID:
            return JQError(kind: .halt, message: message, exitCode: 0)
        case JV_KIND_NUMBER:
            if let exact = Int32(exactly: jv_number_value(code)) {
                return JQError(kind: .halt, message: message, exitCode: exact)
            }
            let dumped = jv_dump_string(jv_copy(code), 0)
            defer { jv_free(dumped) }
            return JQError(kind: .halt, message: message + "jq: error: halt_error exit code \(string(dumped)) is not a 32-bit integer: exit status 5\n",
                           exitCode: 5)
        default:
            return JQError(kind: .halt, message: message + "jq: error: halt_error exit code is not a number: exit status 5\n", exitCode: 5)
        }
    }

    // MARK: - jv helpers

    /// Parses one JSON text; a syntax error becomes an input error with jq's message.
    static func parse(_ json: UnsafeBufferPointer<UInt8>) throws(JQError) -> jv {
        guard json.count <= Int(Int32.max) else { throw JQError(kind: .input, message: "input larger than 2 GiB") }
        guard let base = json.baseAddress, json.count > 0 else {
            throw JQError(kind: .input, message: "Expected JSON value (empty input)")
        }
        var value = jv_invalid()
        let status = base.withMemoryRebound(to: CChar.self, capacity: json.count) { jqg_parse($0, Int32(json.count), &value) }
        if status != JQG_OK {
            throw JQError(kind: .outOfMemory, message: "libjq ran out of memory reading the input")
        }
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

    static func writeToStandardError(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var written = 0
            while written < bytes.count {
                let n = write(2, base + written, bytes.count - written)
                if n <= 0 { return }
                written += n
            }
        }
    }

    /// The directory of this executable, which jq calls `$ORIGIN`.
    static let executableDirectory: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return "/nonexistent" }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }()
}
