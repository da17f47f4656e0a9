import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Finds an artifact's item type from its file name.
public struct ItemTypeResolver: Sendable {
    public let known: [String]

    public init(recordTypes: [String]) {
        known = recordTypes + ArtifactSchema.reservedItemTypes.filter { !recordTypes.contains($0) }
    }

    /// The longest known item type the name fits, or nil. Accepted shapes: `<type>.jsonl`,
    /// `<type>.jsonl.gz`, `<type>.json`, `extractor_<type>_<digits>.jsonl`, `<type>-<n>.jsonl.gz`,
    /// `<type>_<n>.jsonl`.
    public func resolve(fileName: String) -> String? {
        candidates(fileName).filter(known.contains).max { $0.count < $1.count }
    }

    func candidates(_ fileName: String) -> [String] {
        var base = Substring(fileName)
        for suffix in [".gz", ".jsonl", ".json"] where base.hasSuffix(suffix) {
            base = base.dropLast(suffix.count)
        }
        var names: [Substring] = [base]
        if base.hasPrefix("extractor_") { names.append(base.dropFirst("extractor_".count)) }
        for name in names {
            if let cut = name.lastIndex(where: { $0 == "_" || $0 == "-" }) {
                let tail = name[name.index(after: cut)...]
                if !tail.isEmpty, tail.allSatisfy(\.isNumber) { names.append(name[..<cut]) }
            }
        }
        return names.map(String.init)
    }
}

extension ItemTypeResolver {
    /// The record type a file of samples stands for when no metadata names the types yet (`infer`):
    /// the name check-artifacts would match once that type is declared, with the `extractor_`
    /// prefix and a `_<digits>` or `-<digits>` batch suffix removed.
    public static func recordTypeName(fileName: String) -> String {
        ItemTypeResolver(recordTypes: []).candidates(fileName).last ?? fileName
    }
}
