import LintModel
import LintJSON
import LintSource
import LintSupport

/// Typed access to object members that reports a wrong JSON type, and the key check that reports
/// unknown, legacy and renamed keys.
extension MetadataReader {
    func report(_ violation: some Violation, _ ref: SourceRef) {
        sink.report(violation, at: ref)
    }

    /// Reports `invalid-value-type` unless `node` is an object.
    func expectObject(_ node: JSONNode, what: Subject) -> Bool {
        if node.members != nil { return true }
        report(InvalidValueType.notObject(what, actual: node.kindName), node.ref)
        return false
    }

    func wrongType(_ node: JSONNode, key: String, what: Subject, expected: InvalidValueType.Expected,
                   hint: InvalidValueType.Hint? = nil) {
        report(InvalidValueType.wrongType(key: key, in: what, expected: expected, actual: node.kindName, hint: hint), node.ref)
    }

    func string(_ object: JSONNode, _ key: String, what: Subject) -> Located<String>? {
        guard let node = object[key] else { return nil }
        guard let value = node.string else {
            wrongType(node, key: key, what: what, expected: .string,
                      hint: node.number != nil || node.bool != nil ? .quoteIt : nil)
            return nil
        }
        return Located(value, at: node.ref)
    }

    /// A boolean; `nullable` keys (the field flags) also accept null, which counts as absent.
    func bool(_ object: JSONNode, _ key: String, what: Subject, nullable: Bool = false) -> Located<Bool>? {
        guard let node = object[key] else { return nil }
        if nullable && node.isNull { return nil }
        guard let value = node.bool else {
            let hint = node.string.flatMap { ["true", "false"].contains($0) ? InvalidValueType.Hint.unquote($0) : nil }
            wrongType(node, key: key, what: what, expected: nullable ? .booleanOrNull : .boolean, hint: hint)
            return nil
        }
        return Located(value, at: node.ref)
    }

    /// The members of a key whose value is a map (an object with arbitrary keys).
    func mapMembers(_ object: JSONNode, _ key: String, what: Subject) -> [JSONMember]? {
        guard let node = object[key] else { return nil }
        guard let members = node.members else {
            wrongType(node, key: key, what: what, expected: .object)
            return nil
        }
        return members
    }

    func array(_ object: JSONNode, _ key: String, what: Subject) -> [JSONNode]? {
        guard let node = object[key] else { return nil }
        guard let elements = node.elements else {
            wrongType(node, key: key, what: what, expected: .array)
            return nil
        }
        return elements
    }

    func stringArray(_ object: JSONNode, _ key: String, what: Subject) -> [Located<String>]? {
        guard let elements = array(object, key, what: what) else { return nil }
        return elements.compactMap { element in
            guard let value = element.string else {
                report(InvalidValueType.entryNotString(key: key, in: what, actual: element.kindName), element.ref)
                return nil
            }
            return Located(value, at: element.ref)
        }
    }

    func require(_ object: JSONNode, _ keys: [String], what: Subject, at ref: SourceRef? = nil,
                 hint: MissingRequiredKey.Hint? = nil) {
        for key in keys where object[key] == nil {
            report(MissingRequiredKey.missing(key, in: what, hint: hint), ref ?? object.ref)
        }
    }

    /// Reports every key of `object` that is not `known`: a key renamed in v0.2.0 is accepted with
    /// a warning, a pre-v0.2.0 key says what replaced it, anything else gets a "did you mean".
    func checkKeys(_ object: JSONNode, known: Set<String>, what: Subject) {
        for member in object.members ?? [] where !known.contains(member.key) {
            if RenamedKey.newName(of: member.key, in: what) != nil {
                report(RenamedKey(key: member.key, in: what), member.keyRef)
            } else if LegacyKey.isLegacy(member.key, in: what) {
                report(LegacyKey(key: member.key, in: what), member.keyRef)
            } else {
                report(UnknownKey(key: member.key, in: what, known: known), member.keyRef)
            }
        }
    }
}
