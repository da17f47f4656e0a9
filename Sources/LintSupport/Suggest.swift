/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().utf8)
        var best: (String, Int)? = nil
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().utf8))
            let limit = max(1, min(3, candidate.utf8.count / 3))
            if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < best?.0 ?? "") {
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
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
