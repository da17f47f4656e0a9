import ArgumentParser
import Foundation
import MetadataLint

/// `validate --fix [--unsafe-fixes] [--diff]`.
extension ValidateCommand {
    func runFixes(_ paths: [String], config: Config) throws {
        guard fix || diff else {
            Output.error("--unsafe-fixes needs --fix or --diff")
            throw ExitCode(2)
        }
        if fix && !diff && paths.contains("-") {
            Output.error("standard input cannot be fixed in place: use --diff to see the fixes")
            throw ExitCode(2)
        }
        let runner = FixRunner(validator: MetadataValidator(config: config), includeUnsafe: unsafeFixes)
        var remaining: [Diagnostic] = []
        var fixed = 0, unsafeFixable = 0
        for path in paths {
            let outcome: FixRunner.Outcome
            do throws(InputError) {
                outcome = runner.run(try InputFile.read(path))
                if outcome.changed && !diff { try AtomicFileWriter.write(outcome.fixed.bytes, to: path) }
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
            if diff {
                let name = outcome.original.path
                Output.write(UnifiedDiff.render(old: outcome.original.bytes, new: outcome.fixed.bytes,
                                                oldPath: name, newPath: name))
            }
            remaining += outcome.remaining
            fixed += outcome.fixedCount
            unsafeFixable += outcome.unsafeFixable
        }
        let summary = FixSummary.line(fixed: fixed, remaining: remaining.count, unsafeFixable: unsafeFixable,
                                      wouldWrite: diff)
        let code: Int32
        if diff {
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            let errors = remaining.contains { $0.severity == .error }
            let warnings = remaining.contains { $0.severity == .warning }
            code = errors || (output.strict && warnings) ? 1 : 0
        } else if output.format == .text {
            code = output.emit(remaining, files: paths.count, rules: config.allRules, footer: [summary])
        } else {
            code = output.emit(remaining, files: paths.count, rules: config.allRules)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if code != 0 { throw ExitCode(code) }
    }
}
