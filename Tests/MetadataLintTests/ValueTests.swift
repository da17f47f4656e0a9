import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

@Suite struct ValueTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-04-31", false), ("2024-13-01", false),
        ("2024-00-10", false), ("2024-1-01", false), ("20240101", false), ("2000-02-29", true), ("1900-02-29", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect(DateSyntax.isDate(text) == valid, "\(text)")
    }

    @Test(arguments: [
        ("1972-03-29T22:04:47+01:00", true), ("2024-01-01T00:00:00Z", true), ("2024-01-01t00:00:00z", true),
        ("2024-01-01T00:00:00.123456Z", true), ("2016-12-31T23:59:60Z", true), ("2024-01-01T00:00:00", false),
        ("2024-01-01 00:00:00Z", false), ("2024-01-01T24:00:00Z", false), ("2024-01-01T00:00:00.Z", false),
        ("2024-01-01T00:00:00+1:00", false), ("2024-02-30T00:00:00Z", false), ("2024-01-01T00:00:00+24:00", false),
    ])
    func timestamps(text: String, valid: Bool) {
        #expect(DateSyntax.isTimestamp(text) == valid, "\(text)")
    }

    @Test func suggestions() {
        #expect(Suggest.closest(to: "categroy", in: ["category", "name"]) == "category")
        #expect(Suggest.closest(to: "is_requried", in: ["is_required", "is_read_only"]) == "is_required")
        #expect(Suggest.closest(to: "xyz", in: ["category", "name"]) == nil)
        #expect(Suggest.closest(to: "field_privileges", in: ["field_privilege", "conditional_privilege"]) == "field_privilege")
    }

    @Test func lineIndex() {
        let bytes = Array("ab\ncé\r\nx".utf8)
        let index = LineIndex(bytes)
        #expect(index.location(of: 0, in: bytes) == (1, 1))
        #expect(index.location(of: 3, in: bytes) == (2, 1))
        #expect(index.location(of: 6, in: bytes) == (2, 3))
        #expect(index.location(of: 8, in: bytes) == (3, 1))
        #expect(index.text(ofLine: 2, in: bytes) == "cé")
    }
}
