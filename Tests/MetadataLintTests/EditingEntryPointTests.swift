import Foundation
import Testing
@testable import MetadataLint
@testable import LintReport
@testable import LintRules

/// The library entry points an editor calls (quick fixes, formatting) and the report fields the CLI
/// renders for `--fix`, `fmt` and `diff`.
@Suite struct EditingEntryPointTests {
    static func source(_ text: String) -> SourceFile { SourceFile(path: "t.json", bytes: Array(text.utf8)) }

    @Test func eachOfferFixesItsOwnFinding() throws {
        let input = try InputFile.read(TestSupport.fixture("fix/reserved-fields/input.json").path)
        let offers = Fixes.offers(for: input)
        #expect(offers.count == 7)
        for offer in offers {
            #expect(offer.fix.rule == offer.diagnostic.rule)
            let fixed = SourceFile(path: input.path, bytes: try TextEdits.apply(offer.fix.edits, to: input.bytes))
            let after = MetadataValidator().validate(fixed).diagnostics
            #expect(!after.contains { $0.rule == offer.diagnostic.rule && $0.pointer == offer.diagnostic.pointer },
                    "\(offer.fix.description)")
        }
    }

    @Test func offersIncludeUnsafeFixesMarkedAsSuch() throws {
        let input = try InputFile.read(TestSupport.fixture("fix/array-field/input.json").path)
        let offers = Fixes.offers(for: input)
        #expect(!offers.isEmpty && offers.allSatisfy { $0.fix.applicability == .unsafe })
        #expect(Fixes.offers(for: Self.source("{\"record_types\": ")).isEmpty, "nothing to fix in a file that is not JSON")
    }

    @Test func fixAllIsTheRunnersOutcome() throws {
        let input = try InputFile.read(TestSupport.fixture("fix/record-type-without-fields/input.json").path)
        let expected = try InputFile.read(TestSupport.fixture("fix/record-type-without-fields/fixed.json").path)
        #expect(Fixes.fixAll(input).fixed.bytes == expected.bytes)
    }

    @Test func formattingEditsReplaceOnlyWhatDiffers() throws {
        let text = "{\n  \"record_types\": {\"a\": {\"fields\": {}, \"name\": \"Ä\"}}\n}\n"
        let source = Self.source(text)
        let edits = try Formatting.edits(for: source).get()
        #expect(edits.count == 1)
        let formatted = try Formatting.format(source).get()
        #expect(try TextEdits.apply(edits, to: source.bytes) == formatted)
        #expect(edits[0].range.lowerBound == 21, "the unchanged start, up to `\"record_types\": {`, is kept")
        #expect(try Formatting.edits(for: SourceFile(path: "f", bytes: formatted)).get().isEmpty)
        guard case .failure(let refusal) = Formatting.edits(for: Self.source("{\"a\": 1, \"a\": 2}")) else {
            Issue.record("duplicate keys are refused")
            return
        }
        #expect(refusal.diagnostics.map(\.rule) == ["json-duplicate-key"])
    }

    @Test func theFixSummaryComesBeforeTheSummaryLineOrOnStandardError() {
        var report = Report(diagnostics: [Diagnostic(file: "f.json", line: 1, column: 1, pointer: "", severity: .error,
                                                     rule: "x", message: "m")], files: 1, rules: [])
        report.fixSummary = FixSummary(fixed: 3, unsafeFixable: 2, dryRun: false)
        let text = report.render(.text, color: false)
        #expect(text.stdout.hasSuffix("3 fixed, 1 remaining (2 more fixable with --unsafe-fixes)\n1 error, 0 warnings in 1 file\n"))
        #expect(text.stderr.isEmpty)
        let json = report.render(.json, color: false)
        #expect(json.stdout.hasPrefix("[") && json.stderr == "3 fixed, 1 remaining (2 more fixable with --unsafe-fixes)\n")
        report.body = .diff
        report.rewrites = [FileRewrite(path: "f.json", before: Array("a\n".utf8), after: Array("b\n".utf8))]
        report.fixSummary?.dryRun = true
        #expect(report.render(.json, color: false) == ("--- f.json\n+++ f.json\n@@ -1 +1 @@\n-a\n+b\n",
                                                        "3 fixable, 1 would remain (2 more fixable with --unsafe-fixes)\n"))
    }

    @Test func formatSummaryReplacesTheSummaryLineAndChecksFail() {
        var report = Report(diagnostics: [], files: 2, rules: [])
        report.formatSummary = FormatSummary(mode: .check, reformatted: ["a.json"], unchanged: 1, refused: 0)
        #expect(report.render(.text, color: false).stdout
            == "would reformat: a.json\n1 file would be reformatted, 1 file already formatted\n")
        #expect(report.exitCode(strict: false) == 1)
        report.formatSummary?.mode = .write
        #expect(report.exitCode(strict: false) == 0)
    }

    @Test func changeKindsAreACatalogueOfTheirOwnInTheDocsOutline() {
        #expect(ChangeKind.catalogue.count == ChangeKind.allCases.count)
        for rule in ChangeKind.catalogue {
            #expect(rule.group == .diff)
            #expect(Rules.info(rule.id) == nil, "\(rule.id) is not a lint rule")
            #expect(rule.docs.what.hasSuffix("."), "\(rule.id)")
            #expect(rule.docs.why.count > 40, "\(rule.id)")
            #expect(rule.docs.example.hasPrefix("OLD: ") && rule.docs.example.contains("\nNEW: "), "\(rule.id)")
            #expect(rule.docs.fix.hasSuffix("."), "\(rule.id)")
            #expect(rule.fixer == nil)
        }
    }
}
