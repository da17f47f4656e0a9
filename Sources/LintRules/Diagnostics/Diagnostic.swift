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
    public init(file: String, line: Int, column: Int, pointer: String, severity: Severity,
                rule: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.severity = severity
        self.rule = rule
        self.message = message
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
        return Diagnostic(file: path, line: line, column: column, pointer: ref.pointer, severity: severity,
                          rule: rule, message: message)
    }
}

/// Findings left out of the output by a cap: `count` more of `rule` at `field` (a pointer without
/// array indices, empty for findings about a whole record or file).
public struct Omission: Sendable, Equatable {
    public let rule: String
    public let field: String
    public let count: Int

    public init(rule: String, field: String, count: Int) {
        self.rule = rule
        self.field = field
        self.count = count
    }
}
