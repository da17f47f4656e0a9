import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let duplicateEnumKey = RuleInfo(
        id: "duplicate-enum-key", group: .structure, severity: .error,
        summary: "Two values of one enum have the same key.",
        explanation: """
        Enum keys are what appears in the data, so each must be unique within its enum: two values \
        with the same key give the key two names and make the mapping ambiguous. Remove the \
        duplicate or give it its own key.
        """)
}

/// Enum blocks: duplicate keys (`duplicate-enum-key`), empty keys (`empty-value`) and empty value
/// lists (`empty-enum`), for enum fields and permission roles alike.
struct EnumValuesCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field) in metadata.allFields {
            if let values = field.enumValues {
                check(values, blockRef: field.enumRef ?? field.ref, what: "the enum of field \"\(field.key)\" of \(owner)", &sink)
            }
            if let roles = field.permissionRoles {
                check(roles, blockRef: field.ref, what: "the roles of field \"\(field.key)\" of \(owner)", &sink)
            }
        }
    }

    private func check(_ values: [EnumValue], blockRef: SourceRef, what: String, _ sink: inout DiagnosticSink) {
        if values.isEmpty {
            sink.report(Rules.emptyEnum, at: blockRef, "\(what) declares no values: add the keys that appear in the data")
        }
        var seen: [String: SourceRef] = [:]
        for value in values {
            guard let key = value.key else { continue }
            if key.value.isEmpty {
                sink.report(Rules.emptyValue, at: key.ref, "an enum key in \(what) is empty: use the string that appears in the data")
                continue
            }
            if let first = seen[key.value] {
                let line = sink.source.lines.line(of: first.offset)
                sink.report(Rules.duplicateEnumKey, at: key.ref,
                            "enum key \"\(key.value)\" in \(what) is already declared on line \(line): remove this value or give it its own key")
            } else {
                seen[key.value] = key.ref
            }
        }
    }
}
