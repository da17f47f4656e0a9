import Foundation
import Testing
@testable import LintRules

/// The rules are the unit of the code: every rule documented in the fixed outline, with fixtures and
/// a snapshot, and no diagnostic wording anywhere but in the rule files.
@Suite struct RuleArchitectureTests {
    static let sources = TestSupport.packageRoot.appendingPathComponent("Sources")

    @Test(arguments: Rules.all.map(\.id))
    func ruleIsDocumentedInTheOutline(_ id: String) throws {
        let rule = try #require(Rules.info(id))
        #expect(rule.docs.what.hasSuffix("."), "\(id): `what` is one sentence")
        #expect(rule.docs.why.count > 60, "\(id): `why` says what goes wrong")
        #expect(!rule.docs.example.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(id): an example of the mistake")
        #expect(rule.docs.fix.count > 15, "\(id): `fix` says how to fix it")
    }

    @Test(arguments: Rules.all.map(\.id))
    func ruleHasFailingAndPassingFixturesAndASnapshot(_ id: String) throws {
        let kind = Rules.info(id)?.group
        let group = kind == .artifact ? "artifacts" : kind == .mapping ? "mapping" : "rules"
        let directory = TestSupport.fixture("\(group)/\(id)")
        let fail = group == "rules" ? "fail.json" : "fail"
        let pass = group == "rules" ? "pass.json" : "pass"
        for name in [fail, pass, "fail.expected", "fail.snap"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(id): fixtures/\(group)/\(id)/\(name)")
        }
    }

    /// Every `Violation` conformance, and every sentence a diagnostic can show, lives in a rule file
    /// (Sources/LintRules/Rules/**). Elsewhere, string literals that read like prose are flagged.
    @Test func messageTextLivesOnlyInRuleFiles() throws {
        let ruleFiles = Self.sources.appendingPathComponent("LintRules/Rules").path
        // Targets that report findings; the CLI, the reports and the servers print other text.
        let reporting = ["LintJSON", "LintModel", "LintRules", "LintArtifacts"]
        var offenders: [String] = []
        for target in reporting {
            let root = Self.sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let path = root.appendingPathComponent(file).path
                if path.hasPrefix(ruleFiles) { continue }
                let text = try String(contentsOfFile: path, encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    if Self.declaresViolation(code) {
                        offenders.append("\(target)/\(file):\(n + 1): violation type outside a rule file")
                    }
                    if Self.hasProse(code) && !code.contains("precondition(") && !Self.ioFiles.contains(file) {
                        offenders.append("\(target)/\(file):\(n + 1): \(code)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "message text outside rule files:\n\(offenders.joined(separator: "\n"))")
    }

    /// Reading files: their I/O errors are exit-2 errors worded where the I/O happens (a damaged
    /// artifact surfaces them through corrupt-artifact, whose rule file adds the consequence).
    static let ioFiles: Set<String> = ["ByteSource.swift", "GzipInflater.swift", "ArtifactFiles.swift", "RecordStream.swift", "MetadataCopies.swift"]

    /// `struct X: RuleViolation`, `extension Y: Violation` and the like.
    static func declaresViolation(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard let keyword = words.firstIndex(where: { ["struct", "enum", "class", "extension"].contains($0) }) else { return false }
        guard keyword + 1 < words.count, words[keyword + 1].hasSuffix(":") else { return false }
        return words[(keyword + 2)...].contains { $0.hasPrefix("Violation") || $0.hasPrefix("RuleViolation") }
    }

    /// A string literal of three or more words: what a message looks like.
    static func hasProse(_ line: String) -> Bool {
        var inString = false
        var literal = ""
        var previous: Character = " "
        for c in line {
            if c == "\"" && previous != "\\" {
                if inString, literal.split(separator: " ").filter({ $0.contains(where: \.isLetter) }).count >= 3 { return true }
                inString.toggle()
                literal = ""
            } else if inString {
                literal.append(c)
            }
            previous = c
        }
        return false
    }
}
