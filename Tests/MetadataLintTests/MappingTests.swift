import Foundation
import Testing
@testable import MetadataLint
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource

/// The mapping model for every shape of the file, the jq plumbing, and how validate finds the
/// metadata a mapping is checked against.
@Suite struct MappingTests {
    static let metadata = #"{"record_types": {"users": {"fields": {"name": {"type": "text", "is_required": true}}}}}"#

    static func read(_ text: String) -> (Mapping, [Diagnostic]) {
        let source = SourceFile(path: "initial_domain_mapping.json", bytes: Array(text.utf8))
        var sink = DiagnosticSink(source: source)
        guard let root = try? JSONDocument.parse(source.bytes) else { return (Mapping(root: JSONNode(value: .null, offset: 0, pointer: "")), []) }
        let mapping = MappingReader.read(root, sink: &sink)
        return (mapping, sink.diagnostics)
    }

    static func validate(_ text: String, metadata: String? = metadata, table: DevRevObjectTable? = .shipped,
                         customRules: [CustomRule] = []) -> [Diagnostic] {
        let source = SourceFile(path: "initial_domain_mapping.json", bytes: Array(text.utf8))
        var companion: MappingValidator.Companion? = nil
        if let metadata {
            let metadataSource = SourceFile(path: "external_domain_metadata.json", bytes: Array(metadata.utf8))
            if let model = MetadataValidator().validate(metadataSource).metadata {
                companion = MappingValidator.Companion(metadata: model, source: metadataSource)
            }
        }
        var validator = MappingValidator(customRules: customRules, table: table)
        validator.constantTimeout = 0.5
        return validator.validate(source, companion: companion, skipped: companion == nil ? .standardInput : nil).diagnostics
    }

    static let currentShape = #"""
    {
      "additional_mappings": {
        "record_type_mappings": {
          "users": {
            "default_mapping": { "object_category": "stock", "object_type": "devu" },
            "possible_record_type_mappings": [
              { "devrev_leaf_type": "devu", "forward": true, "reverse": false,
                "shard": { "mode": "create_shard", "devrev_leaf_type": { "object_category": "stock", "object_type": "devu" },
                  "stock_field_mappings": {
                    "display_name": { "forward": true, "reverse": false, "primary_external_field": "name",
                      "transformation_method_for_set": { "transformation_method": "use_directly" } } } } }
            ],
            "mapping_as_custom_object": { "forward": true, "reverse": false }
          }
        },
        "record_type_category_mappings": {
          "people": { "default_mapping": { "object_category": "stock", "object_type": "revu" },
                      "possible_record_type_mappings": [ { "devrev_leaf_type": "revu", "forward": true, "reverse": false } ] }
        },
        "format_version": "v0.2.0",
        "devrev_metadata_version": 13
      }
    }
    """#

    @Test func currentShapeReadsEntriesOptionsAndFields() throws {
        let (mapping, diagnostics) = Self.read(Self.currentShape)
        #expect(diagnostics.isEmpty)
        #expect(mapping.shape == .current)
        #expect(mapping.entries.map(\.key) == ["users", "people"])
        #expect(mapping.categoryEntries.map(\.key) == ["people"])
        let users = try #require(mapping.entries.first)
        #expect(users.origin == .additionalMappings)
        #expect(users.defaultMapping?.objectType?.value == "devu")
        #expect(users.options.map(\.kind) == [.stock, .customObject])
        let field = try #require(users.options.first?.shard?.field("display_name"))
        #expect(field.primaryField?.value == "name")
        #expect(field.methodKind == .useDirectly)
        #expect(mapping.versionKeys.map(\.key) == ["format_version", "devrev_metadata_version"])
        #expect(mapping.versionKeys.allSatisfy { !$0.atTopLevel })
        #expect(mapping.legacyUses.isEmpty)
    }

    @Test func blueprintShapeIsOneFixedMappingPerRecordTypeWithItsLegacyNames() throws {
        let (mapping, diagnostics) = Self.read(#"""
        {
          "starting_recipe_blueprint": {
            "external_record_types": {
              "users": { "forward": true, "reverse": false,
                "shard": { "shard": "create_shard", "devrev_leaf_type": { "object_type": "devu" },
                  "stock_field_mappings": {
                    "display_name": { "forward": true, "reverse": false, "primary_external_field": "name",
                      "transformation_method": { "transformation_method": "use_directly" } } } } }
            }
          },
          "_dev_snap_in_slug": "x"
        }
        """#)
        #expect(diagnostics.isEmpty)
        #expect(mapping.shape == .blueprint)
        let option = try #require(mapping.entries.first?.options.first)
        #expect(option.kind == .blueprint)
        #expect(option.shard?.mode?.value == "create_shard")
        #expect(option.shard?.field("display_name")?.methodKind == .useDirectly)
        #expect(Set(mapping.legacyUses.map(\.kind)) == [.blueprint, .shardKey, .fieldLevelMethod, .leafTypeWithoutCategory])
    }

    @Test func installRequestShapeAtTheTopLevelIsReadAndNamedLegacy() throws {
        let (mapping, diagnostics) = Self.read(#"""
        { "external_system_type": "ADaaS",
          "record_type_mappings": { "users": { "default_mapping": { "object_category": "stock", "object_type": "devu" } } } }
        """#)
        #expect(diagnostics.isEmpty)
        #expect(mapping.entries.first?.origin == .topLevel)
        #expect(Set(mapping.legacyUses.map(\.kind)) == [.topLevelInstallKeys])
    }

    @Test func objectMappingsShapeIsUnsupported() {
        let diagnostics = Self.validate(#"{ "initial_object_mappings": [ { "external_type": "users" } ] }"#)
        #expect(diagnostics.map(\.rule) == ["mapping-unsupported-shape"])
        #expect(diagnostics.first.map { "\($0.line):\($0.column)" } == "1:3")
    }

    @Test func aFileWithNoMappingShapeSaysWhatAMappingHolds() {
        let diagnostics = Self.validate(#"{ "mappings": {} }"#)
        #expect(diagnostics.map(\.rule).sorted() == ["mapping-missing-key", "mapping-unknown-key", "mapping-unmapped-record-type"])
    }

    @Test func everyCurrentShapeFeatureValidatesCleanAgainstItsMetadata() {
        let metadata = #"{"record_types": {"users": {"category": "people", "fields": {"name": {"type": "text", "is_required": true}}}}, "record_type_categories": {"people": {}}}"#
        let diagnostics = Self.validate(Self.currentShape, metadata: metadata)
        #expect(diagnostics.isEmpty, "\(TestSupport.summary(diagnostics))")
    }

    @Test func withoutMetadataTheCrossChecksAreSkippedWithANote() {
        let diagnostics = Self.validate(Self.currentShape, metadata: nil)
        #expect(diagnostics.map(\.rule) == ["mapping-checks-skipped"])
        #expect(diagnostics.first?.severity == .note)
    }

    @Test func theTableSwitchTurnsOffEveryDevRevCheck() {
        let text = Self.currentShape.replacingOccurrences(of: "\"devu\"", with: "\"dev_user\"")
        #expect(Self.validate(text).contains { $0.rule == "devrev-unknown-leaf-type" })
        #expect(!Self.validate(text, table: nil).contains { $0.rule.hasPrefix("devrev-") })
    }

    @Test func authorizationPoliciesAreOneWay() {
        let text = #"""
        { "additional_mappings": { "record_type_mappings": { "roles": {
            "default_mapping": { "object_category": "stock", "object_type": "unified_authorization_policy" },
            "possible_record_type_mappings": [ { "devrev_leaf_type": "unified_authorization_policy", "forward": true, "reverse": true } ] } } } }
        """#
        let metadata = #"{"record_types": {"roles": {"is_snapshot": true, "is_loadable": true, "fields": {"name": {"type": "text"}}}}}"#
        let found = Self.validate(text, metadata: metadata, table: nil).filter { $0.rule == "mapping-authorization-policy" }
        #expect(found.map { "\($0.line):\($0.column)" } == ["3:122"])
        #expect(found.first?.message.contains("one way only") == true)
    }

    @Test(.disabled(if: HardeningTests.underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func aConstantProgramThatNeverEndsIsGivenUp() {
        let text = Self.currentShape.replacingOccurrences(
            of: #"{ "transformation_method": "use_directly" }"#,
            with: #"{ "transformation_method": "use_raw_jq", "forward_jq": "def f: f; f", "use_primary_input": false }"#)
        let found = Self.validate(text).filter { $0.rule == "mapping-jq-output" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("did not finish") == true)
    }

    @Test func constantProgramOutputsAreBoundedAndCounted() {
        let text = Self.currentShape.replacingOccurrences(
            of: #"{ "transformation_method": "use_directly" }"#,
            with: #"{ "transformation_method": "use_raw_jq", "forward_jq": "repeat(\"a\")", "use_primary_input": false }"#)
        let found = Self.validate(text).filter { $0.rule == "mapping-jq-output" }
        #expect(found.first?.message.contains("3 or more values") == true)
    }

    @Test func customRulesOnMappingRunOnTheMappingFile() {
        let rule = CustomRule(id: "no-raw-jq", severity: .warning, message: "no use_raw_jq here", target: .mapping, itemTypes: nil,
                              filter: #"paths(objects | select(.transformation_method? == "use_directly"))"#, line: 1, column: 1)
        let found = Self.validate(Self.currentShape, customRules: [rule]).filter { $0.rule == "no-raw-jq" }
        #expect(found.map(\.line) == [11])
    }

    @Test func jqErrorLinesMapIntoTheString() {
        let bytes = Array(#"{"p": "a\n| b\u000Ac"}"#.utf8)
        #expect(JSONStringPosition.offset(ofLine: 1, stringAt: 6, in: bytes) == 7)
        #expect(JSONStringPosition.offset(ofLine: 2, stringAt: 6, in: bytes) == 10)
        #expect(JSONStringPosition.offset(ofLine: 3, stringAt: 6, in: bytes) == 19)
        #expect(JSONStringPosition.offset(ofLine: 9, stringAt: 6, in: bytes) == 7)
        let failure = JQCompileFailure("jq: error: syntax error, unexpected '|' (Unix shell quoting issues?) at <top-level>, line 2:\n| |\njq: 1 compile error")
        #expect(failure.reason == "syntax error, unexpected '|'")
        #expect(failure.line == 2)
    }
}

/// data/devrev-object-types.json and its compiled-in Swift form agree (`make devrev-table`
/// regenerates the Swift).
@Suite struct DevRevTableTests {
    @Test func compiledTableMatchesTheDataFile() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("data/devrev-object-types.json")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let table = DevRevObjectTable.shipped
        let source = try #require(data["source"] as? [String: Any])
        #expect(source["date"] as? String == table.date)
        #expect(source["commit"] as? String == table.commit)
        let leafTypes = try #require(data["leaf_types"] as? [String: [String: Any]])
        #expect(Set(leafTypes.keys) == Set(table.leafTypes.map(\.name)))
        var fieldCount = 0
        for leaf in table.leafTypes {
            let entry = try #require(leafTypes[leaf.name])
            #expect(entry["hierarchy"] as? [String] == leaf.hierarchy)
            #expect(entry["can_extract"] as? Bool == leaf.canExtract)
            let fields = try #require(entry["fields"] as? [String: [String: Any]])
            #expect(Set(fields.keys) == Set(leaf.fields.map(\.name)), "\(leaf.name)")
            for field in leaf.fields {
                let described = try #require(fields[field.name])
                #expect(described["type"] as? String == field.type.rawValue)
                #expect((described["required"] as? Bool ?? false) == field.isRequired)
                #expect((described["collection"] as? Bool ?? false) == field.isCollection)
                #expect((described["targets"] as? [String] ?? []) == field.targets)
                #expect(described["values"] as? [String] == field.values)
            }
            fieldCount += leaf.fields.count
        }
        #expect(table.leafTypes.count == 33 && fieldCount == 421, "the 2025-10-09 page lists 33 leaf types and 421 fields")
    }

    @Test func suggestionsNameTheLeafTypeForResourceNamesAndRenames() {
        let table = DevRevObjectTable.shipped
        #expect(table.suggestion(for: "dev_user") == "devu")
        #expect(table.suggestion(for: "rev_user") == "revu")
        #expect(table.suggestion(for: "airdrop_authorization_policy") == "unified_authorization_policy")
        #expect(table.suggestion(for: "tickte") == "ticket")
        #expect(table.target("#category:user", accepts: "sysu", isCustom: false))
        #expect(table.target("#category:work", accepts: "ticket", isCustom: false))
        #expect(!table.target("#category:part", accepts: "ticket", isCustom: false))
        #expect(table.target("#category:custom_object", accepts: "anything", isCustom: true))
    }
}

/// `devrev-object-table: off` and `on: mapping` in .metadata-lint.yml.
@Suite struct MappingConfigTests {
    @Test func theTableSwitchIsOnOrOff() throws {
        #expect(try ConfigLoader.parse("devrev-object-table: off\n", path: "c.yml").devrevObjectTable == false)
        #expect(try ConfigLoader.parse("devrev-object-table: on\n", path: "c.yml").devrevObjectTable == true)
        #expect(try ConfigLoader.parse("rules: {}\n", path: "c.yml").devrevObjectTable == true)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("devrev-object-table: maybe\n", path: "c.yml") }
    }

    @Test func customRulesCanTargetMappingFiles() throws {
        let config = try ConfigLoader.parse("custom-rules:\n  - id: x\n    on: mapping\n    message: m\n    filter: path(.a)\n", path: "c.yml")
        #expect(config.customRules.first?.target == .mapping)
    }
}
