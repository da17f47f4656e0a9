import Foundation
import LintJSON
import LintModel
import LintRules
import LintSource

/// The mapping side of `validate`: which inputs are mapping files, which metadata each is checked
/// against (`--metadata`, else the external_domain_metadata.json beside it), and the mapping
/// beside each metadata file.
struct MappingFiles {
    static let mappingName = "initial_domain_mapping.json"
    static let metadataName = "external_domain_metadata.json"

    let config: Config
    let validator: MappingValidator
    /// `--metadata`: the metadata every mapping is checked against.
    let metadataPath: String?
    /// Which files the config's ignore patterns skip.
    let exclusion: InputExclusion
    /// Mapping files beside a metadata file that an ignore pattern skipped.
    private(set) var ignored: [String] = []
    /// Inputs already checked (standardized paths), so a file given and found beside another is checked once.
    private var checked: Set<String> = []
    /// Metadata read as a companion, by standardized path.
    private var companions: [String: Companion] = [:]

    enum Companion {
        case found(MappingValidator.Companion)
        case notJSON(String)
    }

    init(config: Config, metadataPath: String?, given: [String], exclusion: InputExclusion) {
        self.config = config
        self.exclusion = exclusion
        self.metadataPath = metadataPath
        validator = MappingValidator(config: config)
        checked = Set(given.filter { $0 != "-" }.map(Self.standardized))
    }

    static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    static func beside(_ path: String, named name: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    /// A mapping file by its name, or by a top level that has one of the mapping shapes.
    static func isMapping(_ source: SourceFile, path: String) -> Bool {
        if (path as NSString).lastPathComponent == mappingName { return true }
        if (path as NSString).lastPathComponent == metadataName { return false }
        guard let root = try? JSONDocument.parse(source.bytes), let members = root.members else { return false }
        let keys = Set(members.map(\.key))
        return !keys.contains("record_types") && !keys.isDisjoint(with: MappingReader.shapeKeys)
    }

    /// Checks a mapping file given on the command line.
    mutating func validate(_ source: SourceFile, path: String) throws(InputError) -> [Diagnostic] {
        if path == "-" && metadataPath == nil {
            return validator.validate(source, companion: nil, skipped: .standardInput).diagnostics
        }
        let metadata = metadataPath ?? Self.beside(path, named: Self.metadataName)
        let explicit = metadataPath != nil
        guard explicit || FileManager.default.fileExists(atPath: metadata) else {
            return validator.validate(source, companion: nil, skipped: .noMetadata(expected: metadata)).diagnostics
        }
        switch try companion(metadata) {
        case .found(let companion):
            return validator.validate(source, companion: companion).diagnostics
        case .notJSON(let path):
            return validator.validate(source, companion: nil, skipped: .metadataNotJSON(path: path)).diagnostics
        }
    }

    /// Checks the mapping beside a metadata file just validated, unless it was given too (or ignored).
    mutating func validateBeside(_ metadataPath: String, metadata: MetadataValidator.Result) throws(InputError) -> (SourceFile, [Diagnostic])? {
        guard metadataPath != "-" else { return nil }
        let path = Self.beside(metadataPath, named: Self.mappingName)
        guard FileManager.default.fileExists(atPath: path), !checked.contains(Self.standardized(path)) else { return nil }
        if exclusion.skips(path) {
            ignored.append(path)
            return nil
        }
        checked.insert(Self.standardized(path))
        let source = try InputFile.read(path)
        let companion = self.metadataPath == nil ? metadata.metadata.map { MappingValidator.Companion(metadata: $0, source: metadata.source) }
            : try explicitCompanion()
        let skipped: MappingChecksSkipped.Reason? = companion == nil ? .metadataNotJSON(path: metadataPath) : nil
        return (source, validator.validate(source, companion: companion, skipped: skipped).diagnostics)
    }

    private mutating func explicitCompanion() throws(InputError) -> MappingValidator.Companion? {
        guard let metadataPath, case .found(let companion) = try companion(metadataPath) else { return nil }
        return companion
    }

    private mutating func companion(_ path: String) throws(InputError) -> Companion {
        let key = Self.standardized(path)
        if let known = companions[key] { return known }
        let source = try InputFile.read(path)
        let result = MetadataValidator(config: config).validate(source)
        let companion: Companion = result.metadata.map { .found(MappingValidator.Companion(metadata: $0, source: source)) }
            ?? .notJSON(path)
        companions[key] = companion
        return companion
    }

    /// What `validate` checks with no file given: the metadata here (and the mapping beside it), or
    /// only the mapping when there is no metadata file.
    static func defaultPaths() -> [String] {
        let manager = FileManager.default
        if !manager.fileExists(atPath: metadataName), manager.fileExists(atPath: mappingName) { return [mappingName] }
        return [metadataName]
    }
}
