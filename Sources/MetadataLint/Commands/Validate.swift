import LintReport
import LintRules
import LintSource

/// `metadata-lint validate`: each file through every rule, into one report.
public enum Validate {
    /// `metadata`: the metadata mapping files are checked against (default: the one beside each).
    /// `exclusion`: whether the config's ignore patterns skip the paths given (`.all`: with
    /// `--force-exclude`, or when the paths are the defaults rather than named).
    public static func run(_ paths: [String], config: Config, metadata: String? = nil,
                           exclusion mode: InputExclusion.Mode = .exceptNamed) -> Report {
        let validator = MetadataValidator(config: config)
        let exclusion = InputExclusion(config: config, named: paths, mode: mode)
        var mappings = MappingFiles(config: config, metadataPath: metadata, given: paths, exclusion: exclusion)
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var inputErrors: [InputError] = []
        var ignored: [String] = []
        for path in paths {
            if exclusion.skips(path) {
                ignored.append(path)
                continue
            }
            do throws(InputError) {
                let source = try InputFile.read(path)
                if MappingFiles.isMapping(source, path: path) {
                    diagnostics += try mappings.validate(source, path: path)
                } else {
                    let result = validator.validate(source)
                    diagnostics += result.diagnostics
                    if let (mapping, found) = try mappings.validateBeside(path, metadata: result) {
                        diagnostics += found
                        sources[mapping.path] = mapping
                    }
                }
                sources[source.path] = source
            } catch {
                inputErrors.append(error)
            }
        }
        var report = Report(diagnostics: diagnostics, files: sources.count, rules: config.allRules)
        report.sources = sources
        report.inputErrors = inputErrors
        report.ignored = ignored + mappings.ignored
        report.checkedDespiteIgnore = exclusion.checkedAnyway(paths)
        report.category = "metadata-lint/validate"
        return report
    }
}

extension Validate {
    /// The inputs of `validate` with no file given: the metadata here (the mapping beside it is
    /// checked with it), or the mapping alone when there is no metadata file.
    public static func defaultPaths() -> [String] { MappingFiles.defaultPaths() }
}
