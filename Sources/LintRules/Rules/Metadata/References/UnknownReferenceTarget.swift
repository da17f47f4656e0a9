import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unknownReferenceTarget = RuleInfo(
        id: "unknown-reference-target", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A refers_to key or type_keys entry is malformed or names a record type or category that does not exist.",
            why: """
            Every key of refers_to, and every entry of the type_keys of a type_key or privilege \
            field, is "#record:<record type>" or "#category:<category>", and the record type or \
            category must be declared in the same file. A reference to "#record:user" when the \
            record type is "users" can never resolve: every such reference in the data fails to \
            map, and a privilege for a type outside type_keys is not loaded.
            """,
            example: """
            "record_types": {
              "users": { "fields": { "email": { "type": "text" } } },
              "tasks": {
                "fields": {
                  "owner": { "type": "reference", "reference": { "refers_to": { "#record:user": {} } } }
                }
              }
            }
            """,
            fix: """
            Fix the name (the message suggests the closest one) or declare the target.
            """))
}

extension Metadata {
    /// Every reference block: reference and typed_reference fields and permission members.
    package var allReferences: [(owner: Subject, field: Field, spec: ReferenceSpec)] {
        allFields.flatMap { owner, field in
            [field.reference, field.permissionMember].compactMap { $0 }.map { (owner, field, $0) }
        }
    }
}

struct UnknownReferenceTargetCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.unknownReferenceTarget] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        let declared = DeclaredTargets(recordTypes: metadata.recordTypes.map(\.key), categories: metadata.categories.map(\.key))
        let sources = metadata.allReferences.map { ($0.owner, $0.field, $0.spec.targets, UnknownReferenceTarget.Source.refersTo) }
            + metadata.allFields.filter { !$0.field.typeKeys.isEmpty }.map { ($0.owner, $0.field, $0.field.typeKeyTargets, .typeKeys) }
        for (owner, field, targets, source) in sources {
            for target in targets {
                let found: UnknownReferenceTarget.Problem
                switch target.kind {
                case .malformed: found = .malformed
                case .record(let name) where !declared.isRecordType(name): found = .unknownRecordType(name)
                case .category(let name) where !declared.isCategory(name): found = .unknownCategory(name)
                default: continue
                }
                sink.report(UnknownReferenceTarget(target: target.raw, field: .field(field.key, of: owner), problem: found,
                                                   declared: declared, source: source), at: target.keyRef)
            }
        }
    }
}

public struct UnknownReferenceTarget: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownReferenceTarget }

    public enum Problem: Sendable {
        case malformed
        case unknownRecordType(String)
        case unknownCategory(String)
    }

    public let target: String
    public let field: Subject
    public let problem: Problem
    public let declared: DeclaredTargets
    public var source: Source = .refersTo

    /// Where the target is written: a refers_to key, or an entry of type_keys.
    public enum Source: Sendable { case refersTo, typeKeys }

    public var message: String {
        let what = source == .refersTo ? "reference \"\(target)\" of \(field)" : "type_keys entry \"\(target)\" of \(field)"
        switch problem {
        case .malformed:
            var fix = "write \"#record:<record type>\" or \"#category:<category>\""
            if declared.isRecordType(target) { fix = "write \"#record:\(target)\"" }
            else if declared.isCategory(target) { fix = "write \"#category:\(target)\"" }
            return "\(what) does not start with #record: or #category:: \(fix)"
        case .unknownRecordType(let name):
            return "\(what) names record type \"\(name)\", which is not declared\(Self.hint(name, declared.recordTypes, isOther: declared.isCategory(name), isRecord: true))"
        case .unknownCategory(let name):
            return "\(what) names category \"\(name)\", which is not declared in record_type_categories\(Self.hint(name, declared.categories, isOther: declared.isRecordType(name), isRecord: false))"
        }
    }

    static func hint(_ name: String, _ same: [String], isOther: Bool, isRecord: Bool) -> String {
        if let suggestion = Suggest.didYouMean(name, in: same, prefix: isRecord ? "#record:" : "#category:") {
            return ": " + suggestion
        }
        if isOther {
            return ": \"\(name)\" is a \(isRecord ? "category" : "record type"), write \"\(isRecord ? "#category:" : "#record:")\(name)\""
        }
        return ": declare it or fix the name"
    }
}

/// The record types and categories a file declares: in file order for suggestions, and as sets,
/// since every reference target is looked up (a list search each would be quadratic).
public final class DeclaredTargets: Sendable {
    public let recordTypes: [String]
    public let categories: [String]
    private let recordTypeSet: Set<String>
    private let categorySet: Set<String>

    public init(recordTypes: [String], categories: [String]) {
        self.recordTypes = recordTypes
        self.categories = categories
        recordTypeSet = Set(recordTypes)
        categorySet = Set(categories)
    }

    public func isRecordType(_ name: String) -> Bool { recordTypeSet.contains(name) }
    public func isCategory(_ name: String) -> Bool { categorySet.contains(name) }
}
