/// Words for sample text: mostly ASCII, a few with accents so length bounds are tested on
/// characters, not bytes.
enum SampleText {
    static let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "sync", "import", "ticket", "record",
        "field", "mapping", "export", "customer", "café", "naïve", "résumé", "value", "release", "backlog",
    ]

    /// A text of a length drawn within the bounds (in Unicode scalars, as check-artifacts counts).
    static func text(_ rng: inout SplitMix64, min low: Int64?, max high: Int64?) -> String {
        let lower = Int(clamping: max(low ?? 0, 0))
        let upper = high.map { Int(clamping: $0) } ?? lower + 40
        let floor = low == nil && high == nil ? 8 : lower
        let length = Int(rng.between(Int64(floor), Int64(min(max(upper, floor), floor + 60))))
        return fit(sentence(&rng, atLeast: length), length: length)
    }

    static func sentence(_ rng: inout SplitMix64, atLeast length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < length {
            if !scalars.isEmpty { scalars.append(" ") }
            let word = rng.pick(words) ?? "text"
            scalars.append(contentsOf: scalars.isEmpty ? (word.prefix(1).uppercased() + word.dropFirst()).unicodeScalars : word.unicodeScalars)
        }
        return String(scalars)
    }

    /// Cuts or pads `text` to exactly `length` scalars.
    static func fit(_ text: String, length: Int) -> String {
        var scalars = Array(text.unicodeScalars.prefix(length))
        while scalars.count < length { scalars.append("x") }
        if let last = scalars.last, last == " " { scalars[scalars.count - 1] = "x" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
