import JSONRPC
import MetadataLint

/// Features that come from other parts of the project: quick fixes from the rules' fixes, and
/// whole-document formatting from `fmt`. The server advertises a capability only when its hook
/// is set; the hooks work in byte offsets and the server converts them to LSP positions.
///
/// Wiring (in `LSPCommand`): `hooks.codeActions = { request in ... }` returning the fixes of the
/// findings in `request.findings`, and `hooks.format = { source in ... }` returning the formatted
/// bytes (nil when the text cannot be formatted, e.g. it is not JSON).
public struct EditorHooks: Sendable {
    public struct CodeActionRequest: Sendable {
        public var source: SourceFile
        /// The requested range, in bytes.
        public var range: Range<Int>
        /// The findings whose range meets `range`.
        public var findings: [PlacedDiagnostic]
        /// `only` from the client's context (e.g. ["quickfix"]), if given.
        public var only: [String]?
    }

    public struct Edit: Sendable, Equatable {
        public var range: Range<Int>
        public var newText: String

        public init(range: Range<Int>, newText: String) {
            self.range = range
            self.newText = newText
        }
    }

    public struct CodeAction: Sendable {
        public var title: String
        /// LSP code action kind, e.g. "quickfix".
        public var kind: String
        /// The findings it fixes.
        public var fixes: [PlacedDiagnostic]
        public var edits: [Edit]
        public var isPreferred: Bool

        public init(title: String, kind: String = "quickfix", fixes: [PlacedDiagnostic], edits: [Edit], isPreferred: Bool = false) {
            self.title = title
            self.kind = kind
            self.fixes = fixes
            self.edits = edits
            self.isPreferred = isPreferred
        }
    }

    public var codeActions: (@Sendable (CodeActionRequest) -> [CodeAction])?
    public var format: (@Sendable (SourceFile) -> [UInt8]?)?

    public init(codeActions: (@Sendable (CodeActionRequest) -> [CodeAction])? = nil,
                format: (@Sendable (SourceFile) -> [UInt8]?)? = nil) {
        self.codeActions = codeActions
        self.format = format
    }
}

/// A finding with the bytes it covers.
public struct PlacedDiagnostic: Sendable {
    public var diagnostic: Diagnostic
    public var range: Range<Int>

    public init(diagnostic: Diagnostic, range: Range<Int>) {
        self.diagnostic = diagnostic
        self.range = range
    }

    /// Places the library's line/column (Unicode scalars) on the token it points at.
    public static func place(_ diagnostic: Diagnostic, in positions: TextPositions) -> PlacedDiagnostic {
        guard diagnostic.line >= 1 else { return PlacedDiagnostic(diagnostic: diagnostic, range: 0..<0) }
        let start = positions.offset(line: diagnostic.line, scalarColumn: diagnostic.column)
        return PlacedDiagnostic(diagnostic: diagnostic, range: TokenExtent.range(at: start, in: positions.bytes))
    }
}
