import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevMethodFieldType = RuleInfo(
        id: "devrev-method-field-type", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A transformation method cannot produce the DevRev field's type.",
            why: """
            DevRev's docs (mapping reasons) state what each method produces: use_fixed_value \
            only booleans and enums; use_directly the external value unchanged, so the external \
            field must have the DevRev field's type (a reference only from a reference, a \
            collection only into a collection); use_as_array_value a collection; use_rich_text \
            rich text; map_enum an enum; use_devrev_record a reference, an array of them when \
            is_array. Checked against DevRev's published table, whose date the message cites.
            """,
            example: """
            metadata:  "status": { "type": "text" }
            mapping:   "stage": { "forward": true, "reverse": false, "primary_external_field": "status",
                                  "transformation_method_for_set": { "transformation_method": "use_directly" } }
            """,
            fix: """
            Use a method that produces the DevRev field's type (map_enum for an external enum into \
            a DevRev enum, use_as_array_value for one value into a collection, use_raw_jq as the \
            last resort), or map another field.
            """))
}

struct DevRevMethodFieldTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevMethodFieldType] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for field in context.fields {
            guard let target = context.devrevField(field), let method = field.mapping.method, let kind = method.kind else { continue }
            func report(_ problem: DevRevMethodFieldType.Problem, _ ref: SourceRef) {
                sink.report(DevRevMethodFieldType(problem: problem, method: kind.rawValue, mapping: field.subject, target: target.name,
                                                  targetType: target.type.rawValue, targetCollection: target.isCollection,
                                                  tableDate: table.date), at: ref)
            }
            switch method.parameters {
            case .fixedValue(let fixed):
                if target.type != .bool && target.type != .enum {
                    report(.fixedNotBoolOrEnum, method.name.ref)
                } else if let value = fixed.kind, (value.value == "bool") != (target.type == .bool), value.value != "none" {
                    report(.fixedKind(value.value), value.ref)
                }
            case .devrevRecord(let choice):
                if target.type != .reference { report(.produces("a reference"), method.name.ref) }
                else if (choice.isArray?.value ?? false) != target.isCollection {
                    report(.isArray, choice.isArray?.ref ?? method.name.ref)
                }
            case .mapEnum(let mapping):
                if target.type != .enum { report(.produces("an enum"), method.name.ref) }
                else if let isArray = mapping.isArray, isArray.value != target.isCollection { report(.isArray, isArray.ref) }
            default:
                break
            }
            if kind == .useRichText, target.type != .richText { report(.produces("rich text"), method.name.ref) }
            if kind == .useAsArrayValue, !target.isCollection { report(.notCollection, method.name.ref) }
            guard kind == .useDirectly || kind == .useAsArrayValue, let primary = field.mapping.primaryField else { continue }
            for resolved in context.resolved(field) {
                guard let external = resolved.field.type, !Self.compatible(external, target.type) else {
                    if kind == .useDirectly, resolved.field.isCollection, !target.isCollection {
                        report(.collectionIntoSingle(resolved.field.key), primary.ref)
                    }
                    continue
                }
                report(.externalType(resolved.field.key, external.rawValue, context.place(resolved.field.keyRef)), primary.ref)
            }
        }
    }

    /// Same type; typed references count as references.
    static func compatible(_ external: FieldType, _ devrev: FieldType) -> Bool {
        if external == devrev { return true }
        return external == .typedReference && devrev == .reference
    }
}

public struct DevRevMethodFieldType: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevMethodFieldType }

    public enum Problem: Sendable {
        case fixedNotBoolOrEnum
        case fixedKind(String)
        case produces(String)
        case isArray
        case notCollection
        case collectionIntoSingle(String)
        case externalType(String, String, FilePlace?)
    }

    public let problem: Problem
    public let method: String
    public let mapping: MappingSubject
    public let target: String
    public let targetType: String
    public let targetCollection: Bool
    public let tableDate: String

    public var message: String {
        let field = "DevRev field \"\(target)\" (\(targetType)\(targetCollection ? " collection" : ""))"
        let text: String
        switch problem {
        case .fixedNotBoolOrEnum:
            text = "use_fixed_value sets only boolean and enum fields, and \(field) is neither: map an external field, or use use_devrev_record for a reference"
        case .fixedKind(let kind):
            text = "use_fixed_value's value is \"\(kind)\", but \(field) needs \"\(targetType == "bool" ? "bool" : "enum_value")\""
        case .produces(let what):
            text = "\(method) produces \(what), but \(mapping) fills \(field): use a method that fits it"
        case .isArray:
            text = "\(method) in \(mapping) must set \"is_array\": \(targetCollection), as \(field) is \(targetCollection ? "a collection" : "a single value")"
        case .notCollection:
            text = "use_as_array_value makes an array, but \(field) is a single value: use use_directly"
        case .collectionIntoSingle(let external):
            text = "use_directly copies the collection \"\(external)\" into \(field), a single value: map a single-valued field, or use use_raw_jq to pick one"
        case .externalType(let external, let type, let place):
            text = "\(method) in \(mapping) copies \"\(external)\"\(place.cited), a \(type) field, into \(field): map a \(targetType) field, or use a method that converts it"
        }
        return text + " (DevRev's object table of \(tableDate))"
    }
}
