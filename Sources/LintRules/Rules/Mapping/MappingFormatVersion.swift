import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingFormatVersion = RuleInfo(
        id: "mapping-format-version", group: .mapping, severity: .note,
        docs: RuleDocs(
            what: "format_version or devrev_metadata_version stands where the SDK does not read it, or has an unknown value.",
            why: """
            DevRev's schema puts format_version and devrev_metadata_version at the top level, but \
            the SDK forwards only the members of additional_mappings to DevRev, so versions at the \
            top level never arrive; DevRev's own template keeps them inside additional_mappings. \
            The known pair is "v0.2.0" with devrev_metadata_version 13.
            """,
            example: """
            {
              "additional_mappings": { "record_type_mappings": { } },
              "format_version": "v0.2.0",
              "devrev_metadata_version": 13
            }
            """,
            fix: """
            Move both keys into additional_mappings, with the values chef-cli writes.
            """))
}

struct MappingFormatVersionCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingFormatVersion] }

    static let known = ["format_version": "v0.2.0", "devrev_metadata_version": "13"]

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for version in context.mapping.versionKeys {
            if version.atTopLevel, context.mapping.shape == .current {
                sink.report(MappingFormatVersion.atTopLevel(key: version.key), at: version.keyRef)
            }
            let text = version.value.string ?? version.value.number?.text ?? ""
            if let known = Self.known[version.key], text != known {
                sink.report(MappingFormatVersion.unknownValue(key: version.key, value: text, known: known), at: version.value.ref)
            }
        }
    }
}

public enum MappingFormatVersion: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingFormatVersion }

    case atTopLevel(key: String)
    case unknownValue(key: String, value: String, known: String)

    public var message: String {
        switch self {
        case .atTopLevel(let key):
            return "\"\(key)\" at the top level never reaches DevRev (the SDK forwards only additional_mappings): move it into \"additional_mappings\""
        case .unknownValue(let key, let value, let known):
            return "\"\(key)\" is \(value), not a known value: chef-cli writes \(known) (format_version \"v0.2.0\" with devrev_metadata_version 13)"
        }
    }
}
