import ArgumentParser
import Foundation
import JQ
import MetadataLint

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a jq filter (through libjq) over metadata and artifacts.",
        usage: "metadata-lint query [-c] [-r] [-S] [--arg NAME VALUE]... [-L DIR]... FILTER [FILE...]",
        discussion: """
        Runs FILTER on each JSON value of each FILE (a metadata file, JSONL, a stream of \
        pretty-printed values, gzipped or not) or of standard input, and prints what jq 1.6 prints \
        for the same filter and flags. -c compact output, -r raw strings, -S sorted keys. Modules \
        (import, include, modulemeta) are refused unless -L DIR names a library directory, as the \
        only place they are searched. `input` and `inputs` see no inputs beyond the current one; \
        `debug` writes to standard error. Exit codes: 0 ok, 2 the filter does not compile or an \
        input cannot be read, 5 a runtime error (the run goes on with the next input), as jq does.
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "[-c] [-r] [-S] [--arg NAME VALUE]... [-L DIR]... FILTER [FILE...]")
    var words: [String] = []

    struct Parsed {
        var options = JQFilter.OutputOptions()
        var arguments: [String: String] = [:]
        /// -L: directories modules are searched in (nil: module search disabled).
        var libraryPaths: [String]? = nil
        var filter: String?
        var files: [String] = []
    }

    static func parse(_ words: [String]) throws -> Parsed {
        var parsed = Parsed()
        var k = 0
        var optionsEnded = false
        while k < words.count {
            let word = words[k]
            k += 1
            if !optionsEnded && word == "--" { optionsEnded = true; continue }
            if !optionsEnded && word.hasPrefix("-") && word.count > 1 {
                switch word {
                case "-h", "--help":
                    // The words bypass ArgumentParser, so help is asked for here: it prints this
                    // command's usage and exits 0.
                    throw CleanExit.helpRequest(QueryCommand.self)
                case "--compact-output": parsed.options.compact = true
                case "--raw-output": parsed.options.raw = true
                case "--sort-keys": parsed.options.sortKeys = true
                case "-L":
                    guard k < words.count else { throw ValidationError("-L takes a library directory") }
                    parsed.libraryPaths = (parsed.libraryPaths ?? []) + [words[k]]
                    k += 1
                case let attached where attached.hasPrefix("-L"):
                    parsed.libraryPaths = (parsed.libraryPaths ?? []) + [String(attached.dropFirst(2))]
                case "--arg":
                    guard k + 1 < words.count else { throw ValidationError("--arg takes a NAME and a VALUE") }
                    parsed.arguments[words[k]] = words[k + 1]
                    k += 2
                case let flags where !flags.hasPrefix("--"):
                    for flag in flags.dropFirst() {
                        switch flag {
                        case "c": parsed.options.compact = true
                        case "r": parsed.options.raw = true
                        case "S": parsed.options.sortKeys = true
                        default: throw ValidationError("unknown option -\(flag) (query takes -c, -r, -S, --arg and -L)")
                        }
                    }
                default:
                    throw ValidationError("unknown option \(word) (query takes -c, -r, -S, --arg and -L)")
                }
            } else if parsed.filter == nil {
                parsed.filter = word
            } else {
                parsed.files.append(word)
            }
        }
        return parsed
    }

    func run() throws {
        let parsed = try Self.parse(words)
        guard let program = parsed.filter else { throw ValidationError("missing FILTER") }
        // The whole run on one large-stack thread: libjq recurses on deeply nested values.
        try JQStack.run { () throws -> Void in try Self.query(program, parsed) }
    }

    static func query(_ program: String, _ parsed: Parsed) throws {
        let filter: JQFilter
        do throws(JQError) {
            filter = try JQFilter(program, arguments: parsed.arguments, options: JQOptions(libraryPaths: parsed.libraryPaths))
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            throw ExitCode(2)
        }
        let output = BufferedOutput()
        var status: Int32 = 0
        let inputs = parsed.files.isEmpty ? ["-"] : parsed.files
        for path in inputs {
            let source: ByteSource
            do throws(InputError) {
                source = path == "-" ? try ByteSource(standardInput: ()) : try ByteSource(path: path)
            } catch {
                output.flush()
                Output.error(error.description)
                status = 2
                continue
            }
            // jq has no record limit: only what a 1 GiB buffer holds, as before.
            let stream = RecordStream(source: source, maxRecordBytes: 1 << 30)
            var halted: JQError? = nil
            do throws(InputError) {
                try stream.forEach(record: { record, _ in
                    guard halted == nil else { return }
                    let bytes = UnsafeBufferPointer(start: record.base + record.start, count: record.end - record.start)
                    do throws(JQError) {
                        try filter.run(json: bytes, options: parsed.options) { output.write($0 + "\n") }
                    } catch {
                        output.flush()
                        if error.kind == .halt {
                            halted = error
                            return
                        }
                        FileHandle.standardError.write(Data("jq: error (at \(source.path):\(record.line)): \(error.message)\n".utf8))
                        if status == 0 { status = 5 }
                    }
                }, problem: { problem in
                    output.flush()
                    Output.error("\(source.path):\(problem.line):\(problem.column): \(problem.error.message)")
                    status = 2
                }, limit: { problem in
                    output.flush()
                    Output.error("\(source.path):\(problem.line):\(problem.column): the record is larger than 1 GiB: skipped")
                    status = 2
                })
                if let trailing = source.trailingData {
                    output.flush()
                    Output.error("\(source.path): \(CorruptArtifact.trailingData(offset: trailing.offset, bytes: trailing.bytes, allZero: trailing.allZero).message)")
                    status = 2
                }
            } catch {
                output.flush()
                Output.error(error.description)
                status = 2
            }
            source.close()
            if let halted {
                output.flush()
                if !halted.message.isEmpty { FileHandle.standardError.write(Data(halted.message.utf8)) }
                throw ExitCode(halted.exitCode)
            }
        }
        output.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
