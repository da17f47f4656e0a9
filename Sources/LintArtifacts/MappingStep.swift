import Foundation
import LintRules
import LintModel
import LintSource

/// check-artifacts --mapping, before the data: the mapping validated against the metadata, and
/// the probes it runs on the records.
struct MappingStep {
    let diagnostics: [Diagnostic]
    let probes: [MappingDataProbe]

    init(_ path: String, options: ArtifactCheck.Options, metadata: Metadata, metadataSource: SourceFile) throws(InputError) {
        let source = try InputFile.read(path)
        var validator = MappingValidator(policy: options.policy, customRules: options.customRules,
                                         table: options.devrevObjectTable ? .shipped : nil)
        validator.customRuleOptions = options.customRuleOptions
        let result = validator.validate(source, companion: MappingValidator.Companion(metadata: metadata, source: metadataSource))
        diagnostics = result.diagnostics
        probes = result.dataProbes
    }

    /// The mapping file itself, when a directory given holds it, is not an artifact.
    static func isMappingFile(_ path: String, _ options: ArtifactCheck.Options) -> Bool {
        guard let mappingPath = options.mappingPath else { return false }
        return URL(fileURLWithPath: path).standardizedFileURL.path == URL(fileURLWithPath: mappingPath).standardizedFileURL.path
    }
}
