import LintRules
import LintSource
import LintArtifacts
import LintSupport

/// SARIF 2.1.0 with the whole rule catalogue in `tool.driver.rules`, for code scanning.
public struct SARIFRenderer: DiagnosticRenderer {
    public init() {}

    static let informationURI = "https://github.com/metadata-lint/metadata-lint"

    public func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleObjects = rules.map { rule in
            JSONWriter.object([
                ("id", JSONWriter.quote(rule.id)),
                ("name", JSONWriter.quote(rule.id)),
                ("shortDescription", JSONWriter.object([("text", JSONWriter.quote(rule.summary))])),
                ("fullDescription", JSONWriter.object([("text", JSONWriter.quote(rule.explanation))])),
                ("help", JSONWriter.object([("text", JSONWriter.quote(rule.explanation))])),
                ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote(Self.level(rule.defaultSeverity)))])),
            ])
        }
        let results = diagnostics.map { d -> String in
            var physical: [(String, String)] = [
                ("artifactLocation", JSONWriter.object([("uri", JSONWriter.quote(Self.uri(d.file)))])),
            ]
            if d.line > 0 {
                physical.append(("region", JSONWriter.object([
                    ("startLine", String(d.line)), ("startColumn", String(d.column)),
                ])))
            }
            var result: [(String, String)] = [("ruleId", JSONWriter.quote(d.rule))]
            if let index = ruleIndex[d.rule] { result.append(("ruleIndex", String(index))) }
            result += [
                ("level", JSONWriter.quote(Self.level(d.severity))),
                ("message", JSONWriter.object([("text", JSONWriter.quote(d.message))])),
                ("locations", "[" + JSONWriter.object([
                    ("physicalLocation", JSONWriter.object(physical)),
                    ("logicalLocations", "[" + JSONWriter.object([("fullyQualifiedName", JSONWriter.quote(d.pointer))]) + "]"),
                ]) + "]"),
            ]
            return "        " + JSONWriter.object(result)
        }
        let driver = JSONWriter.object([
            ("name", JSONWriter.quote("metadata-lint")),
            ("version", JSONWriter.quote(MetadataLintVersion.current)),
            ("informationUri", JSONWriter.quote(Self.informationURI)),
            ("rules", "[\n          " + ruleObjects.joined(separator: ",\n          ") + "\n        ]"),
        ])
        return """
        {
          "version": "2.1.0",
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "runs": [
            {
              "tool": {"driver": \(driver)},
              "results": [
        \(results.joined(separator: ",\n"))
              ]
            }
          ]
        }

        """
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// SARIF wants URIs: relative paths stay relative, spaces and percent signs are escaped.
    static func uri(_ path: String) -> String {
        path.reduce(into: "") { out, c in
            switch c {
            case " ": out += "%20"
            case "%": out += "%25"
            default: out.append(c)
            }
        }
    }
}
