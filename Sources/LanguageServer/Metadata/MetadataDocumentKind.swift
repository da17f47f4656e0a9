import Foundation
import JSONRPC
import MetadataLint

/// external_domain_metadata.json: checked by the same `MetadataValidator` as `validate`.
public struct MetadataDocumentKind: DocumentKind {
    public init() {}

    public var name: String { "metadata" }

    public func claims(uri: String, path: String?, text: [UInt8]) -> Bool {
        let name = (path ?? uri).split(separator: "/").last.map(String.init) ?? ""
        if name.contains("external_domain_metadata") { return true }
        if name.contains("initial_domain_mapping") || !name.hasSuffix(".json") { return false }
        // Any other JSON file that declares record types (the top-level key of this format).
        return Self.mentionsRecordTypes(text)
    }

    static func mentionsRecordTypes(_ text: [UInt8]) -> Bool {
        let marker = Array("\"record_types\"".utf8)
        let limit = min(text.count, 1 << 20)
        guard limit >= marker.count else { return false }
        var k = 0
        while k + marker.count <= limit {
            if text[k] == marker[0], text[k..<(k + marker.count)].elementsEqual(marker) { return true }
            k += 1
        }
        return false
    }

    public func analyze(_ source: SourceFile, config: Config, previous: (any DocumentAnalysis)?) -> any DocumentAnalysis {
        let result = MetadataValidator(config: config).validate(source)
        let names = result.metadata ?? (previous as? MetadataAnalysis)?.names
        return MetadataAnalysis(source: source, diagnostics: result.diagnostics, metadata: result.metadata, names: names)
    }
}

/// One version of a metadata document: its findings, its model (nil when the text is not JSON)
/// and the model whose names completion offers (the last one that parsed).
struct MetadataAnalysis: DocumentAnalysis {
    let source: SourceFile
    let diagnostics: [Diagnostic]
    let metadata: Metadata?
    let names: Metadata?
    let index: SymbolIndex?

    init(source: SourceFile, diagnostics: [Diagnostic], metadata: Metadata?, names: Metadata?) {
        self.source = source
        self.diagnostics = diagnostics
        self.metadata = metadata
        self.names = names
        self.index = metadata.map(SymbolIndex.init)
    }

    func cursor(at offset: Int) -> JSONCursor? {
        JSONCursorScanner.locate(offset, in: source.bytes)
    }

    /// The symbols named by the string under the cursor.
    func symbols(at offset: Int) -> [MetadataSymbol] {
        guard let index, let token = cursor(at: offset)?.string else { return [] }
        return index.symbols(at: token.range.lowerBound)
    }

    func definitions(at offset: Int) -> [ByteLocation] {
        guard let index else { return [] }
        return symbols(at: offset).flatMap { index.declarations(of: $0) }.map(location)
    }

    func references(at offset: Int, includeDeclaration: Bool) -> [ByteLocation] {
        guard let index else { return [] }
        var offsets: [Int] = []
        for symbol in symbols(at: offset) {
            for found in index.occurrences(of: symbol, includeDeclaration: includeDeclaration) where !offsets.contains(found) {
                offsets.append(found)
            }
        }
        return offsets.sorted().map(location)
    }

    private func location(_ offset: Int) -> ByteLocation {
        ByteLocation(range: TokenExtent.range(at: offset, in: source.bytes))
    }

    func hover(at offset: Int) -> HoverAnswer? {
        guard let cursor = cursor(at: offset) else { return nil }
        let range = cursor.string?.range ?? cursor.scalar
        guard let range else { return nil }
        let text = MetadataHover(names: names).describe(cursor)
        return text.map { HoverAnswer(markdown: $0, range: range) }
    }

    func completions(at offset: Int) -> [CompletionCandidate] {
        guard let cursor = cursor(at: offset) else { return [] }
        return MetadataCompletion(names: names).candidates(for: cursor, at: offset)
    }
}
