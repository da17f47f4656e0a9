import ArgumentParser
import Foundation
import MetadataLint

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate valid sample items for a metadata file.",
        discussion: """
        Writes items as the SDK writes them ({id, created_date, modified_date, data}, one JSON \
        object per line): every field within its type and bounds, required fields always set, \
        references, typed references and mentions that resolve among items generated with the \
        same --count. --record-type T writes T's items to stdout, or to DIR/T.jsonl with --output; \
        --all writes DIR/<type>.jsonl for every record type plus DIR/attachments.jsonl. The same \
        --seed gives the same items. Exit codes: 0 written, 1 the metadata has errors (nothing is \
        written) or some required field has no valid value, 2 usage or I/O problem.
        """
    )

    @Option(name: .long, help: "The record type to generate.")
    var recordType: String?

    @Flag(name: .long, help: "Generate every record type, plus attachments (needs --output).")
    var all = false

    @Option(name: .long, help: "Items per record type.")
    var count = 10

    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Directory to write <type>.jsonl files into (created if missing).")
    var output: String?

    @Flag(name: .long, help: "Overwrite existing <type>.jsonl files in the --output directory.")
    var force = false

    @Argument(help: "The external_domain_metadata.json to generate items for.")
    var metadata: String

    func validate() throws {
        guard (recordType != nil) != all else { throw ValidationError("pass either --record-type TYPE or --all") }
        guard count >= 1 else { throw ValidationError("--count must be 1 or more") }
        if all, output == nil { throw ValidationError("--all writes one file per record type: pass --output DIR") }
    }

    func run() throws {
        let loaded = try AuthoringCommandSupport.loadMetadata(metadata)
        let types = all ? loaded.recordTypes : [try AuthoringCommandSupport.recordType(recordType ?? "", in: loaded)]
        var generator = SampleGenerator(metadata: loaded, options: .init(count: count, seed: seed),
                                        generating: types.map(\.key))
        var files: [(name: String, items: [OrderedJSON])] = types.map { type in (type.key, generator.items(of: type)) }
        if all { files.append(("attachments", generator.attachments())) }
        do throws(InputError) {
            if let output {
                try OutputFile.makeDirectory(output)
                for (name, items) in files {
                    try OutputFile.write(Self.jsonl(items), to: (output as NSString).appendingPathComponent(name + ".jsonl"), force: force)
                }
                let names = files.map { $0.name + ".jsonl" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("wrote \(names) to \(output) (\(count) item\(count == 1 ? "" : "s") each)\n".utf8))
            } else {
                Output.write(Self.jsonl(files.first?.items ?? []))
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        for problem in generator.problems { Output.error(problem) }
        if !generator.problems.isEmpty { throw ExitCode(1) }
    }

    static func jsonl(_ items: [OrderedJSON]) -> String {
        items.map { $0.compact + "\n" }.joined()
    }
}

/// What the authoring commands share: metadata that must validate first, record types by name.
enum AuthoringCommandSupport {
    static func loadMetadata(_ path: String) throws -> Metadata {
        let loaded: AuthoringInput.Loaded
        do throws(InputError) {
            loaded = try AuthoringInput.metadata(path)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        guard let metadata = loaded.metadata, !loaded.hasErrors else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            FileHandle.standardError.write(Data(TextRenderer(color: false).render(errors, rules: Rules.all).utf8))
            Output.error("\(path) has \(errors.count) error(s): fix them first (metadata-lint validate \(path))")
            throw ExitCode(1)
        }
        return metadata
    }

    static func recordType(_ name: String, in metadata: Metadata) throws -> RecordType {
        switch AuthoringInput.recordType(name, in: metadata) {
        case .success(let type): return type
        case .failure(let error):
            Output.error("--record-type " + error.description)
            throw ExitCode(2)
        }
    }
}
