import Foundation
import JSONRPC
import MetadataLint

/// An open document: the text the editor holds (kept as UTF-8 bytes, as the library reads it),
/// its version, the kind that understands it and the analysis of its latest text.
final class OpenDocument {
    let uri: String
    /// The file path for `file:` URIs (nil for unsaved buffers).
    let path: String?
    var version: Int
    private(set) var bytes: [UInt8]
    private(set) var positions: TextPositions
    var kind: (any DocumentKind)?
    /// The analysis of `analysedVersion`; stale when the version moved on.
    var analysis: (any DocumentAnalysis)?
    var analysedVersion: Int?
    var pendingAnalysis: DispatchWorkItem?

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = OpenDocument.path(ofURI: uri)
        self.version = version
        self.bytes = Array(text.utf8)
        self.positions = TextPositions(bytes)
    }

    /// Applies one `contentChanges` entry: a range edit (UTF-16 positions) or the whole text.
    func apply(range: TextRange?, text: String) {
        guard let range else {
            bytes = Array(text.utf8)
            positions = TextPositions(bytes)
            return
        }
        var start = positions.offset(of: range.start)
        var end = positions.offset(of: range.end)
        if end < start { swap(&start, &end) }
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        positions = TextPositions(bytes)
    }

    /// The name diagnostics carry: the path for files, else the URI.
    var displayName: String { path ?? uri }

    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }
}

/// The open documents by URI.
struct DocumentStore {
    private(set) var documents: [String: OpenDocument] = [:]

    mutating func open(_ document: OpenDocument) { documents[document.uri] = document }
    mutating func close(_ uri: String) -> OpenDocument? { documents.removeValue(forKey: uri) }
    subscript(uri: String) -> OpenDocument? { documents[uri] }
    var all: [OpenDocument] { documents.values.sorted { $0.uri < $1.uri } }
}
