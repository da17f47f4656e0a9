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
        do throws(InputError) {
            if let output {
                var names: [String] = []
                for type in types {
                    let name = try SampleGenerator.fileName(type.key)
                    try Self.write(to: (output as NSString).appendingPathComponent(name), force: force) { sink throws(InputError) in
                        try generator.generate(type, each: sink)
                    }
                    names.append(name)
                }
                if all {
                    try Self.write(to: (output as NSString).appendingPathComponent("attachments.jsonl"), force: force) { sink throws(InputError) in
                        try generator.generateAttachments(each: sink)
                    }
                    names.append("attachments.jsonl")
                }
                FileHandle.standardError.write(Data("wrote \(names.joined(separator: ", ")) to \(output) (\(count) item\(count == 1 ? "" : "s") each)\n".utf8))
            } else if let type = types.first {
                let out = BufferedOutput()
                generator.generate(type) { item in
                    var bytes: [UInt8] = []
                    item.writeCompact(into: &bytes)
                    out.write(String(decoding: bytes, as: UTF8.self) + "\n")
                }
                out.flush()
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        for problem in generator.problems { Output.error(problem) }
        if !generator.problems.isEmpty { throw ExitCode(1) }
    }

    /// Streams items as JSONL into `path`, in blocks of about a megabyte.
    static func write(to path: String, force: Bool,
                      _ produce: ((OrderedJSON) throws(InputError) -> Void) throws(InputError) -> Void) throws(InputError) {
        let stream = try OutputStream(path: path, force: force)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        try produce { item throws(InputError) in
            item.writeCompact(into: &buffer)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                try stream.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try stream.write(buffer)
        try stream.commit()
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
            var report = Report(diagnostics: errors, files: 1, rules: Rules.all)
            report.sources = [loaded.source.path: loaded.source]
            FileHandle.standardError.write(Data(TextRenderer(color: false, quiet: true).render(report).utf8))
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
