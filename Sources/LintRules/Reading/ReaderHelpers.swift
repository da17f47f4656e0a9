import LintModel
import LintJSON
import LintSource
import LintSupport

/// Typed access to object members that reports a wrong JSON type, and the key check that reports
/// unknown, legacy and renamed keys.
extension MetadataReader {
    func report(_ rule: RuleInfo, _ ref: SourceRef, _ message: String) {
        sink.report(rule, at: ref, message)
    }

    /// Reports `invalid-value-type` unless `node` is an object.
    func expectObject(_ node: JSONNode, what: String) -> Bool {
        if node.members != nil { return true }
        report(Rules.invalidValueType, node.ref, "\(what) must be an object, not \(node.kindName)")
        return false
    }

    func wrongType(_ node: JSONNode, key: String, what: String, expected: String, hint: String = "") {
        var message = "\"\(key)\" in \(what) must be \(expected), not \(node.kindName)"
        if !hint.isEmpty { message += ": \(hint)" }
        report(Rules.invalidValueType, node.ref, message)
    }

    func string(_ object: JSONNode, _ key: String, what: String) -> Located<String>? {
        guard let node = object[key] else { return nil }
        guard let value = node.string else {
            let hint = node.number != nil || node.bool != nil ? "quote it" : ""
            wrongType(node, key: key, what: what, expected: "a string", hint: hint)
            return nil
        }
        return Located(value, at: node.ref)
    }

    /// A boolean; `nullable` keys (the field flags) also accept null, which counts as absent.
    func bool(_ object: JSONNode, _ key: String, what: String, nullable: Bool = false) -> Located<Bool>? {
        guard let node = object[key] else { return nil }
        if nullable && node.isNull { return nil }
        guard let value = node.bool else {
            let hint = node.string.map { ["true", "false"].contains($0) ? "write \($0) without quotes" : "" } ?? ""
            wrongType(node, key: key, what: what, expected: nullable ? "a boolean or null" : "a boolean", hint: hint)
            return nil
        }
        return Located(value, at: node.ref)
    }

    /// The members of a key whose value is a map (an object with arbitrary keys).
    func mapMembers(_ object: JSONNode, _ key: String, what: String) -> [JSONMember]? {
        guard let node = object[key] else { return nil }
        guard let members = node.members else {
            wrongType(node, key: key, what: what, expected: "an object")
            return nil
        }
        return members
    }

    func array(_ object: JSONNode, _ key: String, what: String) -> [JSONNode]? {
        guard let node = object[key] else { return nil }
        guard let elements = node.elements else {
            wrongType(node, key: key, what: what, expected: "an array")
            return nil
        }
        return elements
    }

    func stringArray(_ object: JSONNode, _ key: String, what: String) -> [Located<String>]? {
        guard let elements = array(object, key, what: what) else { return nil }
        return elements.compactMap { element in
            guard let value = element.string else {
                report(Rules.invalidValueType, element.ref,
                       "each entry of \"\(key)\" in \(what) must be a string, not \(element.kindName)")
                return nil
            }
            return Located(value, at: element.ref)
        }
    }

    func require(_ object: JSONNode, _ keys: [String], what: String, at ref: SourceRef? = nil, hint: String = "") {
        for key in keys where object[key] == nil {
            var message = "\(what) is missing the required key \"\(key)\""
            if !hint.isEmpty { message += ": \(hint)" }
            report(Rules.missingRequiredKey, ref ?? object.ref, message)
        }
    }

    /// Reports every key of `object` that is not `known`: a legacy key says what replaced it, a
    /// renamed key is accepted with a warning, anything else gets a "did you mean".
    func checkKeys(_ object: JSONNode, known: Set<String>, what: String,
                   legacy: [String: String] = [:], renamed: [String: String] = [:],
                   hints: [String: String] = [:]) {
        for member in object.members ?? [] where !known.contains(member.key) {
            if let replacement = renamed[member.key] {
                report(Rules.renamedKey, member.keyRef,
                       "\"\(member.key)\" in \(what) is the pre-v0.2.0 name: rename it to \"\(replacement)\"")
            } else if let explanation = legacy[member.key] {
                report(Rules.legacyKey, member.keyRef, "\"\(member.key)\" in \(what) is a pre-v0.2.0 key: \(explanation)")
            } else {
                var message = "unknown key \"\(member.key)\" in \(what)"
                if let hint = hints[member.key] {
                    message += ": \(hint)"
                } else if let suggestion = Suggest.didYouMean(member.key, in: known) {
                    message += ": " + suggestion
                } else {
                    message += ": remove it (allowed: \(known.sorted().joined(separator: ", ")))"
                }
                report(Rules.unknownKey, member.keyRef, message)
            }
        }
    }
}
