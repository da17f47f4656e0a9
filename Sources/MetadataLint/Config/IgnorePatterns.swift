import Foundation

/// The `ignore` patterns of a config, read the way `.gitignore` reads them:
/// - a path is matched relative to the config file's directory, with `/` between names; a file
///   outside that directory matches no pattern;
/// - a pattern with a `/` at its start or in its middle is anchored there (`/build`,
///   `data/raw/*.jsonl`); one without matches a name at any depth (`*.json`, `vendor`);
/// - a trailing `/` matches directories only (`vendor/`), and a directory that matches ignores
///   everything under it;
/// - `*` matches any run of characters but `/`, `?` one character but `/`, `[a-z]`, `[!0-9]` one
///   character of a set; `**` as a whole name matches any number of directories (`**/generated`,
///   `a/**/b`; a trailing `/**` matches everything inside);
/// - `!pattern` takes back what an earlier pattern ignored (not under an ignored directory: as in
///   git, a directory once ignored stays ignored); `\` makes the next character literal.
public struct IgnorePatterns: Sendable {
    struct Pattern: Sendable {
        var segments: [Segment]
        var directoryOnly: Bool
        var negated: Bool
    }

    enum Segment: Sendable {
        /// `**`: any number of directories, none included.
        case anyDirectories
        case name(NameGlob)
    }

    let patterns: [Pattern]
    /// The config file's directory, standardized, without a trailing `/`.
    let base: String

    /// `base`: the directory patterns are relative to (the config file's).
    public init(_ patterns: [String], base: String) {
        self.patterns = patterns.compactMap(Self.parse)
        self.base = Self.standardized(base)
    }

    /// The patterns of `config`, relative to its file's directory (the working directory for a
    /// config that was not read from a file).
    public init(_ config: Config) {
        let base = config.path.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        self.init(config.ignore, base: base.isEmpty ? "." : base)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Why `pattern` cannot be used, or nil when it can.
    public static func problem(in pattern: String) -> String? {
        let body = pattern.hasPrefix("!") ? String(pattern.dropFirst()) : pattern
        if body.allSatisfy({ $0 == "/" }) {
            return "the ignore pattern \"\(pattern)\" names no file or directory"
        }
        return nil
    }

    /// True when a pattern ignores `path`: the file itself, or one of the directories above it.
    /// With `root` (a directory `path` was found in, or that holds a file it was found beside),
    /// `root` and the directories above it are not tested: only what lies below it.
    public func matches(_ path: String, below root: String? = nil) -> Bool {
        guard !patterns.isEmpty, let names = relativeNames(path) else { return false }
        var exempt = 0
        if let root, let rootNames = relativeNames(root), rootNames.count < names.count,
           Array(names.prefix(rootNames.count)) == rootNames {
            exempt = rootNames.count
        }
        guard names.count > exempt else { return false }
        for depth in (exempt + 1)..<names.count where decision(names.prefix(depth), isDirectory: true) {
            return true
        }
        return decision(names[...], isDirectory: false)
    }

    /// The last pattern that matches decides (a `!` pattern un-ignores).
    func decision(_ names: ArraySlice<String>, isDirectory: Bool) -> Bool {
        var ignored = false
        for pattern in patterns where (isDirectory || !pattern.directoryOnly) && pattern.negated == ignored {
            if Self.match(pattern.segments[...], names) { ignored = !pattern.negated }
        }
        return ignored
    }

    /// Pattern names against path names, `**` taking any number of them: which path prefixes each
    /// pattern prefix can match, one pattern name at a time (no backtracking).
    static func match(_ segments: ArraySlice<Segment>, _ names: ArraySlice<String>) -> Bool {
        let names = Array(names)
        var reachable = [Bool](repeating: false, count: names.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: names.count + 1)
            switch segment {
            case .anyDirectories:
                var seen = false
                for k in 0...names.count {
                    seen = seen || reachable[k]
                    next[k] = seen
                }
            case .name(let glob):
                for k in 0..<names.count where reachable[k] && glob.matches(names[k]) {
                    next[k + 1] = true
                }
            }
            reachable = next
        }
        return reachable[names.count]
    }

    /// `path`'s names below `base`, or nil when it is not under `base`.
    func relativeNames(_ path: String) -> [String]? {
        if let names = Self.names(of: Self.standardized(path), under: base) { return names }
        // A link on the way (macOS's /tmp, a linked checkout): compare the real paths.
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let realBase = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        return Self.names(of: real, under: realBase)
    }

    static func names(of path: String, under base: String) -> [String]? {
        if path == base { return [] }
        let prefix = base == "/" ? "/" : base + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return path.dropFirst(prefix.count).split(separator: "/").map(String.init)
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
    }

    static func parse(_ text: String) -> Pattern? {
        var body = Substring(text)
        let negated = body.hasPrefix("!")
        if negated { body = body.dropFirst() }
        // `./x` names x in the config's directory, as `/x` does.
        while body.hasPrefix("./") { body = "/" + body.dropFirst(2) }
        var directoryOnly = false
        while body.hasSuffix("/") && !body.hasSuffix("\\/") {
            directoryOnly = true
            body = body.dropLast()
        }
        let anchored = body.contains("/")
        let parts = body.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var segments: [Segment] = anchored ? [] : [.anyDirectories]
        for part in parts {
            if part == "**" {
                if case .anyDirectories? = segments.last { continue }
                segments.append(.anyDirectories)
            } else {
                segments.append(.name(NameGlob(part)))
            }
        }
        // A trailing `**` is everything inside, not the directory itself.
        if case .anyDirectories? = segments.last, parts.count > 1 || anchored {
            segments.append(.name(NameGlob("*")))
        }
        return Pattern(segments: segments, directoryOnly: directoryOnly, negated: negated)
    }
}

/// One name of a pattern: literal characters, `?`, `*` and `[...]` sets, matched against one
/// name of a path in time proportional to their lengths' product at worst.
struct NameGlob: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case one
        case star
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)

        func accepts(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .literal(let expected): return scalar == expected
            case .one: return true
            case .star: return false
            case .set(let ranges, let negated): return ranges.contains { $0.contains(scalar.value) } != negated
            }
        }
    }

    let tokens: [Token]

    init(_ text: Substring) {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var k = 0
        while k < scalars.count {
            let scalar = scalars[k]
            switch scalar {
            case "\\" where k + 1 < scalars.count:
                tokens.append(.literal(scalars[k + 1]))
                k += 2
                continue
            case "?":
                tokens.append(.one)
            case "*":
                if tokens.last != .star { tokens.append(.star) }
            case "[":
                if let (set, end) = Self.set(scalars, from: k) {
                    tokens.append(set)
                    k = end + 1
                    continue
                }
                tokens.append(.literal(scalar))
            default:
                tokens.append(.literal(scalar))
            }
            k += 1
        }
        self.tokens = tokens
    }

    /// The set that starts at `scalars[start]` (a `[`) and the index of its `]`; nil when it is
    /// not closed (the `[` is then a literal).
    static func set(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var k = start + 1
        var negated = false
        if k < scalars.count, scalars[k] == "!" || scalars[k] == "^" {
            negated = true
            k += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while k < scalars.count {
            var low = scalars[k]
            if low == "]" && !first { return (.set(ranges: ranges, negated: negated), k) }
            first = false
            if low == "\\", k + 1 < scalars.count {
                k += 1
                low = scalars[k]
            }
            if k + 2 < scalars.count, scalars[k + 1] == "-", scalars[k + 2] != "]" {
                var high = scalars[k + 2]
                k += 2
                if high == "\\", k + 1 < scalars.count {
                    k += 1
                    high = scalars[k]
                }
                if low.value <= high.value { ranges.append(low.value...high.value) }
            } else {
                ranges.append(low.value...low.value)
            }
            k += 1
        }
        return nil
    }

    /// Greedy, returning to the last `*` on a mismatch: every other token takes one character.
    func matches(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        var t = 0
        var s = 0
        var starToken = -1
        var starScalar = 0
        while s < scalars.count {
            if t < tokens.count, tokens[t] == .star {
                starToken = t
                starScalar = s
                t += 1
            } else if t < tokens.count, tokens[t].accepts(scalars[s]) {
                t += 1
                s += 1
            } else if starToken >= 0 {
                t = starToken + 1
                starScalar += 1
                s = starScalar
            } else {
                return false
            }
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }
}
