import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingMethodFit = RuleInfo(
        id: "mapping-method-fit", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A transformation method's parameters or input do not fit the field it reads.",
            why: """
            Inferred from the schema's wording and the methods' names: map_enum's is_array must \
            match whether the enum field is a collection; make_custom_stages reads the stage \
            diagram's controlling field; make_custom_links needs link_naming_data and reads its \
            link_type_field; filter_typed_reference reads a typed_reference (is_collection as its \
            collection); map_roles reads a permission field and maps its roles; \
            make_authorization_target reads a type_key or privilege field; methods that transform \
            an external value need a primary_external_field, use_fixed_value and use_devrev_record \
            ignore one; forward_default should itself be mapped by forward, and without one, \
            forward should map every value the enum declares.
            """,
            example: """
            metadata:  "labels": { "type": "enum", "collection": { }, "enum": { "values": [ { "key": "bug" } ] } }
            mapping:   "transformation_method_for_set": { "transformation_method": "map_enum", "is_array": false,
                         "forward": { "bug": { "value": "defect" } } }
            """,
            fix: """
            Do what the message says: set the flag to match the field, read the field the method \
            is meant for, add or remove primary_external_field.
            """))
}

struct MappingMethodFitCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingMethodFit] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let method = field.mapping.method, let kind = method.kind else { continue }
            let subject = field.subject
            if let primary = field.mapping.primaryField, kind.ignoresPrimaryField {
                sink.report(MappingMethodFit.primaryIgnored(mapping: subject, method: kind.rawValue), at: primary.ref)
            }
            if field.mapping.primaryField == nil, kind.readsPrimaryField {
                sink.report(MappingMethodFit.primaryMissing(mapping: subject, method: kind.rawValue), at: method.name.ref)
            }
            if case .mapEnum(let mapping) = method.parameters, let fallback = mapping.forwardDefault,
               !mapping.forward.contains(where: { $0.key == fallback.value }) {
                sink.report(MappingMethodFit.defaultNotMapped(mapping: subject, key: fallback.value), at: fallback.ref)
            }
            for resolved in context.resolved(field) {
                checkField(kind, method, resolved, field, context, &sink)
            }
        }
    }

    private func checkField(_ kind: MethodKind, _ method: TransformationMethod, _ resolved: ResolvedField,
                            _ field: MappedField, _ context: MappingContext, _ sink: inout DiagnosticSink) {
        let at = field.mapping.primaryField?.ref ?? method.ref
        let external = resolved.field
        let place = context.place(external.keyRef)
        func report(_ problem: MappingMethodFit.Problem, _ ref: SourceRef? = nil) {
            sink.report(MappingMethodFit.field(problem, method: kind.rawValue, mapping: field.subject, field: external.key,
                                               declaredAt: place), at: ref ?? at)
        }
        switch method.parameters {
        case .mapEnum(let mapping), .mapRoles(let mapping):
            if let isArray = mapping.isArray, isArray.value != external.isCollection {
                report(.isArray(external.isCollection), isArray.ref)
            }
            if kind == .mapEnum, mapping.forwardDefault == nil, external.type == .enum {
                let unmapped = external.enumKeys.filter { key in !mapping.forward.contains { $0.key == key } }
                if !unmapped.isEmpty { report(.unmappedKeys(unmapped), method.ref) }
            }
            if kind == .mapRoles {
                if external.type != .permission { report(.needsType(["permission"])) }
                let roles = (external.permissionRoles ?? []).compactMap { $0.key?.value }
                if external.permissionRoles != nil {
                    for pair in mapping.forward where !roles.contains(pair.key) {
                        report(.unknownRole(pair.key, roles: roles), pair.keyRef)
                    }
                }
            }
        case .filterTypedReference(let filter):
            if external.type != .typedReference { report(.needsType(["typed_reference"])) }
            if let isCollection = filter.isCollection, isCollection.value != external.isCollection {
                report(.isCollection(external.isCollection), isCollection.ref)
            }
        case .customStages:
            if let controlling = resolved.recordType.stageDiagram?.controllingField?.value, controlling != external.key {
                report(.notControllingField(controlling))
            }
        default:
            break
        }
        if kind == .makeCustomLinks {
            if let naming = resolved.recordType.linkNaming {
                if let linkField = naming.linkTypeField?.value, linkField != external.key { report(.notLinkTypeField(linkField)) }
            } else {
                report(.noLinkNaming(resolved.recordType.key))
            }
        }
        if kind == .makeAuthorizationTarget, let type = external.type,
           ![.typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege].contains(type) {
            report(.needsType(["type_key", "record_type_privilege", "field_privilege", "conditional_privilege"]))
        }
    }
}

public enum MappingMethodFit: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingMethodFit }

    public enum Problem: Sendable {
        case isArray(Bool)
        case isCollection(Bool)
        case needsType([String])
        case unknownRole(String, roles: [String])
        case unmappedKeys([String])
        case notControllingField(String)
        case notLinkTypeField(String)
        case noLinkNaming(String)
    }

    case field(Problem, method: String, mapping: MappingSubject, field: String, declaredAt: FilePlace?)
    case primaryIgnored(mapping: MappingSubject, method: String)
    case primaryMissing(mapping: MappingSubject, method: String)
    case defaultNotMapped(mapping: MappingSubject, key: String)

    public var message: String {
        switch self {
        case .field(let problem, let method, let mapping, let field, let declaredAt):
            let reads = "\(method) in \(mapping) reads \"\(field)\"\(declaredAt.cited)"
            switch problem {
            case .isArray(let collection):
                return "\(reads), which is \(collection ? "a collection" : "a single value"): set \"is_array\": \(collection)"
            case .isCollection(let collection):
                return "\(reads), which is \(collection ? "a collection" : "a single value"): set \"is_collection\": \(collection)"
            case .needsType(let types):
                return "\(reads), but it is meant for a field of type \(types.joined(separator: " or ")): map such a field or use another method"
            case .unknownRole(let role, let roles):
                var message = "\(reads), whose permission roles do not include \"\(role)\""
                if let suggestion = Suggest.didYouMean(role, in: roles) { message += ": " + suggestion }
                else { message += ": its roles are " + roles.map { "\"\($0)\"" }.joined(separator: ", ") }
                return message
            case .unmappedKeys(let keys):
                let names = keys.map { "\"\($0)\"" }.joined(separator: ", ")
                return "\(reads), but forward does not map its value\(keys.count == 1 ? "" : "s") \(names) and there is no forward_default, so such items get no value: map \(keys.count == 1 ? "it" : "them"), or add a forward_default"
            case .notControllingField(let controlling):
                return "\(reads), but the stage diagram is controlled by \"\(controlling)\": read that field"
            case .notLinkTypeField(let linkField):
                return "\(reads), but link_naming_data's link_type_field is \"\(linkField)\": read that field"
            case .noLinkNaming(let recordType):
                return "\(reads), but record type \"\(recordType)\" has no link_naming_data, which custom links need: add it to the metadata"
            }
        case .primaryIgnored(let mapping, let method):
            return "\(method) in \(mapping) reads no external field, so primary_external_field is ignored: remove it"
        case .primaryMissing(let mapping, let method):
            return "\(method) in \(mapping) transforms an external value, but there is no primary_external_field: add the field it reads"
        case .defaultNotMapped(let mapping, let key):
            return "forward_default \"\(key)\" of \(mapping) is not itself a key of forward, so unknown values map to nothing: add \"\(key)\" to forward"
        }
    }
}
