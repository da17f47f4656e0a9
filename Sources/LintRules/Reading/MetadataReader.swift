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

    package static let rootKeys: Set<String> = ["record_types", "record_type_categories", "struct_types", "schema_version"]
    package static let allowedSchemaVersions = ["v0.2.0"]

    func readRoot(_ root: JSONNode) -> Metadata {
        var metadata = Metadata(root: root)
        guard root.members != nil else {
            report(InvalidValueType.rootNotObject(actual: root.kindName), root.ref)
            return metadata
        }
        checkKeys(root, known: Self.rootKeys, what: .root)
        if let version = string(root, "schema_version", what: .root) {
            if Self.allowedSchemaVersions.contains(version.value) {
                metadata.schemaVersion = version
            } else {
                report(ValueNotAllowed.schemaVersion(version.value), version.ref)
            }
        }
        if let categories = mapMembers(root, "record_type_categories", what: .root) {
            metadata.categories = categories.compactMap(readCategory)
        }
        if let structs = mapMembers(root, "struct_types", what: .root) {
            metadata.structTypes = structs.compactMap(readStructType)
        }
        if let types = mapMembers(root, "record_types", what: .root) {
            metadata.isReadable = true
            metadata.recordTypes = types.compactMap(readRecordType)
        } else if root["record_types"] == nil {
            report(MissingRequiredKey.recordTypes, root.ref)
        }
        return metadata
    }

    package static let categoryKeys: Set<String> = ["name", "are_record_type_conversions_possible"]

    func readCategory(_ member: JSONMember) -> Category? {
        let what = Subject.category(member.key)
        guard expectObject(member.value, what: what) else { return nil }
        checkKeys(member.value, known: Self.categoryKeys, what: what)
        var category = Category(key: member.key, keyRef: member.keyRef)
        category.name = string(member.value, "name", what: what)?.value
        category.areConversionsPossible = bool(member.value, "are_record_type_conversions_possible", what: what)?.value
            ?? bool(member.value, "are_transitions_possible", what: what)?.value
        return category
    }

    package static let structTypeKeys: Set<String> = ["name", "fields"]

    func readStructType(_ member: JSONMember) -> StructType? {
        let what = Subject.structType(member.key)
        guard expectObject(member.value, what: what) else { return nil }
        checkKeys(member.value, known: Self.structTypeKeys, what: what)
        var structType = StructType(key: member.key, keyRef: member.keyRef)
        structType.name = string(member.value, "name", what: what)?.value
        if let fields = mapMembers(member.value, "fields", what: what) {
            structType.fields = fields.compactMap { readField($0, owner: what) }
        } else if member.value["fields"] == nil {
            report(MissingRequiredKey.structTypeFields(what), member.keyRef)
        }
        return structType
    }

    package static let recordTypeKeys: Set<String> = [
        "fields", "name", "description", "category", "is_loadable", "is_snapshot", "conditions",
        "stage_diagram", "link_naming_data", "no_identifier", "scope", "attachments",
    ]
    package static let scopes = ["metadata_is_system_scoped", "data_is_system_scoped"]

    func readRecordType(_ member: JSONMember) -> RecordType? {
        let what = Subject.recordType(member.key)
        let node = member.value
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.recordTypeKeys, what: what)
        var recordType = RecordType(key: member.key, keyRef: member.keyRef, ref: node.ref)
        recordType.name = string(node, "name", what: what)?.value
        _ = string(node, "description", what: what)
        recordType.category = string(node, "category", what: what)
        recordType.isLoadable = bool(node, "is_loadable", what: what)?.value
        recordType.isSnapshot = bool(node, "is_snapshot", what: what)?.value
        recordType.noIdentifier = bool(node, "no_identifier", what: what)?.value ?? false
        if let scope = string(node, "scope", what: what), !Self.scopes.contains(scope.value) {
            report(ValueNotAllowed.scope(scope.value, allowed: Self.scopes), scope.ref)
        }
        if let attachments = node["attachments"], expectObject(attachments, what: .attachments(of: what)) {
            checkKeys(attachments, known: ["is_extractable", "is_loadable"], what: .attachments(of: what))
            _ = bool(attachments, "is_extractable", what: .attachments(of: what))
            _ = bool(attachments, "is_loadable", what: .attachments(of: what))
        }
        if let fields = mapMembers(node, "fields", what: what) {
            recordType.fields = fields.compactMap { readField($0, owner: what) }
        } else if node["fields"] == nil {
            report(RecordTypeWithoutFields(recordType: what), member.keyRef)
        }
        if let diagram = node["stage_diagram"] {
            recordType.stageDiagram = readStageDiagram(diagram, what: .stageDiagram(of: what))
        }
        if let conditions = mapMembers(node, "conditions", what: what) {
            recordType.conditions = conditions.compactMap { readConditionGroup($0, what: what) }
        }
        if let link = node["link_naming_data"] {
            recordType.linkNaming = readLinkNaming(link, what: .linkNaming(of: what))
        }
        return recordType
    }
}
