/// Finds the record types a field's values point at: ids of another type's samples, or values of
/// another type's unique field (an e-mail, a key), which then becomes its identifier.
struct ReferenceInference {
    /// Share of a field's values that must be ids (or identifier values) of the targets. Samples
    /// are cut from live systems, so some targets are missing from them; four in five is strong
    /// evidence while a text field rarely matches another type's ids by chance.
    static let matchThreshold = 0.8
    /// A field counts as a type's unique field when it is present in this share of its samples.
    static let identifierPresence = 0.9

    struct Match {
        var targets: [InferredTarget]
        var matched: Int
        var total: Int
    }

    struct IdentifierCandidate {
        var recordType: String
        var field: String
        var values: Set<String>
    }

    let types: [TypeSamples]
    private(set) var candidates: [IdentifierCandidate] = []

    init(types: [TypeSamples]) {
        self.types = types
        for type in types {
            for key in type.data.order {
                guard let stats = type.data.fields[key], isUniqueText(stats, of: type) else { continue }
                candidates.append(IdentifierCandidate(recordType: type.name, field: key, values: Set(stats.counts.keys)))
            }
        }
    }

    /// All strings, non-empty, distinct, not dates, not bare numbers, nearly always present, and
    /// not themselves ids of some type.
    private func isUniqueText(_ stats: ValueStats, of type: TypeSamples) -> Bool {
        guard stats.strings == stats.present, stats.present >= 2, stats.empty == 0, !stats.capped,
              Double(stats.present) >= Self.identifierPresence * Double(type.data.objects),
              stats.counts.count == stats.strings, stats.dates + stats.timestamps == 0,
              !stats.firstSeen.allSatisfy(Self.isNumeric) else { return false }
        let total = stats.present
        for other in types {
            let matched = stats.firstSeen.reduce(0) { $0 + (other.ids.contains($1) ? 1 : 0) }
            if matched * 2 >= total { return false }
        }
        return true
    }

    func isIdentifierCandidate(recordType: String, field: String) -> Bool {
        candidates.contains { $0.recordType == recordType && $0.field == field }
    }

    /// The record types whose ids cover at least `matchThreshold` of the values, fewest first.
    func byID(_ stats: ValueStats, key: String) -> Match? {
        let total = stats.counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        var remaining = stats.firstSeen
        var targets: [InferredTarget] = []
        var matched = 0
        var matchedValues: [String] = []
        while Double(matched) < Self.matchThreshold * Double(total) {
            var best: (type: TypeSamples, count: Int, values: [String])? = nil
            for type in types where !targets.contains(where: { $0.recordType == type.name }) {
                let hits = remaining.filter { type.ids.contains($0) }
                let count = hits.reduce(0) { $0 + (stats.counts[$1] ?? 0) }
                if count > (best?.count ?? 0) { best = (type, count, hits) }
            }
            guard let best else { break }
            targets.append(InferredTarget(recordType: best.type.name, byField: nil))
            matched += best.count
            matchedValues += best.values
            let hit = Set(best.values)
            remaining.removeAll { hit.contains($0) }
        }
        guard !targets.isEmpty, Double(matched) >= Self.matchThreshold * Double(total) else { return nil }
        // Bare numbers match ids by accident (counts, points): then the key must say "id" or
        // name the target.
        if matchedValues.allSatisfy(Self.isNumeric), !targets.contains(where: { Self.keyHints(key, at: $0.recordType) }) {
            return nil
        }
        return Match(targets: targets, matched: matched, total: total)
    }

    /// Another type's unique field that holds at least `matchThreshold` of the values.
    func byField(_ stats: ValueStats, key: String, owner: String) -> Match? {
        let total = stats.counts.values.reduce(0, +)
        guard total > 0, !isIdentifierCandidate(recordType: owner, field: key) else { return nil }
        var best: (candidate: IdentifierCandidate, count: Int)? = nil
        for candidate in candidates where !(candidate.recordType == owner && candidate.field == key) {
            let count = stats.firstSeen.reduce(0) { $0 + (candidate.values.contains($1) ? stats.counts[$1] ?? 0 : 0) }
            if count > (best?.count ?? 0) { best = (candidate, count) }
        }
        guard let best, Double(best.count) >= Self.matchThreshold * Double(total) else { return nil }
        return Match(targets: [InferredTarget(recordType: best.candidate.recordType, byField: best.candidate.field)],
                     matched: best.count, total: total)
    }

    static func isNumeric(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// "owner_id", "user_ids", "assignee" → users? Only the id suffix or the target's name count.
    static func keyHints(_ key: String, at recordType: String) -> Bool {
        let lower = key.lowercased()
        if lower.hasSuffix("id") || lower.hasSuffix("ids") { return true }
        let target = recordType.lowercased()
        let singular = target.count > 3 && target.hasSuffix("s") ? String(target.dropLast()) : target
        return lower.contains(singular)
    }
}
