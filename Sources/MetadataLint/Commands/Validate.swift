import LintReport
import LintRules
import LintSource

/// `metadata-lint validate`: each file through every rule, into one report.
public enum Validate {
    public static func run(_ paths: [String], config: Config) -> Report {
        let validator = MetadataValidator(config: config)
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var inputErrors: [InputError] = []
        var ignored: [String] = []
        for path in paths {
            if path != "-", ConfigLoader.isIgnored(path, by: config) {
                ignored.append(path)
                continue
            }
            do throws(InputError) {
                let source = try InputFile.read(path)
                diagnostics += validator.validate(source).diagnostics
                sources[source.path] = source
            } catch {
                inputErrors.append(error)
            }
        }
        var report = Report(diagnostics: diagnostics, files: sources.count, rules: config.allRules)
        report.sources = sources
        report.inputErrors = inputErrors
        report.ignored = ignored
        report.category = "metadata-lint/validate"
        return report
    }
}
