import LintModel
import LintJSON
import LintSource
import LintSupport

/// One finding. Every output format (text, json, github, sarif) is rendered from this record.
public struct Diagnostic: Sendable, Equatable {
    public var file: String
    /// 1-based; 0 when the finding is about the file as a whole (e.g. it cannot be read).
    public var line: Int
    public var column: Int
    public var pointer: String
    public var severity: Severity
    public var rule: String
    public var message: String
    /// The source line the diagnostic points into (a window of it, for long lines), for the
    /// text renderer's snippet.
    public var sourceLine: String?
    /// The caret's column within `sourceLine` (nil: `column`).
    public var sourceColumn: Int?

    public init(file: String, line: Int, column: Int, pointer: String, severity: Severity,
                rule: String, message: String, sourceLine: String? = nil, sourceColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.severity = severity
        self.rule = rule
        self.message = message
        self.sourceLine = sourceLine
        self.sourceColumn = sourceColumn
    }

    /// Sort order for output: file, then position, then rule.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule < b.rule
    }
}

extension SourceFile {
    public func diagnostic(at ref: SourceRef, rule: String, severity: Severity, message: String) -> Diagnostic {
        let (line, column) = lines.location(of: ref.offset, in: bytes)
        let (snippet, caret) = window(line: line, offset: ref.offset)
        return Diagnostic(file: path, line: line, column: column, pointer: ref.pointer, severity: severity,
                          rule: rule, message: message, sourceLine: snippet, sourceColumn: caret)
    }
}
