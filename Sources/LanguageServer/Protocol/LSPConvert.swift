import JSONRPC
import MetadataLint

/// The library's findings and edits in LSP's shapes.
enum LSPConvert {
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    /// Rules whose findings are declarations nobody uses: editors fade them.
    static let unnecessaryRules: Set<String> = ["unused-category", "unused-struct-type"]
    /// Rules about names the format replaced: editors strike them through.
    static let deprecatedRules: Set<String> = ["legacy-key", "renamed-key"]

    static func diagnostic(_ placed: PlacedDiagnostic, _ positions: TextPositions,
                           documentation: (String) -> String?) -> JSONValue {
        let finding = placed.diagnostic
        var value: [String: JSONValue] = [
            "range": positions.range(placed.range).json,
            "severity": .int(severity(finding.severity)),
            "source": "metadata-lint",
            "code": .string(finding.rule),
            "message": .string(finding.message),
            "data": ["pointer": .string(finding.pointer)],
        ]
        if Rules.info(finding.rule) != nil, let href = documentation(finding.rule) {
            value["codeDescription"] = ["href": .string(href)]
        }
        if unnecessaryRules.contains(finding.rule) { value["tags"] = [1] }
        if deprecatedRules.contains(finding.rule) { value["tags"] = [2] }
        return .object(value)
    }

    /// A finding in a hover: the message, then the rule's documentation (why it matters, an
    /// example of the mistake, how to fix it) and its link.
    static func findingMarkdown(_ finding: Diagnostic, documentation: (String) -> String?) -> String {
        var text = "**\(finding.severity.rawValue)** `\(finding.rule)`: \(finding.message)"
        if let info = Rules.info(finding.rule) {
            text += "\n\n" + info.docs.why
            if !info.docs.example.isEmpty { text += "\n\n```json\n" + info.docs.example + "\n```" }
            text += "\n\n**How to fix it:** " + info.docs.fix
            if let href = documentation(finding.rule) { text += "\n\n[\(finding.rule) in the rule reference](\(href))" }
        }
        return text
    }

    static func textEdit(_ edit: EditorHooks.Edit, _ positions: TextPositions) -> JSONValue {
        ["range": positions.range(edit.range).json, "newText": .string(edit.newText)]
    }
}
