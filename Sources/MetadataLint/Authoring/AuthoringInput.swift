/// The metadata `sample` and `json-schema` work from: read and validated first, since both
/// promise output that passes check-artifacts, which only metadata without errors can give.
public enum AuthoringInput {
    public struct Loaded: Sendable {
        /// Nil when the file is not JSON.
        public var metadata: Metadata?
        public var diagnostics: [Diagnostic]
        /// The file as read, for snippets.
        public var source: SourceFile
        public var hasErrors: Bool { metadata == nil || diagnostics.contains { $0.severity == .error } }
    }

    public static func metadata(_ path: String, config: Config = Config()) throws(InputError) -> Loaded {
        let result = MetadataValidator(config: config).validate(try InputFile.read(path))
        return Loaded(metadata: result.metadata, diagnostics: result.diagnostics, source: result.source)
    }

    /// The record type named `name`, or a message saying which ones exist.
    public static func recordType(_ name: String, in metadata: Metadata) -> Result<RecordType, InputError> {
        if let type = metadata.recordType(name) { return .success(type) }
        let known = metadata.recordTypes.map(\.key)
        let hint = Suggest.didYouMean(name, in: known) ?? "declared are \(known.map { "\"\($0)\"" }.joined(separator: ", "))"
        return .failure(InputError(path: name, reason: "no such record type in the metadata: \(hint)"))
    }
}
