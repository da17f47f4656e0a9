import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let unknownFieldType = RuleInfo(
        id: "unknown-field-type", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A field's type is not one of the format's types.",
            why: """
            A field type is one of bool, int, float, text, rich_text, reference, typed_reference, \
            enum, date, timestamp, struct, permission, type_key, record_type_privilege, \
            field_privilege, conditional_privilege or participation. Names from other systems \
            (string, integer, boolean, datetime, array) are not types here.
            """,
            example: """
            "fields": {
              "email": { "type": "string" },
              "age": { "type": "integr" }
            }
            """,
            fix: """
            Use the type the message names: an array is its element type plus a collection block, \
            an object is a struct type.
            """),
        fixer: RuleFixer(offers: [.unsafe], UnknownFieldType.fix))
}

public struct UnknownFieldType: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownFieldType }
    public let type: String
    public let field: Subject
    /// For "array" or "list": what its `items` (or `array`) block says the elements are.
    public var element: ArrayElement? = nil

    public enum ArrayElement: Sendable, Equatable {
        /// Objects (`"type": "object"`, `properties`, `fields`): a struct type.
        case objects
        /// Elements of a named type, such as "string".
        case typed(String)
    }

    /// Names from other systems for the format's types.
    static let typeNames = [
        "string": "text", "str": "text", "boolean": "bool", "integer": "int", "number": "float", "double": "float",
        "datetime": "timestamp", "date_time": "timestamp",
    ]

    /// Common mistakes for `type`, with the fix.
    static let hints = [
        "string": "use \"text\"", "str": "use \"text\"", "boolean": "use \"bool\"", "integer": "use \"int\"",
        "number": "use \"float\" (or \"int\" for whole numbers)", "double": "use \"float\"",
        "datetime": "use \"timestamp\"", "date_time": "use \"timestamp\"",
        "array": "declare the element's type and add a \"collection\": {} block",
        "list": "declare the element's type and add a \"collection\": {} block",
        "object": "declare a struct type under \"struct_types\" and use \"type\": \"struct\"",
    ]

    public var message: String {
        var message = "unknown field type \"\(type)\" in \(field)"
        let types = FieldType.allCases.map(\.rawValue)
        if let element, let hint = Self.elementHint(element) {
            message += ": \(hint)"
        } else if let hint = Self.hints[type.lowercased()] {
            message += ": \(hint)"
        } else if let suggestion = Suggest.didYouMean(type, in: types) {
            message += ": " + suggestion
        } else {
            message += ": use one of \(types.joined(separator: ", "))"
        }
        return message
    }

    /// How to declare a list of these elements.
    static func elementHint(_ element: ArrayElement) -> String? {
        switch element {
        case .objects:
            return "its elements are objects: declare them as a struct type under \"struct_types\", then write \"type\": \"struct\", \"struct\": { \"key\": \"<struct type>\" } and \"collection\": {}"
        case .typed(let name):
            guard let type = FieldType(rawValue: name)?.rawValue ?? typeNames[name.lowercased()] else { return nil }
            return "its elements are \(type): write \"type\": \"\(type)\" and \"collection\": {} (a list is its element type plus a collection block)"
        }
    }
}

extension UnknownFieldType {
    /// Unsafe, on `"type": "array"`: a list is its element type plus a `collection` block.
    /// `"type": "array", "array": {"type": "text"}` becomes `"type": "text", "collection": {}`; the
    /// element's own type block (e.g. `"reference": {...}`) moves up into the field. Unsafe because
    /// the element type is a guess from the block: a person should confirm the result. No fix
    /// without an `array` block naming a known type.
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (field, member) = document.member(for: diagnostic), member.key == "type" else { return nil }
        return ArrayFieldRewrite.fix(field: field, rule: diagnostic.rule, document)
    }
}

/// The rewrite itself, shared with unknown-key (which reports the `"array"` block).
enum ArrayFieldRewrite {
    static func fix(field: JSONNode, rule: String, _ document: FixDocument) -> Fix? {
        guard let members = field.members, field["type"]?.string == "array", field["collection"] == nil,
              let typeNode = field["type"],
              let arrayIndex = members.firstIndex(where: { $0.key == "array" }),
              let block = members[arrayIndex].value.members,
              let elementTypeNode = members[arrayIndex].value["type"],
              let elementType = elementTypeNode.string.flatMap(FieldType.init(rawValue:)) else { return nil }
        let arrayMember = members[arrayIndex]
        // Only the element type and its own block may move; anything else needs a person.
        let moving = block.filter { $0.key != "type" }
        guard moving.allSatisfy({ $0.key == elementType.blockKey }),
              moving.allSatisfy({ field[$0.key] == nil }) else { return nil }
        let separator = self.separator(in: members, around: arrayIndex, document)
        let outer = document.indentation(before: arrayMember.keyOffset)
        var replacement = "\"collection\"" + document.colon(of: arrayMember) + "{}"
        for moved in moving {
            let inner = document.indentation(before: moved.keyOffset)
            replacement += separator + reindent(document.text(document.range(of: moved)), from: inner, to: outer)
        }
        let edits = [
            document.replaceValue(typeNode, with: document.text(document.range(of: elementTypeNode))),
            TextEdit(range: document.range(of: arrayMember), replacement: replacement),
        ]
        return Fix(rule: rule, applicability: .unsafe,
                   description: "declare the element type \"\(elementType.rawValue)\" with a \"collection\" block",
                   edits: edits)
    }

    /// What separates two members of the field object (comma, line break, indentation).
    static func separator(in members: [JSONMember], around index: Int, _ document: FixDocument) -> String {
        let pair = index > 0 ? (members[index - 1], members[index]) : (members[index], members[min(index + 1, members.count - 1)])
        guard pair.0.keyOffset != pair.1.keyOffset else { return ", " }
        return document.text(document.range(of: pair.0.value).upperBound..<pair.1.keyOffset)
    }

    /// Moves the continuation lines of `text` from one indentation to another.
    static func reindent(_ text: String, from inner: [UInt8], to outer: [UInt8]) -> String {
        guard inner.count > outer.count, inner.starts(with: outer) else { return text }
        let drop = String(decoding: inner[outer.count...], as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ([String(lines[0])] + lines.dropFirst().map { $0.hasPrefix(drop) ? String($0.dropFirst(drop.count)) : String($0) })
            .joined(separator: "\n")
    }
}
