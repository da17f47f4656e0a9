import Foundation
import Testing
@testable import MetadataLint

/// `MetadataShape` (fmt's key order, the editor schema) must know exactly the keys the reader
/// accepts: the same sets where the reader names them, and the same behaviour where it does not.
@Suite struct MetadataShapeTests {
    @Test func namedKeySetsMatchTheReader() {
        let named: [(MetadataShape, Set<String>)] = [
            (.root, MetadataReader.rootKeys), (.category, MetadataReader.categoryKeys),
            (.structType, MetadataReader.structTypeKeys), (.recordType, MetadataReader.recordTypeKeys),
            (.field, MetadataReader.fieldKeys), (.stageDiagram, MetadataReader.stageDiagramKeys),
            (.condition, MetadataReader.conditionKeys),
        ]
        for (shape, keys) in named {
            #expect(Set(shape.keys.map(\.name)) == keys, "\(shape)")
            #expect(shape.keys.count == keys.count, "\(shape) lists each key once")
        }
    }

    /// Where each shape lives in a document: OBJ is replaced by the object under test.
    static let placements: [MetadataShape: String] = [
        .attachments: #"{"record_types": {"r": {"fields": {}, "attachments": OBJ}}}"#,
        .enumBlock: #"{"record_types": {"r": {"fields": {"f": {"type": "enum", "enum": OBJ}}}}}"#,
        .enumValue: #"{"record_types": {"r": {"fields": {"f": {"type": "enum", "enum": {"values": [OBJ]}}}}}}"#,
        .reference: #"{"record_types": {"r": {"fields": {"f": {"type": "reference", "reference": OBJ}}}}}"#,
        .participation: #"{"record_types": {"r": {"fields": {"f": {"type": "participation", "participation": OBJ}}}}}"#,
        .referenceTarget: ##"{"record_types": {"r": {"fields": {"f": {"type": "reference", "reference": {"refers_to": {"#record:r": OBJ}}}}}}}"##,
        .structBlock: #"{"record_types": {"r": {"fields": {"f": {"type": "struct", "struct": OBJ}}}}}"#,
        .permission: #"{"record_types": {"r": {"fields": {"f": {"type": "permission", "permission": OBJ}}}}}"#,
        .typeKeys: #"{"record_types": {"r": {"fields": {"f": {"type": "type_key", "type_key": OBJ}}}}}"#,
        .lengthBounds: #"{"record_types": {"r": {"fields": {"f": {"type": "text", "text": OBJ}}}}}"#,
        .integerBounds: #"{"record_types": {"r": {"fields": {"f": {"type": "int", "int": OBJ}}}}}"#,
        .numberBounds: #"{"record_types": {"r": {"fields": {"f": {"type": "float", "float": OBJ}}}}}"#,
        .stage: #"{"record_types": {"r": {"fields": {}, "stage_diagram": {"controlling_field": "s", "stages": {"a": OBJ, "b": {}}}}}}"#,
        .state: #"{"record_types": {"r": {"fields": {}, "stage_diagram": {"controlling_field": "s", "stages": {}, "states": {"x": OBJ}}}}}"#,
        .linkNaming: #"{"record_types": {"r": {"fields": {}, "link_naming_data": OBJ}}}"#,
        .linkDirection: #"{"record_types": {"r": {"fields": {}, "link_naming_data": {"link_type_field": "l", "link_direction_names": {"x": OBJ}}}}}"#,
    ]

    static func sample(_ value: MetadataShape.Value) -> String {
        switch value {
        case .shape, .map: return "{}"
        case .array, .uniqueStrings: return "[]"
        case .nullable: return "null"
        case .string, .nonEmptyString, .any: return "\"x\""
        case .target: return "\"#record:r\""
        case .boolean: return "true"
        case .integer, .nonNegativeInteger, .number: return "1"
        case .oneOf(let values): return "\"\(values.first ?? "")\""
        }
    }

    static func unknownKeys(_ shape: MetadataShape, extra: String?) -> [String] {
        var members = shape.keys.map { "\"\($0.name)\": \(sample($0.value))" }
        if let extra { members.append("\"\(extra)\": 1") }
        let text = (placements[shape] ?? "").replacingOccurrences(of: "OBJ", with: "{" + members.joined(separator: ", ") + "}")
        return TestSupport.validate(text).filter { $0.rule == "unknown-key" }.map(\.pointer)
    }

    @Test(arguments: Array(placements.keys).sorted { $0.rawValue < $1.rawValue })
    func theReaderAcceptsExactlyTheShapesKeys(shape: MetadataShape) {
        #expect(Self.unknownKeys(shape, extra: nil) == [], "every key of \(shape) is known to the reader")
        let unknown = Self.unknownKeys(shape, extra: "zz_not_a_key")
        #expect(unknown.count == 1 && unknown.first?.hasSuffix("/zz_not_a_key") == true, "\(shape): \(unknown)")
    }

    @Test func everyShapeIsPlaced() {
        let named: Set<MetadataShape> = [.root, .category, .structType, .recordType, .field, .stageDiagram, .condition]
        #expect(Set(Self.placements.keys).union(named) == Set(MetadataShape.allCases))
    }

    @Test func committedEditorSchemaIsTheGeneratedOne() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("schemas/external_domain_metadata.schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == EditorSchema.generate(),
                "regenerate: metadata-lint schema > schemas/external_domain_metadata.schema.json")
    }
}
