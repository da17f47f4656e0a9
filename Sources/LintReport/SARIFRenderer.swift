import LintRules
import LintSource
import LintArtifacts
import LintSupport

/// SARIF 2.1.0 for code scanning: the rule catalogue with a documentation link per rule, results
/// with code-point columns, percent-encoded URIs and fingerprints that survive edits elsewhere in
/// the file, and at most `maxResults` results per run (GitHub rejects more), the most severe first,
/// with the rest counted in a notification.
public struct SARIFRenderer: DiagnosticRenderer {
    /// GitHub code scanning rejects a run with more results than this.
    public static let githubResultLimit = 25_000
    static let informationURI = "https://github.com/metadata-lint/metadata-lint"
    /// docs/rules.md has one heading per rule, so `#<rule-id>` is its anchor.
    static let rulesDocumentURI = informationURI + "/blob/main/docs/rules.md"
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let fingerprintKey = "metadataLintPointerHash/v1"

    /// `runAutomationDetails.id` without its trailing slash: code scanning keeps one analysis per
    /// category, so `validate` and `check-artifacts` uploads do not replace each other.
    public var category: String
    public var maxResults: Int
    /// Notifications about the inputs (files an ignore pattern skipped or matched), each a
    /// SARIF `notification` object.
    public var inputNotes: [String] = []

    public init(category: String = "metadata-lint", maxResults: Int = SARIFRenderer.githubResultLimit) {
        self.category = category
        self.maxResults = max(0, maxResults)
    }

    public func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fingerprints = Self.fingerprints(diagnostics)
        let kept = Self.mostSevere(diagnostics, limit: maxResults)
        let results = kept.map { index in
            "        " + Self.result(diagnostics[index], fingerprint: fingerprints[index], ruleIndex: ruleIndex)
        }
        let driver = JSONWriter.object([
            ("name", JSONWriter.quote("metadata-lint")),
            ("version", JSONWriter.quote(MetadataLintVersion.current)),
            ("semanticVersion", JSONWriter.quote(MetadataLintVersion.current)),
            ("informationUri", JSONWriter.quote(Self.informationURI)),
            ("rules", "[\n          " + rules.map(Self.descriptor).joined(separator: ",\n          ") + "\n        ]"),
        ])
        let omitted = diagnostics.count - kept.count
        var invocation: [(String, String)] = [("executionSuccessful", "true")]
        var notifications = inputNotes
        if omitted > 0 {
            let keptSet = Set(kept)
            let left = diagnostics.indices.filter { !keptSet.contains($0) }.map { diagnostics[$0].severity }
            notifications.append(Self.truncationNotice(left, total: diagnostics.count, limit: maxResults))
        }
        if !notifications.isEmpty {
            invocation.append(("toolExecutionNotifications", "[" + notifications.joined(separator: ", ") + "]"))
        }
        return """
        {
          "$schema": "\(Self.schemaURI)",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {"driver": \(driver)},
              "automationDetails": {"id": \(JSONWriter.quote(category + "/"))},
              "columnKind": "unicodeCodePoints",
              "invocations": [\(JSONWriter.object(invocation))],
              "results": [
        \(results.joined(separator: ",\n"))
              ]
            }
          ]
        }

        """
    }

    static func descriptor(_ rule: RuleInfo) -> String {
        var pairs: [(String, String)] = [
            ("id", JSONWriter.quote(rule.id)),
            ("name", JSONWriter.quote(rule.id)),
            ("shortDescription", JSONWriter.object([("text", JSONWriter.quote(rule.summary))])),
            ("fullDescription", JSONWriter.object([("text", JSONWriter.quote(rule.explanation))])),
        ]
        // Custom rules live in the user's config, not in our docs (filter-limit, of the same group, is ours).
        let fromConfig = rule.group == .custom && Rules.info(rule.id) == nil
        let helpURI = fromConfig ? nil : rulesDocumentURI + "#" + rule.id
        if let helpURI { pairs.append(("helpUri", JSONWriter.quote(helpURI))) }
        var markdown = "**\(rule.docs.what)**\n\n\(rule.docs.why)"
        if !rule.docs.example.isEmpty, !fromConfig { markdown += "\n\nExample:\n\n```\n\(rule.docs.example)\n```" }
        markdown += "\n\n\(rule.docs.fix)"
        if let helpURI { markdown += "\n\n[Documentation](\(helpURI))" }
        pairs += [
            ("help", JSONWriter.object([("text", JSONWriter.quote(rule.explanation)), ("markdown", JSONWriter.quote(markdown))])),
            ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote(level(rule.defaultSeverity)))])),
            ("properties", JSONWriter.object([("tags", "[" + JSONWriter.quote(rule.group.rawValue) + "]")])),
        ]
        return JSONWriter.object(pairs)
    }

    static func result(_ d: Diagnostic, fingerprint: String, ruleIndex: [String: Int]) -> String {
        var physical: [(String, String)] = [
            ("artifactLocation", JSONWriter.object([("uri", JSONWriter.quote(uri(d.file)))])),
        ]
        if d.line > 0 {
            physical.append(("region", JSONWriter.object([
                ("startLine", String(d.line)), ("startColumn", String(max(1, d.column))),
            ])))
        }
        var location: [(String, String)] = [("physicalLocation", JSONWriter.object(physical))]
        if !d.pointer.isEmpty {
            location.append(("logicalLocations", "[" + JSONWriter.object([("fullyQualifiedName", JSONWriter.quote(d.pointer))]) + "]"))
        }
        var result: [(String, String)] = [("ruleId", JSONWriter.quote(d.rule))]
        if let index = ruleIndex[d.rule] { result.append(("ruleIndex", String(index))) }
        result += [
            ("level", JSONWriter.quote(level(d.severity))),
            ("message", JSONWriter.object([("text", JSONWriter.quote(d.message))])),
            ("locations", "[" + JSONWriter.object(location) + "]"),
            ("partialFingerprints", JSONWriter.object([(fingerprintKey, JSONWriter.quote(fingerprint))])),
        ]
        return JSONWriter.object(result)
    }

    static func truncationNotice(_ left: [Severity], total: Int, limit: Int) -> String {
        let errors = left.filter { $0 == .error }.count
        let warnings = left.filter { $0 == .warning }.count
        let notes = left.count - errors - warnings
        let text = "\(left.count) of \(total) results are not listed: a SARIF run holds at most "
            + "\(limit) (GitHub code scanning's limit per run is \(githubResultLimit)); the most severe are kept. "
            + "Not listed: \(errors) errors, \(warnings) warnings, \(notes) notes. "
            + "--format text or json lists them all."
        return JSONWriter.object([
            ("level", JSONWriter.quote("warning")),
            ("message", JSONWriter.object([("text", JSONWriter.quote(text))])),
            ("descriptor", JSONWriter.object([("id", JSONWriter.quote("results-truncated"))])),
            ("properties", JSONWriter.object([
                ("omittedResults", String(left.count)), ("omittedErrors", String(errors)),
                ("omittedWarnings", String(warnings)), ("omittedNotes", String(notes)),
            ])),
        ])
    }

    /// Indices of at most `limit` diagnostics, errors before warnings before notes, each kept in
    /// its original order; the result is in original order.
    static func mostSevere(_ diagnostics: [Diagnostic], limit: Int) -> [Int] {
        guard diagnostics.count > limit else { return Array(diagnostics.indices) }
        var kept: [Int] = []
        kept.reserveCapacity(limit)
        for severity in [Severity.error, .warning, .note] {
            for index in diagnostics.indices where diagnostics[index].severity == severity {
                guard kept.count < limit else { break }
                kept.append(index)
            }
        }
        return kept.sorted()
    }

    /// A hash of rule, file, JSON pointer and which occurrence of that triple this is: unlike
    /// line numbers, it stays the same when lines are added above the finding.
    static func fingerprints(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let identity = d.rule + "\u{0}" + uri(d.file) + "\u{0}" + d.pointer
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return StableHash.hex(identity + "\u{0}" + String(occurrence))
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A URI reference for a path (RFC 3986): relative paths stay relative (code scanning
    /// resolves them against the checkout), absolute ones become `file://` URIs, and every byte
    /// outside the unreserved set and `/` is percent-encoded.
    static func uri(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

/// 64-bit FNV-1a: the same text gives the same hash on every run and machine (Swift's `Hasher`
/// is seeded per process).
enum StableHash {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
