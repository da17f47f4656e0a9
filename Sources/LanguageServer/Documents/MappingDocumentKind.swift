import Foundation
import JSONRPC
import MetadataLint

/// initial_domain_mapping.json: checked by the same `MappingValidator` as `validate`, against the
/// external_domain_metadata.json beside it (as saved on disk). Findings only for now: hover shows
/// their explanations; completion and navigation are the metadata kind's.
public struct MappingDocumentKind: DocumentKind {
    public init() {}

    public var name: String { "mapping" }

    static let fileName = "initial_domain_mapping.json"
    static let metadataName = "external_domain_metadata.json"

    public func claims(uri: String, path: String?, text: [UInt8]) -> Bool {
        ((path ?? uri).split(separator: "/").last.map(String.init) ?? "") == Self.fileName
    }

    public func analyze(_ source: SourceFile, config: Config, previous: (any DocumentAnalysis)?) -> any DocumentAnalysis {
        let validator = MappingValidator(config: config)
        let directory = (source.path as NSString).deletingLastPathComponent
        let metadataPath = directory.isEmpty ? Self.metadataName : (directory as NSString).appendingPathComponent(Self.metadataName)
        let result: MappingValidator.Result
        if let metadataSource = try? InputFile.read(metadataPath) {
            let metadata = MetadataValidator(config: config).validate(metadataSource)
            if let model = metadata.metadata {
                result = validator.validate(source, companion: .init(metadata: model, source: metadataSource))
            } else {
                result = validator.validate(source, companion: nil, skipped: .metadataNotJSON(path: metadataPath))
            }
        } else {
            result = validator.validate(source, companion: nil, skipped: .noMetadata(expected: metadataPath))
        }
        return MappingAnalysis(source: source, diagnostics: result.diagnostics)
    }
}

struct MappingAnalysis: DocumentAnalysis {
    let source: SourceFile
    let diagnostics: [Diagnostic]
}
