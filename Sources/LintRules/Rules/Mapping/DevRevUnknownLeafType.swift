import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevUnknownLeafType = RuleInfo(
        id: "devrev-unknown-leaf-type", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A stock leaf type is not in DevRev's table of object types.",
            why: """
            Stock mappings target DevRev leaf types by their short names: devu, revu, issue, \
            ticket, product, ... DevRev's resource names (dev_user, rev_user) and renamed types \
            (airdrop_authorization_policy, now unified_authorization_policy) are not leaf types, \
            and the install rejects them. Checked against the table DevRev publishes (Supported \
            DevRev object types for AirSync), whose date the message cites: it may have changed \
            since.
            """,
            example: """
            "users": {
              "default_mapping": { "object_type": "dev_user", "object_category": "stock" },
              "possible_record_type_mappings": [ { "devrev_leaf_type": "dev_user", "forward": true, "reverse": false } ]
            }
            """,
            fix: """
            Use the leaf type's name from the table (the message suggests one); for a custom \
            object, use object_category fresh_custom.
            """))
}

struct DevRevUnknownLeafTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevUnknownLeafType] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        func report(_ name: Located<String>) {
            guard table.leafType(name.value) == nil else { return }
            sink.report(DevRevUnknownLeafType(name: name.value, suggestion: table.suggestion(for: name.value),
                                              isCustomExample: name.value == DevRevObjectTable.customObjectName,
                                              tableDate: table.date), at: name.ref)
        }
        func report(_ leafType: LeafTypeRef?) {
            if let leafType, leafType.isStock, let name = leafType.objectType { report(name) }
        }
        for entry in context.mapping.entries {
            report(entry.defaultMapping)
            for option in entry.options {
                if option.kind == .customObject || option.shard?.leafType?.isStock == false { continue }
                if let name = option.leafTypeName {
                    report(name)
                    if option.shard?.leafType?.objectType?.value != name.value { report(option.shard?.leafType) }
                } else {
                    report(option.shard?.leafType)
                }
            }
        }
        for field in context.fields {
            switch field.mapping.method?.parameters {
            case .devrevRecord(let choice)?: report(choice.leafType)
            case .filterTypedReference(let filter)?: filter.allowedTypes.forEach { report($0) }
            default: break
            }
        }
    }
}

public struct DevRevUnknownLeafType: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevUnknownLeafType }
    public let name: String
    public let suggestion: String?
    public let isCustomExample: Bool
    public let tableDate: String

    public var message: String {
        var message = "\"\(name)\" is not a stock leaf type"
        if isCustomExample {
            message += ": new_custom_object is the table's example of a custom object; map to a custom object with \"object_category\": \"fresh_custom\""
        } else if let suggestion {
            message += ": did you mean \"\(suggestion)\"?"
        } else {
            message += ": use a leaf type of DevRev's object table"
        }
        return message + " (DevRev's object table of \(tableDate))"
    }
}
