/// How a filter is compiled and run: what it may reach outside its input, and how long and how
/// much memory one run may take.
public struct JQOptions: Sendable {
    /// Directories `import` and `include` search, as `jq -L` gives them. Nil (the default)
    /// disables module search: a filter that imports, includes or calls `modulemeta` does not
    /// compile, so nothing but its input reaches it.
    public var libraryPaths: [String]? = nil
    /// For filters from a config file, which may come from anyone with write access to a
    /// repository: `$ENV` and `env` are empty objects, `stderr` and `input_filename` do nothing,
    /// and `debug` messages are dropped.
    public var isolated = false
    /// Where `debug` messages go when not isolated: standard error, as jq prints them.
    public var debugToStandardError = true
    /// Longest time one run (one input) may take, in seconds; nil: no limit.
    public var timeBudget: Double? = nil
    /// Most the process may grow, in bytes, while one run is in progress; nil: no limit.
    public var memoryBudget: Int? = nil

    public init(libraryPaths: [String]? = nil, isolated: Bool = false, timeBudget: Double? = nil,
                memoryBudget: Int? = nil) {
        self.libraryPaths = libraryPaths
        self.isolated = isolated
        self.timeBudget = timeBudget
        self.memoryBudget = memoryBudget
    }

    /// Filters from a config file.
    public static func configRule(timeBudget: Double?, memoryBudget: Int?) -> JQOptions {
        JQOptions(isolated: true, timeBudget: timeBudget, memoryBudget: memoryBudget)
    }

    var timeBudgetNanoseconds: Int64 {
        guard let seconds = timeBudget, seconds.isFinite, seconds > 0 else { return 0 }
        // At least a nanosecond: zero means "no deadline" to the guard.
        return max(1, Int64(min(seconds, 1e9) * 1e9))
    }

    var memoryBudgetBytes: Int64 {
        guard let bytes = memoryBudget, bytes > 0 else { return 0 }
        // The guard adds it to the resident size: keep the sum far from overflowing.
        return Int64(min(bytes, 1 << 50))
    }

    /// Words that make libjq read files; refused unless the command line gave a library path.
    static let moduleWords: Set<String> = ["import", "include", "modulemeta"]

    /// The program actually compiled for an isolated filter: the user's program, unchanged, inside
    /// definitions that shadow the builtins reaching outside the input. It stays on the user's
    /// first line, so jq's line numbers still match.
    static func isolating(_ program: String) -> String {
        "def env: {}; def stderr: .; def input_filename: null; {} as $ENV | (" + program + "\n)"
    }
}

/// How budgets read in messages: "2 s", "0.5 s", "512 MiB".
public enum JQLimitText {
    public static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int64(value)) s" : "\(value) s"
    }

    public static func bytes(_ value: Int) -> String {
        if value >= 1 << 30, value % (1 << 30) == 0 { return "\(value >> 30) GiB" }
        if value >= 1 << 20, value % (1 << 20) == 0 { return "\(value >> 20) MiB" }
        if value >= 1 << 10, value % (1 << 10) == 0 { return "\(value >> 10) KiB" }
        return "\(value) bytes"
    }
}
