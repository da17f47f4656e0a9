import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

@Suite struct ReporterTests {
    static let sample = [
        Diagnostic(file: "dir/a b.json", line: 3, column: 7, pointer: "/record_types/x", severity: .error,
                   rule: "unknown-key", message: "bad: \"q\", 100%\nnext"),
        Diagnostic(file: "a.json", line: 0, column: 0, pointer: "", severity: .warning,
                   rule: "unused-category", message: "w"),
    ]

    @Test func jsonHasExactlyTheDocumentedKeys() throws {
        let text = JSONRenderer().render(Self.sample, rules: Rules.all)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(Set(parsed[0].keys) == ["file", "line", "column", "severity", "rule", "message", "pointer"])
        #expect(parsed[0]["message"] as? String == "bad: \"q\", 100%\nnext")
        #expect(parsed[0]["line"] as? Int == 3)
        #expect(parsed[1]["severity"] as? String == "warning")
        #expect(JSONRenderer().render([], rules: []) == "[]\n")
    }

    @Test func githubEscapesDataAndProperties() {
        let text = GitHubRenderer().render(Self.sample, rules: Rules.all)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "::error file=dir/a b.json,line=3,col=7,title=unknown-key::bad: \"q\", 100%25%0Anext")
        #expect(lines[1] == "::warning file=a.json,title=unused-category::w")
    }

    @Test func sarifCarriesTheCatalogueAndOmitsEmptyRegions() throws {
        let text = SARIFRenderer().render(Self.sample, rules: Rules.all)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [Any])?.count == Rules.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "dir/a%20b.json")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3)
        let second = try #require((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(second["region"] == nil)
        #expect(results[0]["ruleIndex"] as? Int == Rules.all.firstIndex { $0.id == "unknown-key" })
    }

    @Test func longLinesShowAWindowWithTheCaretUnderTheFinding() throws {
        let padding = (0..<60).map { "\"k\($0)\": {\"fields\": {}}" }.joined(separator: ", ")
        let text = "{\"record_types\": {" + padding + ", \"bad\": {\"fields\": {}, \"categroy\": \"x\"}}}"
        let diagnostics = TestSupport.validate(text)
        let finding = try #require(diagnostics.first { $0.rule == "unknown-key" })
        #expect(finding.column > 1000)
        var report = Report(diagnostics: [finding], files: 1, rules: [])
        report.sources = ["test.json": SourceFile(path: "test.json", bytes: Array(text.utf8))]
        let rendered = TextRenderer(color: false).render(report).split(separator: "\n").map(String.init)
        let line = rendered[1]
        #expect(line.contains("| …"))
        #expect(line.count <= 2 * Snippets.windowWidth + 12)
        let caretLine = rendered[2]
        let caret = try #require(caretLine.firstIndex(of: "^"))
        let offset = caretLine.distance(from: caretLine.startIndex, to: caret)
        let snippet = rendered[1]
        #expect(snippet.dropFirst(offset).hasPrefix("\"categroy\""), "\(snippet)\n\(caretLine)")
    }

    @Test func textShowsPositionSnippetAndCaret() {
        var report = Report(diagnostics: [Self.sample[0]], files: 1, rules: [])
        report.sources = ["dir/a b.json": SourceFile(path: "dir/a b.json", bytes: Array("{\n\n  \"x\": 1\n}".utf8))]
        let text = TextRenderer(color: false).render(report)
        #expect(text == """
        dir/a b.json:3:7: error[unknown-key]: bad: "q", 100%\\nnext
         3 |   "x": 1
           |       ^
        1 error, 0 warnings in 1 file

        """)
        #expect(TextRenderer(color: true).render(report).contains("\u{1B}[1;31merror"))
    }
}
