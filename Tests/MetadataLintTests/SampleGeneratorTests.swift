import Foundation
import Testing
@testable import MetadataLint

/// The generator behind `sample`, the schema behind `json-schema` and the starter behind `init`.
@Suite struct SampleGeneratorTests {
    static func metadata(_ text: String) throws -> Metadata {
        let result = MetadataValidator().validate(SourceFile(path: "m.json", bytes: Array(text.utf8)))
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        return try #require(result.metadata)
    }

    static let bounded = """
    {"record_types": {
      "users": {"fields": {"email": {"type": "text", "is_identifier": true, "text": {"max_length": 30}}}},
      "items": {"fields": {
        "n": {"type": "int", "is_required": true, "int": {"min": -3, "max": 3}},
        "x": {"type": "float", "is_required": true, "float": {"min": 0.25, "max": 0.3}},
        "tiny": {"type": "float", "is_required": true, "float": {"min": 0.001, "max": 0.002}},
        "t": {"type": "text", "is_required": true, "text": {"min_length": 2, "max_length": 4}},
        "list": {"type": "int", "is_required": true, "collection": {"min_length": 2, "max_length": 2}},
        "who": {"type": "reference", "is_required": true, "reference": {"refers_to": {"#record:users": {"by_field": "email"}}}},
        "gone": {"type": "enum", "is_required": true, "enum": {"values": [{"key": "old", "is_deprecated": true}, {"key": "new"}]}}
      }}
    }}
    """

    @Test func splitMixMatchesTheReferenceSequence() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        var wide = SplitMix64(seed: 9)
        for _ in 0..<1000 {
            let value = wide.between(Int64.min, Int64.max)
            #expect(value >= Int64.min)
            #expect((-3...3).contains(wide.between(-3, 3)))
        }
    }

    @Test func valuesStayWithinTheirBounds() throws {
        let metadata = try Self.metadata(Self.bounded)
        var generator = SampleGenerator(metadata: metadata, options: .init(count: 200, seed: 4), generating: ["users", "items"])
        let items = generator.items(of: try #require(metadata.recordType("items")))
        #expect(generator.problems.isEmpty)
        var ns: Set<String> = []
        for item in items {
            guard case .object(let data)? = item["data"] else {
                Issue.record("no data")
                continue
            }
            let values = Dictionary(uniqueKeysWithValues: data)
            if case .number(let n)? = values["n"] { ns.insert(n); #expect((-3...3).contains(Int(n) ?? 99)) }
            if case .number(let x)? = values["x"] { #expect((0.25...0.3).contains(Double(x) ?? 9)) }
            #expect(values["tiny"] == .number("0.001"))
            if case .string(let t)? = values["t"] { #expect((2...4).contains(t.unicodeScalars.count)) }
            if case .array(let list)? = values["list"] { #expect(list.count == 2) }
            if case .string(let who)? = values["who"] {
                #expect(who.hasPrefix("users") && who.hasSuffix("@example.com") && who.count <= 30)
            }
            #expect(values["gone"] == .string("new"))
        }
        #expect(ns.count == 7)
    }

    @Test func identifierValuesFitTheirBoundsAndStayUnique() throws {
        let metadata = try Self.metadata(#"{"record_types": {"u": {"fields": {"handle": {"type": "text", "is_identifier": true, "text": {"min_length": 6, "max_length": 8}}}}}}"#)
        let field = try #require(metadata.recordType("u")?.field("handle"))
        let values = (0..<500).map { SampleGenerator.identifier("u", field, $0) }
        #expect(Set(values).count == 500)
        #expect(values.allSatisfy { (6...8).contains($0.count) })
        // "u-handle-3" is longer than 8: the record number, padded to the minimum length.
        #expect(values[3] == "000003")
        #expect(values[123] == "000123")
    }

    @Test func sameSeedSameItemsOtherSeedOthers() throws {
        let metadata = try Self.metadata(Self.bounded)
        func items(_ seed: UInt64) throws -> String {
            var generator = SampleGenerator(metadata: metadata, options: .init(count: 20, seed: seed), generating: ["items"])
            return generator.items(of: try #require(metadata.recordType("items"))).map(\.compact).joined(separator: "\n")
        }
        #expect(try items(1) == items(1))
        #expect(try items(1) != items(2))
    }

    @Test func requiredEnumWithoutKeysIsAProblem() throws {
        let metadata = try Self.metadata(#"{"record_types": {"t": {"fields": {"k": {"type": "enum", "is_required": true, "enum": {"values": []}}}}}}"#)
        var generator = SampleGenerator(metadata: metadata, options: .init(count: 2), generating: ["t"])
        _ = generator.items(of: try #require(metadata.recordType("t")))
        #expect(generator.problems == ["field \"k\" of record type \"t\" is required but no valid value exists for it"])
    }

    @Test func calendarCoversLeapDaysAndStaysInRange() {
        #expect(SampleCalendar.dayCount == 1826)
        #expect(SampleCalendar.date(0) == "2021-01-01")
        #expect(SampleCalendar.date(365 + 365 + 365 + 59) == "2024-02-29")
        #expect(SampleCalendar.date(1825) == "2025-12-31")
        #expect(SampleCalendar.date(99_999) == "2025-12-31")
        #expect(SampleCalendar.timestamp(0, second: 3661, offsetHours: -5) == "2021-01-01T01:01:01-05:00")
        #expect(DateSyntax.isTimestamp(SampleCalendar.timestamp(1000, second: 86_399)))
    }

    @Test func textFitsLengthsInScalars() {
        #expect(SampleText.fit("café au lait", length: 4) == "café")
        #expect(SampleText.fit("ab", length: 4) == "abxx")
        #expect(SampleText.fit("ab cd", length: 3) == "abx")
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            #expect(SampleText.text(&rng, min: 0, max: 0) == "")
            #expect((5...7).contains(SampleText.text(&rng, min: 5, max: 7).unicodeScalars.count))
        }
    }

    @Test func schemaFoldsNullIntoTypesAndOverlaysRequiredFields() throws {
        let metadata = try Self.metadata("""
        {"struct_types": {"s": {"fields": {"city": {"type": "text", "is_required": true}}}},
         "record_types": {"t": {"fields": {
           "n": {"type": "int", "is_required": true, "int": {"max": 5}},
           "e": {"type": "enum", "enum": {"values": [{"key": "a"}]}},
           "where": {"type": "struct", "collection": {"max_length": 2}, "struct": {"key": "s"}}
         }}}}
        """)
        let schema = ItemSchemaBuilder.schema(for: try #require(metadata.recordType("t")), in: metadata)
        let defs = try #require(schema["$defs"])
        #expect(defs["data"]?["properties"]?["n"] == .object([("type", .array([.string("integer"), .string("null")])), ("maximum", .number("5"))]))
        #expect(defs["data"]?["properties"]?["e"] == .object([("enum", .array([.string("a"), .null]))]))
        #expect(defs["data"]?["properties"]?["where"]?["maxItems"] == .number("2"))
        #expect(defs["data.required"] == .object([
            ("required", .array([.string("n")])),
            ("properties", .object([
                ("n", .object([("not", .object([("type", .string("null"))]))])),
                ("where", .object([("items", .object([("$ref", .string("#/$defs/struct.s.required"))]))])),
            ])),
        ]))
        #expect(defs["struct.s.required"]?["required"] == .array([.string("city")]))
        #expect(schema["if"] == .object([("properties", .object([("operation", .object([("const", .string("created"))]))]))]))
    }

    @Test func starterValidatesWithNoFindingAndRejectsReservedNames() throws {
        let text = try StarterMetadata.text(recordTypes: ["issues", "users", "comments"]).get()
        #expect(TestSupport.validate(text).isEmpty)
        #expect(text.hasPrefix("{\n  \"schema_version\": \"v0.2.0\",\n  \"record_types\": {\n    \"users\": {\n"))
        guard case .failure(let error) = StarterMetadata.text(recordTypes: ["ssor_attachment"]) else {
            Issue.record("a reserved name was accepted")
            return
        }
        #expect(error.reason == "\"ssor_attachment\" is a reserved item type the platform treats specially: pick another name")
        if case .success = StarterMetadata.text(recordTypes: ["a", "a"]) { Issue.record("a name twice was accepted") }
    }

    @Test func orderedJSONPrintsTwoSpaceIndentAndEscapes() {
        let value = OrderedJSON.object([("b", .array([.int(1), .string("x\"\n\u{1}")])), ("a", .object([])), ("c", .array([]))])
        #expect(value.pretty == "{\n  \"b\": [\n    1,\n    \"x\\\"\\n\\u0001\"\n  ],\n  \"a\": {},\n  \"c\": []\n}\n")
        #expect(value.compact == #"{"b":[1,"x\"\n\u0001"],"a":{},"c":[]}"#)
    }
}
