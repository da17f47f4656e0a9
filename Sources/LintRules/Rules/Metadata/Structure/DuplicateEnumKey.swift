import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let duplicateEnumKey = RuleInfo(
        id: "duplicate-enum-key", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "Two values of one enum have the same key.",
            why: """
            Enum keys are what appears in the data, so each must be unique within its enum: two \
            values with the same key give the key two names and make the mapping ambiguous.
            """,
            example: """
            "kind": {
              "type": "enum",
              "enum": { "values": [ { "key": "bug" }, { "key": "task" }, { "key": "bug" } ] }
            }
            """,
            fix: """
            Remove the duplicate or give it its own key.
            """))
}

/// Enum blocks: duplicate keys (`duplicate-enum-key`), empty keys (`empty-value`) and empty value
/// lists (`empty-enum`), for enum fields and permission roles alike.
struct EnumValuesCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.duplicateEnumKey, Rules.emptyEnum, Rules.emptyValue] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field) in metadata.allFields {
            if let values = field.enumValues {
                check(values, blockRef: field.enumRef ?? field.ref, what: .enumValues(field: .field(field.key, of: owner)), &sink)
            }
            if let roles = field.permissionRoles {
                check(roles, blockRef: field.ref, what: .roles(field: .field(field.key, of: owner)), &sink)
            }
        }
    }

    private func check(_ values: [EnumValue], blockRef: SourceRef, what: EnumOwner, _ sink: inout DiagnosticSink) {
        if values.isEmpty {
            sink.report(EmptyEnum(owner: what), at: blockRef)
        }
        var seen: [String: SourceRef] = [:]
        for value in values {
            guard let key = value.key else { continue }
            if key.value.isEmpty {
                sink.report(EmptyValue.enumKey(in: what), at: key.ref)
                continue
            }
            if let first = seen[key.value] {
                sink.report(DuplicateEnumKey(key: key.value, owner: what, firstLine: sink.line(of: first.offset)), at: key.ref)
            } else {
                seen[key.value] = key.ref
            }
        }
    }
}

/// The enum a key belongs to: a field's values or a permission field's roles.
public enum EnumOwner: Sendable, CustomStringConvertible {
    case enumValues(field: Subject)
    case roles(field: Subject)

    public var description: String {
        switch self {
        case .enumValues(let field): return "the enum of \(field)"
        case .roles(let field): return "the roles of \(field)"
        }
    }
}

public struct DuplicateEnumKey: RuleViolation {
    public static var rule: RuleInfo { Rules.duplicateEnumKey }
    public let key: String
    public let owner: EnumOwner
    public let firstLine: Int

    public var message: String {
        "enum key \"\(key)\" in \(owner) is already declared on line \(firstLine): remove this value or give it its own key"
    }
}
