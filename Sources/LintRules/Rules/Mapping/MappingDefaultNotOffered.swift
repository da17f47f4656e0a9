import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingDefaultNotOffered = RuleInfo(
        id: "mapping-default-not-offered", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A default_mapping names a leaf type that none of the record type's mappings offers.",
            why: """
            default_mapping picks which of the offered mappings is preselected for the end user. \
            If it names a leaf type that no possible_record_type_mappings entry maps to (or a \
            custom object without a mapping_as_custom_object), there is nothing to preselect and \
            the import starts without a usable default. (Inferred from the format; DevRev does not \
            document it.)
            """,
            example: """
            "todos": {
              "default_mapping": { "object_type": "ticket", "object_category": "stock" },
              "possible_record_type_mappings": [ { "devrev_leaf_type": "issue", "forward": true, "reverse": false } ]
            }
            """,
            fix: """
            Make default_mapping name one of the offered leaf types, or offer the one it names.
            """))
}

struct MappingDefaultNotOfferedCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingDefaultNotOffered] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            guard let defaultMapping = entry.defaultMapping, let objectType = defaultMapping.objectType else { continue }
            let subject = MappingWalk.entrySubject(entry)
            if defaultMapping.isCustom {
                if !entry.options.contains(where: { $0.kind == .customObject }) {
                    sink.report(MappingDefaultNotOffered(entry: subject, leafType: objectType.value, offered: [], custom: true),
                                at: defaultMapping.ref)
                }
                continue
            }
            let offered = entry.options.filter { $0.kind == .stock }.compactMap { $0.leafTypeName?.value ?? $0.leafType }
            if !offered.contains(objectType.value) {
                sink.report(MappingDefaultNotOffered(entry: subject, leafType: objectType.value, offered: offered, custom: false),
                            at: objectType.ref)
            }
        }
    }
}

public struct MappingDefaultNotOffered: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingDefaultNotOffered }
    public let entry: MappingSubject
    public let leafType: String
    public let offered: [String]
    public let custom: Bool

    public var message: String {
        if custom {
            return "default_mapping of \(entry) is a custom object, but it has no mapping_as_custom_object: add one, or default to an offered stock leaf type"
        }
        var message = "default_mapping of \(entry) is \"\(leafType)\", which none of its possible_record_type_mappings offers"
        if let suggestion = Suggest.didYouMean(leafType, in: offered) {
            message += ": " + suggestion
        } else if offered.isEmpty {
            message += ": add a possible mapping to \"\(leafType)\""
        } else {
            message += ": use one of " + offered.map { "\"\($0)\"" }.joined(separator: ", ") + ", or offer \"\(leafType)\""
        }
        return message
    }
}
