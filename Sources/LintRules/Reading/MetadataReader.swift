import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reads a parsed metadata document into the typed model, reporting every structural problem
/// (wrong JSON types, missing and unknown keys, legacy keys) as it goes. What is malformed is left
/// out of the model so the cross-reference rules can still run over the rest.
public final class MetadataReader {
    var sink: DiagnosticSink

    public init(sink: DiagnosticSink) {
        self.sink = sink
    }

    public static func read(_ root: JSONNode, sink: inout DiagnosticSink) -> Metadata {
        let reader = MetadataReader(sink: sink)
        let metadata = reader.readRoot(root)
        sink = reader.sink
        return metadata
    }

    static let rootKeys: Set<String> = ["record_types", "record_type_categories", "struct_types", "schema_version"]
    static let allowedSchemaVersions = ["v0.2.0"]

    func readRoot(_ root: JSONNode) -> Metadata {
        var metadata = Metadata(root: root)
        guard root.members != nil else {
            report(Rules.invalidValueType, root.ref,
                   "the metadata must be a JSON object with a \"record_types\" key, not \(root.kindName)")
            return metadata
        }
        checkKeys(root, known: Self.rootKeys, what: "the metadata root")
        if let version = string(root, "schema_version", what: "the metadata root") {
            if Self.allowedSchemaVersions.contains(version.value) {
                metadata.schemaVersion = version
            } else {
                report(Rules.valueNotAllowed, version.ref,
                       "schema_version \"\(version.value)\" is not a known version: use \"v0.2.0\"")
            }
        }
        if let categories = mapMembers(root, "record_type_categories", what: "the metadata root") {
            metadata.categories = categories.compactMap(readCategory)
        }
        if let structs = mapMembers(root, "struct_types", what: "the metadata root") {
            metadata.structTypes = structs.compactMap(readStructType)
        }
        if let types = mapMembers(root, "record_types", what: "the metadata root") {
            metadata.recordTypes = types.compactMap(readRecordType)
        } else if root["record_types"] == nil {
            report(Rules.missingRequiredKey, root.ref,
                   "the metadata has no \"record_types\": add \"record_types\": { \"<item_type>\": { \"fields\": {} } }")
        }
        return metadata
    }

    static let categoryKeys: Set<String> = ["name", "are_record_type_conversions_possible"]

    func readCategory(_ member: JSONMember) -> Category? {
        let what = "category \"\(member.key)\""
        guard expectObject(member.value, what: what) else { return nil }
        checkKeys(member.value, known: Self.categoryKeys, what: what,
                  renamed: ["are_transitions_possible": "are_record_type_conversions_possible"])
        var category = Category(key: member.key, keyRef: member.keyRef)
        category.name = string(member.value, "name", what: what)?.value
        category.areConversionsPossible = bool(member.value, "are_record_type_conversions_possible", what: what)?.value
            ?? bool(member.value, "are_transitions_possible", what: what)?.value
        return category
    }

    static let structTypeKeys: Set<String> = ["name", "fields"]

    func readStructType(_ member: JSONMember) -> StructType? {
        let what = "struct type \"\(member.key)\""
        guard expectObject(member.value, what: what) else { return nil }
        checkKeys(member.value, known: Self.structTypeKeys, what: what)
        var structType = StructType(key: member.key, keyRef: member.keyRef)
        structType.name = string(member.value, "name", what: what)?.value
        if let fields = mapMembers(member.value, "fields", what: what) {
            structType.fields = fields.compactMap { readField($0, owner: what) }
        } else if member.value["fields"] == nil {
            report(Rules.missingRequiredKey, member.keyRef, "\(what) has no \"fields\": add \"fields\": {}")
        }
        return structType
    }

    static let recordTypeKeys: Set<String> = [
        "fields", "name", "description", "category", "is_loadable", "is_snapshot", "conditions",
        "stage_diagram", "link_naming_data", "no_identifier", "scope", "attachments",
    ]
    static let recordTypeLegacy = [
        "extraction": "record types no longer carry \"extraction\" settings since v0.2.0: remove it",
        "loading": "\"loading\" was replaced by \"is_loadable\": true in v0.2.0",
    ]
    static let scopes = ["metadata_is_system_scoped", "data_is_system_scoped"]

    func readRecordType(_ member: JSONMember) -> RecordType? {
        let what = "record type \"\(member.key)\""
        let node = member.value
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.recordTypeKeys, what: what, legacy: Self.recordTypeLegacy)
        var recordType = RecordType(key: member.key, keyRef: member.keyRef, ref: node.ref)
        recordType.name = string(node, "name", what: what)?.value
        _ = string(node, "description", what: what)
        recordType.category = string(node, "category", what: what)
        recordType.isLoadable = bool(node, "is_loadable", what: what)?.value
        _ = bool(node, "is_snapshot", what: what)
        _ = bool(node, "no_identifier", what: what)
        if let scope = string(node, "scope", what: what), !Self.scopes.contains(scope.value) {
            report(Rules.valueNotAllowed, scope.ref,
                   "scope \"\(scope.value)\" is not allowed: use \(Self.scopes.map { "\"\($0)\"" }.joined(separator: " or "))")
        }
        if let attachments = node["attachments"], expectObject(attachments, what: "\(what) attachments") {
            checkKeys(attachments, known: ["is_extractable", "is_loadable"], what: "\(what) attachments")
            _ = bool(attachments, "is_extractable", what: "\(what) attachments")
            _ = bool(attachments, "is_loadable", what: "\(what) attachments")
        }
        if let fields = mapMembers(node, "fields", what: what) {
            recordType.fields = fields.compactMap { readField($0, owner: what) }
        } else if node["fields"] == nil {
            report(Rules.recordTypeWithoutFields, member.keyRef,
                   "\(what) has no \"fields\": add \"fields\": {} (the schema requires it, even when empty)")
        }
        if let diagram = node["stage_diagram"] {
            recordType.stageDiagram = readStageDiagram(diagram, what: "the stage diagram of \(what)")
        }
        if let conditions = mapMembers(node, "conditions", what: what) {
            recordType.conditions = conditions.compactMap { readConditionGroup($0, what: what) }
        }
        if let link = node["link_naming_data"] {
            recordType.linkNaming = readLinkNaming(link, what: "link_naming_data of \(what)")
        }
        return recordType
    }
}
