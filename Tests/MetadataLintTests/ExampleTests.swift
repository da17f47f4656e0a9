import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

@Suite struct ExampleTests {
    @Test func shippedExampleIsClean() throws {
        let diagnostics = try TestSupport.validateFile(TestSupport.fixture("example/external_domain_metadata.json"))
        #expect(diagnostics.isEmpty, "\(TestSupport.summary(diagnostics))")
    }

    @Test func brokenExampleReportsEveryPlantedMistake() throws {
        let diagnostics = try TestSupport.validateFile(
            TestSupport.fixture("example/broken_external_domain_metadata.json"))
        #expect(TestSupport.summary(diagnostics) == [
            "undeclared-category@31:19",
            "invalid-value-type@39:26",
            "default-value-type@40:28",
            "invalid-bounds@54:70",
            "by-field-not-identifier@65:72",
            "unknown-field-type@69:33",
            "reserved-field-name@70:9",
            "stage-diagram-transition@81:77",
        ])
        #expect(diagnostics.first?.pointer == "/record_types/epics/category")
        #expect(diagnostics.first?.message.contains("did you mean \"tickets\"") == true)
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        let diagnostics = TestSupport.validate(#"{"record_types": {"a": {"fields": {"x": {"type": "text", "is_requried": true}}}}}"#)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("did you mean \"is_required\"?"))
        #expect(diagnostics[0].pointer == "/record_types/a/fields/x/is_requried")
    }

    @Test func pointersEscapeSlashAndTilde() {
        let diagnostics = TestSupport.validate(#"{"record_types": {"a/b~c": {"fields": {"id": {"type": "text"}}}}}"#)
        #expect(diagnostics.map(\.pointer) == ["/record_types/a~1b~0c/fields/id"])
    }

    @Test func categoryTargetChecksByFieldOnEveryMember() {
        let text = """
        {"record_type_categories": {"people": {}},
         "record_types": {
          "users": {"category": "people", "fields": {"email": {"type": "text", "is_identifier": true}}},
          "bots": {"category": "people", "fields": {"email": {"type": "text"}}},
          "notes": {"fields": {"by": {"type": "reference", "reference": {"refers_to": {"#category:people": {"by_field": "email"}}}}}}
        }}
        """
        let diagnostics = TestSupport.validate(text)
        #expect(TestSupport.summary(diagnostics) == ["by-field-not-identifier@5:113"])
        #expect(diagnostics[0].message.contains("\"bots\""))
    }

    @Test func modelKeepsPositionsOfEveryNode() throws {
        let source = SourceFile(path: "m.json", bytes: Array("""
        {
          "record_types": {
            "users": {
              "fields": { "email": { "type": "text" } }
            }
          }
        }
        """.utf8))
        let result = MetadataValidator().validate(source)
        let users = try #require(result.metadata?.recordType("users"))
        #expect(source.lines.location(of: users.keyRef.offset, in: source.bytes) == (3, 5))
        let email = try #require(users.field("email"))
        #expect(email.type == .text)
        #expect(source.lines.location(of: email.keyRef.offset, in: source.bytes) == (4, 19))
        #expect(email.ref.pointer == "/record_types/users/fields/email")
    }
}
