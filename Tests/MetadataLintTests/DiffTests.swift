import Foundation
import Testing
@testable import MetadataLint

/// fixtures/diff/old.json → new.json makes every kind of change; expected.txt lists each change's
/// rule id and position (in new.json, or in old.json for what new.json no longer has).
@Suite struct DiffTests {
    static func fixture(_ name: String) throws -> SourceFile {
        let source = try InputFile.read(TestSupport.fixture("diff/\(name)").path)
        return SourceFile(path: name, bytes: source.bytes)
    }

    static func expected() throws -> [String] {
        try String(contentsOf: TestSupport.fixture("diff/expected.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).sorted()
    }

    static func changes(_ old: String, _ new: String) -> [String] {
        let outcome = VersionDiff.run(old: SourceFile(path: "old.json", bytes: Array(old.utf8)),
                                      new: SourceFile(path: "new.json", bytes: Array(new.utf8)))
        guard case .changes(_, let diagnostics) = outcome else { return ["unreadable"] }
        return diagnostics.map { "\($0.rule) \($0.file):\($0.line):\($0.column)" }
    }

    @Test func theFixturePairGivesExactlyTheExpectedChanges() throws {
        let outcome = VersionDiff.run(old: try Self.fixture("old.json"), new: try Self.fixture("new.json"))
        guard case .changes(let changes, let diagnostics) = outcome else {
            Issue.record("both versions are JSON")
            return
        }
        #expect(diagnostics.map { "\($0.rule) \($0.file):\($0.line):\($0.column)" }.sorted() == (try Self.expected()))
        #expect(VersionDiff.summary(changes) == "14 breaking, 5 risky, 16 safe (35 changes)")
        for diagnostic in diagnostics {
            #expect(diagnostic.severity == ChangeKind(rawValue: diagnostic.rule)?.impact.severity)
        }
    }

    @Test(arguments: ChangeKind.allCases)
    func everyKindIsFoundWhereExpected(kind: ChangeKind) throws {
        let lines = try Self.expected().filter { $0.hasPrefix(kind.rawValue + " ") }
        #expect(!lines.isEmpty, "the fixture pair makes a \(kind.rawValue) change")
        #expect(kind.rule.summary.hasSuffix("."))
        #expect(kind.rule.explanation.count > 80)
        #expect(kind.rawValue.hasPrefix(kind.impact.rawValue + "-"))
    }

    @Test func aVersionComparedWithItselfHasNoChanges() throws {
        let new = try Self.fixture("new.json")
        guard case .changes(let changes, _) = VersionDiff.run(old: new, new: new) else {
            Issue.record("readable")
            return
        }
        #expect(changes.isEmpty)
        #expect(VersionDiff.summary(changes) == "no changes")
    }

    @Test func typeKeysRolesAndDiagramsAreCompared() {
        let old = """
        {"record_types": {"policy": {"fields": {
          "access": {"type": "record_type_privilege", "record_type_privilege": {"type_keys": ["#record:a", "#record:b"]}},
          "member": {"type": "permission", "permission": {"member_id": {"refers_to": {"#record:a": {}}}, "role": {"values": [{"key": "admin"}, {"key": "viewer"}]}}},
          "state": {"type": "enum", "enum": {"values": [{"key": "x"}, {"key": "y"}]}}},
          "stage_diagram": {"controlling_field": "state", "all_transitions_allowed": true, "stages": {"x": {}, "y": {}}}},
         "a": {"fields": {}}, "b": {"fields": {}}}}
        """
        let new = """
        {"record_types": {"policy": {"fields": {
          "access": {"type": "record_type_privilege", "record_type_privilege": {"type_keys": ["#record:a"]}},
          "member": {"type": "permission", "permission": {"member_id": {"refers_to": {"#record:b": {}}}, "role": {"values": [{"key": "admin"}]}}},
          "state": {"type": "enum", "enum": {"values": [{"key": "x"}, {"key": "y"}]}}},
          "stage_diagram": {"controlling_field": "state", "stages": {"x": {"transitions_to": ["y"]}, "y": {}}}},
         "a": {"fields": {}}, "b": {"fields": {}}}}
        """
        #expect(Self.changes(old, new).sorted() == [
            "breaking-enum-value-removed old.json:3:144",
            "breaking-reference-target-removed old.json:2:100",
            "breaking-reference-target-removed old.json:3:79",
            "risky-stage-transition-removed new.json:5:20",
            "safe-reference-target-added new.json:3:79",
        ])
        let withoutDiagram = new.replacingOccurrences(
            of: #",\#n  "stage_diagram": {"controlling_field": "state", "stages": {"x": {"transitions_to": ["y"]}, "y": {}}}"#,
            with: "")
        #expect(Self.changes(new, withoutDiagram) == ["risky-stage-transition-removed new.json:1:19"])
    }

    @Test func aVersionThatIsNotJSONCannotBeCompared() {
        let outcome = VersionDiff.run(old: SourceFile(path: "old.json", bytes: Array("{\"record_types\": {}".utf8)),
                                      new: SourceFile(path: "new.json", bytes: Array("{\"record_types\": {}}".utf8)))
        guard case .unreadable(let diagnostics) = outcome else {
            Issue.record("old.json is not JSON")
            return
        }
        #expect(diagnostics.map { "\($0.rule) \($0.file):\($0.line):\($0.column)" } == ["json-syntax old.json:1:20"])
    }

    @Test func aFileComparedWithItselfByPathHasNoChanges() {
        let path = TestSupport.fixture("diff/new.json").path
        let report = VersionDiff.report(oldPath: path, newPath: path)
        #expect(report.diagnostics.isEmpty && report.inputErrors.isEmpty)
        #expect(report.render(.text, color: false).stdout == "no changes\n")
    }

    @Test func failOnCountsWhatItShould() {
        #expect(VersionDiff.FailOn.breaking.fails(.breaking))
        #expect(!VersionDiff.FailOn.breaking.fails(.risky))
        #expect(VersionDiff.FailOn.risky.fails(.risky))
        #expect(VersionDiff.FailOn.risky.fails(.breaking))
        #expect(!VersionDiff.FailOn.risky.fails(.safe))
    }
}
