import Foundation

/// What the fuzz harnesses (fuzz/, `make fuzz`) run on each input, and what `make test` replays on
/// the regression corpus in fixtures/fuzz/<harness>/. Each entry point must end, without a
/// signal, on any bytes; findings are the normal outcome, and the harnesses only look for
/// crashes, hangs and memory errors.
public enum FuzzEntryPoints {
    /// Harness names, as `make fuzz` and fixtures/fuzz/ spell them.
    public static let names = ["json", "metadata", "artifacts", "mapping", "config"]

    /// Runs the harness `name` on `bytes`; `fixtures` is the repository's fixtures directory.
    /// Returns what two ways of doing the same work disagreed on (nil when they agree, or the
    /// harness compares nothing); the fuzz driver aborts on it, the replay test fails on it.
    @discardableResult
    public static func run(_ name: String, _ bytes: UnsafeRawBufferPointer, fixtures: String) -> String? {
        switch name {
        case "json": json(bytes)
        case "metadata": metadata(bytes)
        case "artifacts": return artifacts(bytes, fixtures: fixtures)
        case "mapping": mapping(bytes, fixtures: fixtures)
        case "config": config(bytes)
        default: break
        }
        return nil
    }

    /// The scanner on the input as one document, then as a stream of values.
    public static func json(_ bytes: UnsafeRawBufferPointer) {
        let buffer = bytes.bindMemory(to: UInt8.self)
        var scanner = JSONScanner(maxDepth: 64)
        if (try? scanner.scanDocument(buffer)) != nil, let base = buffer.baseAddress {
            _ = JSONTreeBuilder.build(scanner.tape, base).pointer(at: buffer.count / 2)
        }
        var offset = 0
        var values = 0
        while offset < buffer.count, values < 10_000 {
            offset = JSONScanner.skipWhitespace(buffer, from: offset)
            guard offset < buffer.count, let end = try? scanner.scanValue(in: buffer, from: offset), end > offset else { break }
            offset = end
            values += 1
        }
    }

    /// Validation of the input as a metadata file, rendered in one output format (picked by the
    /// input's length: rendering all four for every input would cost most of the time).
    public static func metadata(_ bytes: UnsafeRawBufferPointer) {
        let source = SourceFile(path: "fuzz.json", bytes: Array(bytes))
        let diagnostics = MetadataValidator().validate(source).diagnostics
        let format = OutputFormat.allCases[bytes.count % OutputFormat.allCases.count]
        _ = Report(diagnostics: diagnostics, files: 1, rules: Rules.all).render(format, color: format == .text)
    }

    /// check-artifacts on the input as an artifact of the fixture metadata: the first byte picks
    /// the item type (users, epics, comments, attachments) and the file suffix (.jsonl or .json).
    /// It runs with and without the one-pass check of clean records, which must not change a
    /// finding: a difference is returned.
    public static func artifacts(_ bytes: UnsafeRawBufferPointer, fixtures: String) -> String? {
        guard let first = bytes.first else { return nil }
        let types = ["users", "epics", "comments", "attachments"]
        let name = types[Int(first) % types.count] + (first & 0x10 == 0 ? ".jsonl" : ".json")
        let directory = workDirectory
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        guard (try? Data(bytes.dropFirst()).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        var options = ArtifactCheck.Options(metadataPath: fixtures + "/artifacts/metadata.json", paths: [directory.path])
        options.workers = 1
        options.recordLimits.maxRecordBytes = 1 << 16
        options.recordLimits.maxRecordValues = 4096
        func findings(cleanPass: Bool) -> (lines: [String], clean: Int) {
            options.cleanPass = cleanPass
            guard let result = try? ArtifactCheck.run(options) else { return (["(no result)"], 0) }
            return (result.diagnostics.map { "\($0.line):\($0.column) \($0.rule) \($0.pointer) \($0.message)" }
                + ["records \(result.recordCounts.sorted { $0.key < $1.key })", "references \(result.pendingReferences)"],
                    result.cleanRecords)
        }
        // A record the pass declines leaves no trace, so only a run in which it took some can differ.
        let (fast, taken) = findings(cleanPass: true)
        guard taken > 0 else { return nil }
        let full = findings(cleanPass: false).lines
        guard fast != full else { return nil }
        let difference = zip(fast, full).first { $0.0 != $0.1 }.map { "one pass: \($0.0)\nfull check: \($0.1)" }
        return "\(name): the one-pass check changed the findings\n" + (difference ?? "\(fast.count) against \(full.count) lines")
    }

    /// The input as an initial_domain_mapping.json, checked against the snap-in fixture's metadata
    /// (read once) and DevRev's shipped object table, rendered in one output format.
    public static func mapping(_ bytes: UnsafeRawBufferPointer, fixtures: String) {
        let source = SourceFile(path: "initial_domain_mapping.json", bytes: Array(bytes))
        let result = MappingValidator().validate(source, companion: mappingCompanion(fixtures: fixtures))
        let format = OutputFormat.allCases[bytes.count % OutputFormat.allCases.count]
        _ = Report(diagnostics: result.diagnostics, files: 1, rules: Rules.all).render(format, color: format == .text)
    }

    nonisolated(unsafe) private static var companion: MappingValidator.Companion??

    private static func mappingCompanion(fixtures: String) -> MappingValidator.Companion? {
        if let companion { return companion }
        let path = fixtures + "/snap-in/external_domain_metadata.json"
        let loaded = (FileManager.default.contents(atPath: path)).flatMap { data -> MappingValidator.Companion? in
            let source = SourceFile(path: path, bytes: Array(data))
            return MetadataValidator().validate(source).metadata.map { MappingValidator.Companion(metadata: $0, source: source) }
        }
        companion = .some(loaded)
        return loaded
    }

    /// The config loader on the input as a `.metadata-lint.yml` (custom rule filters are compiled,
    /// not run).
    public static func config(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let config = try? ConfigLoader.parse(text, path: "fuzz.yml") {
            _ = config.allRules.count
        }
    }

    /// A directory of this process's own in memory (/dev/shm when there is one), removed at exit.
    private static let workDirectory: URL = {
        let url = URL(fileURLWithPath: workPath)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzEntryPoints.workPath) }
        return url
    }()

    private static let workPath: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return base + "/metadata-lint-fuzz-\(getpid())"
    }()
}
