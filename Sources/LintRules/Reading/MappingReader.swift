import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reads a parsed initial_domain_mapping.json into the typed model, whichever shape it has,
/// reporting every structural problem as it goes. The method objects are validated by switching
/// on their name: the schema's `oneOf` cannot be applied as written (see MAPPING.md).
public final class MappingReader {
    var sink: DiagnosticSink
    var legacyUses: [MappingLegacyUse] = []

    public init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// The entry point (and the one to fuzz): never traps, whatever `root` holds.
    public static func read(_ root: JSONNode, sink: inout DiagnosticSink) -> Mapping {
        let reader = MappingReader(sink: sink)
        var mapping = reader.readRoot(root)
        mapping.legacyUses = reader.legacyUses
        sink = reader.sink
        return mapping
    }

    static let rootKeys = ["additional_mappings", "starting_recipe_blueprint", "format_version", "devrev_metadata_version"]
    /// The 0.6.0 schema's install-request keys, once at the top level.
    static let installRequestKeys = [
        "record_type_mappings", "record_type_category_mappings", "external_system_type", "external_system_id",
        "import_slug", "snap_in_slug",
    ]
    static let additionalKeys = ["record_type_mappings", "record_type_category_mappings", "format_version", "devrev_metadata_version"]

    /// Top-level keys that mark a file as a mapping file.
    public static let shapeKeys: Set<String> = ["additional_mappings", "starting_recipe_blueprint", "initial_object_mappings"]

    func readRoot(_ root: JSONNode) -> Mapping {
        var mapping = Mapping(root: root)
        guard let members = object(root, what: .root) else { return mapping }
        if let legacyShape = root.member("initial_object_mappings") {
            mapping.shape = .objectMappings
            report(MappingUnsupportedShape(key: legacyShape.key), legacyShape.keyRef)
            return mapping
        }
        for member in members where !Self.rootKeys.contains(member.key) && !member.key.hasPrefix("_dev_") {
            if Self.installRequestKeys.contains(member.key) {
                legacy(.topLevelInstallKeys, at: member.keyRef)
            } else {
                report(MappingUnknownKey(key: member.key, in: .root, known: Self.rootKeys, context: .topLevel), member.keyRef)
            }
        }
        readVersions(root, atTopLevel: true, into: &mapping)
        if let additional = root.member("additional_mappings") {
            mapping.shape = .current
            if object(additional.value, what: .additionalMappings) != nil {
                checkKeys(additional.value, known: Self.additionalKeys, what: .additionalMappings)
                readVersions(additional.value, atTopLevel: false, into: &mapping)
                readMaps(additional.value, origin: .additionalMappings, into: &mapping)
            }
        }
        if mapping.shape != .current {
            readMaps(root, origin: .topLevel, into: &mapping)
        }
        if let blueprint = root.member("starting_recipe_blueprint") {
            if mapping.shape != .current {
                mapping.shape = .blueprint
                legacy(.blueprint, at: blueprint.keyRef)
            }
            readBlueprint(blueprint.value, into: &mapping)
        }
        if mapping.shape == .unknown && mapping.entries.isEmpty {
            report(MappingMissingKey.noMappings, root.ref)
        }
        return mapping
    }

    func readVersions(_ object: JSONNode, atTopLevel: Bool, into mapping: inout Mapping) {
        for key in ["format_version", "devrev_metadata_version"] {
            guard let member = object.member(key) else { continue }
            let what: MappingSubject = atTopLevel ? .root : .additionalMappings
            if key == "format_version", member.value.string == nil {
                wrongType(member.value, key, what, .string)
                continue
            }
            if key == "devrev_metadata_version", member.value.number?.isInteger != true {
                wrongType(member.value, key, what, .integer)
                continue
            }
            mapping.versionKeys.append(MappingVersionKey(key: key, keyRef: member.keyRef, value: member.value, atTopLevel: atTopLevel))
        }
    }

    /// `record_type_mappings` and `record_type_category_mappings` of `object`.
    func readMaps(_ object: JSONNode, origin: MappingEntry.Origin, into mapping: inout Mapping) {
        let owner: MappingSubject = origin == .topLevel ? .root : .additionalMappings
        if let member = object.member("record_type_mappings") {
            mapping.recordTypeMappingsRef = member.keyRef
            for entry in map(object, "record_type_mappings", what: owner) ?? [] {
                if let read = readEntry(entry, scope: .recordType, origin: origin) { mapping.entries.append(read) }
            }
        }
        for entry in map(object, "record_type_category_mappings", what: owner) ?? [] {
            if let read = readEntry(entry, scope: .category, origin: origin) { mapping.entries.append(read) }
        }
    }

    static let entryKeys = ["default_mapping", "possible_record_type_mappings", "mapping_as_custom_object"]

    func readEntry(_ member: JSONMember, scope: MappingEntry.Scope, origin: MappingEntry.Origin) -> MappingEntry? {
        let what: MappingSubject = scope == .recordType ? .recordType(member.key) : .category(member.key)
        let node = member.value
        guard object(node, what: what) != nil else { return nil }
        checkKeys(node, known: Self.entryKeys, legacy: ["is_loadable"], what: what)
        if let loadable = node.member("is_loadable") { legacy(.isLoadableInEntry, at: loadable.keyRef) }
        var entry = MappingEntry(key: member.key, keyRef: member.keyRef, ref: node.ref, scope: scope, origin: origin)
        require(node, ["default_mapping"], what: what, at: member.keyRef)
        if let defaultNode = node["default_mapping"] {
            entry.defaultMapping = readLeafType(defaultNode, what: .defaultMapping(of: what))
        }
        for (index, element) in (array(node, "possible_record_type_mappings", what: what) ?? []).enumerated() {
            if let option = readPossible(element, index: index, owner: what) { entry.options.append(option) }
        }
        if let custom = node["mapping_as_custom_object"] {
            let customWhat = MappingSubject.customObject(of: what)
            if object(custom, what: customWhat) != nil {
                checkKeys(custom, known: ["forward", "reverse", "shard"], what: customWhat)
                var option = MappingOption(kind: .customObject, index: 0, ref: custom.ref)
                readDirections(custom, into: &option, what: customWhat)
                if let shard = custom["shard"] {
                    option.shard = readShard(shard, what: .shard(of: customWhat), open: true)
                }
                entry.options.append(option)
            }
        }
        return entry
    }

    func readPossible(_ node: JSONNode, index: Int, owner: MappingSubject) -> MappingOption? {
        let name = node["devrev_leaf_type"]?.string
        let what = MappingSubject.possible(index, leafType: name, of: owner)
        guard object(node, what: what) != nil else { return nil }
        checkKeys(node, known: ["devrev_leaf_type", "forward", "reverse", "shard"], what: what)
        var option = MappingOption(kind: .stock, index: index, ref: node.ref)
        require(node, ["devrev_leaf_type"], what: what)
        option.leafTypeName = string(node, "devrev_leaf_type", what: what)
        readDirections(node, into: &option, what: what)
        if let shard = node["shard"] {
            option.shard = readShard(shard, what: .shard(of: what), open: false)
        }
        return option
    }

    func readDirections(_ node: JSONNode, into option: inout MappingOption, what: MappingSubject) {
        require(node, ["forward", "reverse"], what: what)
        option.forward = bool(node, "forward", what: what)
        option.reverse = bool(node, "reverse", what: what)
    }

    static let shardKeys = ["mode", "devrev_leaf_type", "stock_field_mappings", "constructed_custom_fields"]
    static let shardModes = ["create_shard"]

    /// `open`: a custom-object shard, whose contents beyond the leaf type and field mappings the
    /// schema leaves undescribed, so unknown keys are allowed there.
    func readShard(_ node: JSONNode, what: MappingSubject, open: Bool) -> MappingShard? {
        guard object(node, what: what) != nil else { return nil }
        if !open { checkKeys(node, known: Self.shardKeys, legacy: ["shard", "set_existing_shard"], what: what) }
        var shard = MappingShard(ref: node.ref)
        if let legacyKey = node.member("shard"), node["mode"] == nil {
            legacy(.shardKey, at: legacyKey.keyRef)
            shard.mode = allowed(string(node, "shard", what: what), key: "shard", Self.shardModes, what: what)
        } else {
            require(node, ["mode"], what: what)
            let mode = string(node, "mode", what: what)
            if mode?.value == "set_existing_shard", let mode {
                legacy(.setExistingShard, at: mode.ref)
            } else {
                shard.mode = allowed(mode, key: "mode", Self.shardModes, what: what)
            }
        }
        require(node, ["devrev_leaf_type"], what: what)
        if let leafType = node["devrev_leaf_type"] {
            shard.leafType = readLeafType(leafType, what: .leafType(of: what.withoutShard))
        }
        for member in map(node, "stock_field_mappings", what: what) ?? [] {
            if let field = readFieldMapping(member.value, name: member.key, keyRef: member.keyRef,
                                            what: .field(member.key, of: what)) {
                shard.fields.append(field)
            }
        }
        for member in map(node, "constructed_custom_fields", what: what) ?? [] {
            if let field = readConstructedField(member, owner: what) { shard.constructedFields.append(field) }
        }
        return shard
    }

    static let leafTypeKeys = ["object_type", "object_category"]

    func readLeafType(_ node: JSONNode, what: MappingSubject) -> LeafTypeRef? {
        guard object(node, what: what) != nil else { return nil }
        checkKeys(node, known: Self.leafTypeKeys, what: what)
        var leafType = LeafTypeRef(ref: node.ref)
        require(node, ["object_type"], what: what)
        leafType.objectType = string(node, "object_type", what: what)
        if let category = allowed(string(node, "object_category", what: what), key: "object_category",
                                  LeafTypeRef.Category.allCases.map(\.rawValue), what: what),
           let parsed = LeafTypeRef.Category(rawValue: category.value) {
            leafType.category = Located(parsed, at: category.ref)
        } else if node["object_category"] == nil {
            legacy(.leafTypeWithoutCategory, at: node.ref)
        }
        return leafType
    }

    /// The legacy `starting_recipe_blueprint`: one fixed mapping per record type.
    func readBlueprint(_ node: JSONNode, into mapping: inout Mapping) {
        guard object(node, what: .blueprint) != nil else { return }
        guard let types = node.member("external_record_types") else { return }
        if mapping.recordTypeMappingsRef == nil { mapping.recordTypeMappingsRef = types.keyRef }
        for member in map(node, "external_record_types", what: .blueprint) ?? [] {
            let what = MappingSubject.recordType(member.key)
            guard object(member.value, what: what) != nil else { continue }
            checkKeys(member.value, known: ["forward", "reverse", "shard"], what: what)
            var entry = MappingEntry(key: member.key, keyRef: member.keyRef, ref: member.value.ref, scope: .recordType,
                                     origin: .blueprint)
            var option = MappingOption(kind: .blueprint, index: 0, ref: member.value.ref)
            let optionWhat = MappingSubject.fixedMapping(of: what)
            readDirections(member.value, into: &option, what: optionWhat)
            if let shard = member.value["shard"] {
                option.shard = readShard(shard, what: .shard(of: optionWhat), open: false)
            }
            entry.options.append(option)
            mapping.entries.append(entry)
        }
    }
}
