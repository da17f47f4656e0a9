import Foundation

/// "Did you mean" suggestions by edit distance, with bounded work: a suggestion is a courtesy,
/// so neither a huge candidate list (a million enum keys) nor a huge number of unknown names
/// (ten thousand bad references) may make a check slow.
///
/// Candidates are screened cheaply first (length, then the set of characters used: each edit
/// changes at most two members of that set), and only the survivors get the edit-distance table,
/// which stops as soon as a row is past the limit. All of it is paid in units (one per screening,
/// `tableCost` per table): at most `workPerCall` per call, and at most `workPerRun` in all within
/// `withBudget` (validating a file, reading an artifact), whose findings are made on one thread
/// in a fixed order, so the budget runs out at the same finding every time. Once it is spent,
/// messages give their other advice instead of a suggestion.
public enum Suggest {
    /// Work one call may spend: a hundred thousand screenings.
    public static let workPerCall = 100_000
    /// Work all the calls within one `withBudget` may spend: a million screenings.
    public static let workPerRun = 1_000_000
    /// What one edit-distance table costs, in screenings.
    static let tableCost = 16
    /// Longest word or candidate compared, in bytes.
    static let maxLength = 64

    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = lowered(word)
        guard target.count <= maxLength else { return nil }
        let targetMask = mask(word.utf8)
        let shared = Budget.current
        var budget = min(shared ?? workPerCall, workPerCall)
        let start = budget
        defer { if let shared { Budget.current = shared - (start - budget) } }
        var best: (String, Int)? = nil
        var rows = DistanceRows()
        for candidate in candidates {
            guard budget > 0 else { break }
            budget -= 1
            let length = candidate.utf8.count
            let limit = max(1, min(3, length / 3))
            let bound = min(limit, best?.1 ?? limit)
            if abs(length - target.count) > bound || length > maxLength { continue }
            if (targetMask ^ mask(candidate.utf8)).nonzeroBitCount > 2 * bound { continue }
            guard budget >= tableCost else { break }
            budget -= tableCost
            guard let distance = rows.distance(target, lowered(candidate), bound: bound) else { continue }
            if distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < best?.0 ?? "") {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `did you mean "x"?` for the closest candidate, or nil when none is close.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S, prefix: String = "") -> String? where S.Element == String {
        closest(to: word, in: candidates).map { "did you mean \"\(prefix)\($0)\"?" }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var rows = DistanceRows()
        return rows.distance(a, b, bound: Int.max / 2) ?? Int.max
    }

    private static func lowered(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// One bit per letter and digit (either case; one bit for everything else) the bytes contain.
    private static func mask(_ bytes: String.UTF8View) -> UInt64 {
        var bits: UInt64 = 0
        for raw in bytes {
            let byte = raw >= 0x41 && raw <= 0x5A ? raw | 0x20 : raw
            switch byte {
            case 0x61...0x7A: bits |= 1 << UInt64(byte - 0x61)
            case 0x30...0x39: bits |= 1 << UInt64(26 + byte - 0x30)
            case 0x5F: bits |= 1 << 36
            case 0x2D: bits |= 1 << 37
            default: bits |= 1 << 38
            }
        }
        return bits
    }

    /// Runs `body` with a shared budget of `units` for every suggestion it asks for on this thread.
    public static func withBudget<T>(_ units: Int = workPerRun, _ body: () throws -> T) rethrows -> T {
        let saved = Budget.current
        Budget.current = units
        defer { Budget.current = saved }
        return try body()
    }

    /// The work left in the innermost `withBudget` of this thread (nil: none).
    enum Budget {
        static let key = "metadata-lint.suggest.budget"

        static var current: Int? {
            get { Thread.current.threadDictionary[key] as? Int }
            set { Thread.current.threadDictionary[key] = newValue }
        }
    }
}

/// Reusable rows of the edit-distance table.
struct DistanceRows {
    private var previousPrevious: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// The distance, or nil once it is certainly above `bound`.
    mutating func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        let width = b.count + 1
        if previous.count < width {
            previousPrevious = [Int](repeating: 0, count: width)
            previous = [Int](repeating: 0, count: width)
            current = [Int](repeating: 0, count: width)
        }
        for j in 0..<width { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= bound ? result : nil
    }
}
