import Foundation
import Testing
@testable import MetadataLint
@testable import LintReport
@testable import LintRules

/// fixtures/fix/<case>/input.json is fixed to fixed.json by the safe fixes, and to
/// fixed-unsafe.json (or fixed.json when there is none) with the unsafe ones too; the rest of
/// each file stays byte for byte, and fixing the result again changes nothing.
@Suite struct FixTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var fixed: Int
        var remaining: Int
        var unsafeFixed: Int
        var unsafeRemaining: Int
        var description: String { name }
    }

    static let cases = [
        Case(name: "legacy-keys", fixed: 10, remaining: 8, unsafeFixed: 17, unsafeRemaining: 1),
        Case(name: "renamed-key", fixed: 2, remaining: 1, unsafeFixed: 2, unsafeRemaining: 1),
        Case(name: "reserved-fields", fixed: 7, remaining: 1, unsafeFixed: 7, unsafeRemaining: 1),
        Case(name: "record-type-without-fields", fixed: 4, remaining: 0, unsafeFixed: 4, unsafeRemaining: 0),
        Case(name: "array-field", fixed: 0, remaining: 5, unsafeFixed: 4, unsafeRemaining: 1),
        Case(name: "minified", fixed: 3, remaining: 0, unsafeFixed: 3, unsafeRemaining: 0),
        Case(name: "crlf", fixed: 2, remaining: 0, unsafeFixed: 2, unsafeRemaining: 0),
    ]

    static func read(_ path: String) throws -> SourceFile {
        try InputFile.read(TestSupport.fixture("fix/\(path)").path)
    }

    @Test(arguments: cases)
    func safeFixesGiveTheExpectedFile(_ fixture: Case) throws {
        let input = try Self.read("\(fixture.name)/input.json")
        let outcome = FixRunner(validator: MetadataValidator(), includeUnsafe: false).run(input)
        let expected = try Self.read("\(fixture.name)/fixed.json")
        #expect(outcome.fixed.bytes == expected.bytes, "\(String(decoding: outcome.fixed.bytes, as: UTF8.self))")
        #expect(outcome.fixedCount == fixture.fixed)
        #expect(outcome.remaining.count == fixture.remaining, "\(TestSupport.summary(outcome.remaining))")
        #expect(outcome.applied.allSatisfy { $0.applicability == .safe })
        let again = FixRunner(validator: MetadataValidator(), includeUnsafe: false).run(outcome.fixed)
        #expect(!again.changed)
        #expect(again.applied.isEmpty)
    }

    @Test(arguments: cases)
    func unsafeFixesGiveTheExpectedFile(_ fixture: Case) throws {
        let input = try Self.read("\(fixture.name)/input.json")
        let outcome = FixRunner(validator: MetadataValidator(), includeUnsafe: true).run(input)
        let unsafePath = TestSupport.fixture("fix/\(fixture.name)/fixed-unsafe.json").path
        let expected = try Self.read("\(fixture.name)/" + (FileManager.default.fileExists(atPath: unsafePath) ? "fixed-unsafe.json" : "fixed.json"))
        #expect(outcome.fixed.bytes == expected.bytes, "\(String(decoding: outcome.fixed.bytes, as: UTF8.self))")
        #expect(outcome.fixedCount == fixture.unsafeFixed)
        #expect(outcome.remaining.count == fixture.unsafeRemaining, "\(TestSupport.summary(outcome.remaining))")
        #expect(!FixRunner(validator: MetadataValidator(), includeUnsafe: true).run(outcome.fixed).changed)
    }

    @Test func fixesFollowTheRulePolicy() throws {
        let input = try Self.read("reserved-fields/input.json")
        let validator = MetadataValidator(policy: RulePolicy(disabled: ["reserved-field-name"]))
        let outcome = FixRunner(validator: validator, includeUnsafe: true).run(input)
        #expect(!outcome.changed, "a rule that is turned off is not fixed either")
    }

    @Test func aFixIsOfferedByItsRule() {
        #expect(Rules.reservedFieldName.fixer?.label == "safe")
        #expect(Rules.legacyKey.fixer?.label == "safe or unsafe")
        #expect(Rules.unknownFieldType.fixer?.label == "unsafe")
        #expect(Rules.jsonSyntax.fixer == nil)
        #expect(Rules.all.filter(\.isFixable).map(\.id).sorted() == [
            "legacy-key", "record-type-without-fields", "renamed-key", "reserved-field-name", "unknown-field-type",
            "unknown-key",
        ])
    }

    @Test func everyFixableRuleIsExercisedByAFixtureCase() throws {
        // Offers, not applied fixes: unknown-field-type and unknown-key find one mistake and share a fix.
        var offered: Set<String> = []
        for fixture in Self.cases {
            offered.formUnion(Fixes.offers(for: try Self.read("\(fixture.name)/input.json")).map(\.fix.rule))
        }
        #expect(offered == Set(Rules.all.filter(\.isFixable).map(\.id)))
    }

    @Test func aReservedFieldThatIsReferencedIsNotRemoved() throws {
        let input = try Self.read("reserved-fields/input.json")
        let outcome = FixRunner(validator: MetadataValidator(), includeUnsafe: true).run(input)
        #expect(outcome.remaining.map(\.pointer) == ["/record_types/accounts/fields/id"])
    }

    @Test func clashingRenamesAreAppliedOneAtATime() {
        let text = #"{"record_types": {"a": {"fields": {"x": {"type": "int", "is_sortable": true, "is_groupable": true}}}}}"#
        let outcome = FixRunner(validator: MetadataValidator(), includeUnsafe: true)
            .run(SourceFile(path: "t.json", bytes: Array(text.utf8)))
        #expect(String(decoding: outcome.fixed.bytes, as: UTF8.self)
            == #"{"record_types": {"a": {"fields": {"x": {"type": "int", "is_indexed": true}}}}}"#)
        #expect(outcome.remaining.isEmpty)
    }

    @Test func notJSONIsLeftAlone() {
        let outcome = FixRunner(validator: MetadataValidator(), includeUnsafe: true)
            .run(SourceFile(path: "t.json", bytes: Array(#"{"record_types": {"a": {}"#.utf8)))
        #expect(!outcome.changed)
        #expect(outcome.remaining.map(\.rule) == ["json-syntax"])
    }
}

@Suite struct TextEditTests {
    @Test func editsApplyAroundUntouchedBytes() throws {
        let bytes = Array("abcdef".utf8)
        let out = try TextEdits.apply([.insert("X", at: 0), TextEdit(range: 2..<4, replacement: "--"), .delete(5..<6)], to: bytes)
        #expect(String(decoding: out, as: UTF8.self) == "Xab--e")
    }

    @Test func overlappingEditsAreRefused() {
        let a = TextEdit(range: 1..<3, replacement: "x"), b = TextEdit(range: 2..<4, replacement: "y")
        #expect(throws: TextEditError.overlapping(a, b)) { try TextEdits.apply([b, a], to: Array("abcdef".utf8)) }
        #expect(TextEdit.insert("z", at: 3).conflicts(with: a), "an insertion at an edge is ambiguous")
        #expect(!TextEdit.insert("z", at: 4).conflicts(with: a))
        #expect(throws: TextEditError.self) { try TextEdits.apply([.delete(3..<9)], to: Array("abc".utf8)) }
    }
}

@Suite struct UnifiedDiffTests {
    @Test func hunksHaveContextAndExactHeaders() {
        let old = (1...12).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(of: "line 11\n", with: "")
        let diff = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldPath: "f.json", newPath: "f.json")
        #expect(diff == """
        --- f.json
        +++ f.json
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -8,5 +8,4 @@
         line 8
         line 9
         line 10
        -line 11
         line 12

        """)
    }

    @Test func theEditScriptRebuildsBothSides() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in "l\(Int.random(in: 0...3, using: &generator))\n" }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in "l\(Int.random(in: 0...3, using: &generator))\n" }
            let old = UnifiedDiff.lines(Array(a.joined().utf8)), new = UnifiedDiff.lines(Array(b.joined().utf8))
            var rebuiltOld: [UnifiedDiff.Line] = [], rebuiltNew: [UnifiedDiff.Line] = []
            for step in UnifiedDiff.script(old, new) {
                switch step {
                case .same(let i, let j):
                    #expect(old[i] == new[j])
                    rebuiltOld.append(old[i]); rebuiltNew.append(new[j])
                case .delete(let i): rebuiltOld.append(old[i])
                case .insert(let j): rebuiltNew.append(new[j])
                }
            }
            #expect(rebuiltOld == old && rebuiltNew == new, "\(a) → \(b)")
        }
    }

    @Test func aMissingFinalNewlineIsMarked() {
        let diff = UnifiedDiff.render(old: Array("a\nb".utf8), new: Array("a\nb\n".utf8), oldPath: "x", newPath: "x")
        #expect(diff == "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(UnifiedDiff.render(old: Array("same".utf8), new: Array("same".utf8), oldPath: "x", newPath: "x").isEmpty)
        #expect(UnifiedDiff.render(old: [], new: Array("a\n".utf8), oldPath: "x", newPath: "x") == "--- x\n+++ x\n@@ -0,0 +1 @@\n+a\n")
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func replacesContentKeepingModeAndSymlink() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("meta.json")
        try Data("old".utf8).write(to: file)
        #expect(chmod(file.path, 0o640) == 0)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        try AtomicFileWriter.write(Array("new".utf8), to: link.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil, "the link stays a link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.json", "meta.json"],
                "no temporary file is left behind")
        #expect(throws: InputError.self) { try AtomicFileWriter.write([], to: directory.appendingPathComponent("none/x").path) }
    }
}
