import ArgumentParser
import Foundation
import MetadataLint

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite metadata files in one canonical layout (2-space indent, the format's key order).",
        discussion: """
        Keys, strings and numbers are kept exactly as written; only whitespace and the order of the \
        format's keys change. A file that is not valid JSON or has duplicate keys is not touched \
        (exit 1, with positions). Exit codes: 0 done, 1 files would change (--check, --diff) or were \
        refused, 2 usage or I/O problem.
        """
    )

    @Argument(help: "Metadata files; '-' formats standard input to standard output. Default: ./external_domain_metadata.json")
    var files: [String] = []

    @Flag(name: .long, help: "Write nothing; list the files that would change and exit 1 if any would.")
    var check = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of the changes and exit 1 if there are any.")
    var diff = false

    func run() throws {
        let paths = files.isEmpty ? ["external_domain_metadata.json"] : files
        var changed = 0, unchanged = 0, refused = 0
        for path in paths {
            let source: SourceFile
            do throws(InputError) {
                source = try InputFile.read(path)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
            let formatted: [UInt8]
            switch MetadataFormatter.format(source) {
            case .failure(let refusal):
                Output.write(TextRenderer(color: false).render(refusal.diagnostics, rules: []))
                refused += 1
                continue
            case .success(let bytes):
                formatted = bytes
            }
            if path == "-" && !check && !diff {
                FileHandle.standardOutput.write(Data(formatted))
                continue
            }
            if formatted == source.bytes {
                unchanged += 1
                continue
            }
            changed += 1
            if diff {
                Output.write(UnifiedDiff.render(old: source.bytes, new: formatted, oldPath: source.path, newPath: source.path))
            } else if check {
                Output.write("would reformat: \(source.path)\n")
            } else {
                do throws(InputError) {
                    try AtomicFileWriter.write(formatted, to: path)
                } catch {
                    Output.error(error.description)
                    throw ExitCode(2)
                }
                Output.write("reformatted: \(source.path)\n")
            }
        }
        if paths != ["-"] || check || diff {
            let summary = FormatSummary.line(changed: changed, unchanged: unchanged, refused: refused, wrote: !check && !diff)
            if diff { FileHandle.standardError.write(Data((summary + "\n").utf8)) } else { Output.write(summary + "\n") }
        }
        if refused > 0 || ((check || diff) && changed > 0) { throw ExitCode(1) }
    }
}
