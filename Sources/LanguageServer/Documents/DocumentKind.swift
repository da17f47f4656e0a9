import JSONRPC
import MetadataLint

/// One kind of document the server understands: the metadata file today, the mapping file
/// (initial_domain_mapping.json) next. A kind reads a text into an analysis; the server does the
/// protocol around it (positions, debouncing, publishing, findings in hovers).
///
/// To add a kind: conform to this protocol and to `DocumentAnalysis`, and list it in
/// `LanguageServer.Options.kinds` (the first kind that claims a document gets it).
public protocol DocumentKind: Sendable {
    /// Short name, for logs.
    var name: String { get }
    /// True when this kind handles the document; `path` is nil for unsaved buffers.
    func claims(uri: String, path: String?, text: [UInt8]) -> Bool
    /// Reads and checks one version of the text. `previous` is the analysis of the version
    /// before, so that names stay available for completion while the text does not parse.
    func analyze(_ source: SourceFile, config: Config, previous: (any DocumentAnalysis)?) -> any DocumentAnalysis
}

/// What a kind knows about one version of a document. Offsets are byte offsets in `source`.
public protocol DocumentAnalysis: Sendable {
    var source: SourceFile { get }
    var diagnostics: [Diagnostic] { get }
    func hover(at offset: Int) -> HoverAnswer?
    func completions(at offset: Int) -> [CompletionCandidate]
    func definitions(at offset: Int) -> [ByteLocation]
    func references(at offset: Int, includeDeclaration: Bool) -> [ByteLocation]
}

extension DocumentAnalysis {
    public func hover(at offset: Int) -> HoverAnswer? { nil }
    public func completions(at offset: Int) -> [CompletionCandidate] { [] }
    public func definitions(at offset: Int) -> [ByteLocation] { [] }
    public func references(at offset: Int, includeDeclaration: Bool) -> [ByteLocation] { [] }
}

public struct HoverAnswer: Sendable, Equatable {
    public var markdown: String
    public var range: Range<Int>?

    public init(markdown: String, range: Range<Int>?) {
        self.markdown = markdown
        self.range = range
    }
}

public struct CompletionCandidate: Sendable, Equatable {
    /// LSP CompletionItemKind values used here.
    public enum Kind: Int, Sendable {
        case text = 1, field = 5, `class` = 7, module = 9, property = 10, value = 12, `enum` = 13, keyword = 14,
            enumMember = 20, `struct` = 22, typeParameter = 25
    }

    public var label: String
    public var kind: Kind
    public var detail: String?
    public var documentation: String?
    /// The text that replaces `replace`.
    public var insertText: String
    public var replace: Range<Int>

    public init(label: String, kind: Kind, detail: String? = nil, documentation: String? = nil,
                insertText: String, replace: Range<Int>) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.replace = replace
    }
}

/// A place in a document: `uri` nil means the document asked about.
public struct ByteLocation: Sendable, Equatable {
    public var uri: String?
    public var range: Range<Int>

    public init(uri: String? = nil, range: Range<Int>) {
        self.uri = uri
        self.range = range
    }
}
