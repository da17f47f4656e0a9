/// A unified diff of two versions of a file (`--diff` of `validate --fix` and `fmt`), in the
/// format `patch` and `git apply` read: `---`/`+++` headers, `@@` hunks with 3 lines of context.
public enum UnifiedDiff {
    struct Line: Equatable {
        /// The line's bytes without its LF (a CR before the LF stays, as `diff` shows it).
        var text: String
        /// False only for a last line without a line break.
        var terminated: Bool
    }

    enum Step: Equatable { case same(Int, Int), delete(Int), insert(Int) }

    /// Empty when the two are equal.
    public static func render(old: [UInt8], new: [UInt8], oldPath: String, newPath: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let steps = script(a, b)
        var out = "--- \(oldPath)\n+++ \(newPath)\n"
        for hunk in hunks(steps, context: context) {
            out += header(hunk)
            for step in hunk {
                switch step {
                case .same(let i, _): out += emit(" ", a[i])
                case .delete(let i): out += emit("-", a[i])
                case .insert(let j): out += emit("+", b[j])
                }
            }
        }
        return out
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for k in bytes.indices where bytes[k] == 0x0A {
            lines.append(Line(text: String(decoding: bytes[start..<k], as: UTF8.self), terminated: true))
            start = k + 1
        }
        if start < bytes.count {
            lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), terminated: false))
        }
        return lines
    }

    static func emit(_ mark: String, _ line: Line) -> String {
        mark + line.text + "\n" + (line.terminated ? "" : "\\ No newline at end of file\n")
    }

    /// The shortest edit script (Myers' greedy algorithm) after trimming the common ends.
    static func script(_ a: [Line], _ b: [Line]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var steps = (0..<prefix).map { Step.same($0, $0) }
        steps += middle(x, y).map { step in
            switch step {
            case .same(let i, let j): return .same(i + prefix, j + prefix)
            case .delete(let i): return .delete(i + prefix)
            case .insert(let j): return .insert(j + prefix)
            }
        }
        steps += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
        return steps
    }

    static func middle(_ a: [Line], _ b: [Line]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let offset = n + m
        var v = [Int](repeating: 0, count: 2 * offset + 2)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk the trace back from the end to recover the steps.
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                steps.append(.same(x, y))
            }
            if d > 0 {
                if down { y -= 1; steps.append(.insert(y)) } else { x -= 1; steps.append(.delete(x)) }
            }
        }
        return steps.reversed()
    }

    /// Changes with `context` unchanged lines around them; changes closer than twice that share a hunk.
    static func hunks(_ steps: [Step], context: Int) -> [[Step]] {
        let changed = steps.indices.filter { if case .same = steps[$0] { return false } else { return true } }
        guard let first = changed.first else { return [] }
        var ranges: [ClosedRange<Int>] = []
        var start = first, end = first
        for index in changed.dropFirst() {
            if index - end > 2 * context {
                ranges.append(start...end)
                start = index
            }
            end = index
        }
        ranges.append(start...end)
        return ranges.map { range in
            Array(steps[max(0, range.lowerBound - context)...min(steps.count - 1, range.upperBound + context)])
        }
    }

    static func header(_ hunk: [Step]) -> String {
        var oldLines: [Int] = [], newLines: [Int] = []
        for step in hunk {
            switch step {
            case .same(let i, let j): oldLines.append(i); newLines.append(j)
            case .delete(let i): oldLines.append(i)
            case .insert(let j): newLines.append(j)
            }
        }
        func range(_ lines: [Int], before: Int) -> String {
            guard let first = lines.first else { return "\(before),0" }
            return lines.count == 1 ? "\(first + 1)" : "\(first + 1),\(lines.count)"
        }
        // An empty side starts at the line before the hunk.
        let oldBefore = hunkStart(hunk, old: true), newBefore = hunkStart(hunk, old: false)
        return "@@ -\(range(oldLines, before: oldBefore)) +\(range(newLines, before: newBefore)) @@\n"
    }

    /// The number of lines of one side that come before the hunk.
    static func hunkStart(_ hunk: [Step], old: Bool) -> Int {
        for step in hunk {
            switch step {
            case .same(let i, let j): return old ? i : j
            case .delete(let i): if old { return i }
            case .insert(let j): if !old { return j }
            }
        }
        return 0
    }
}
