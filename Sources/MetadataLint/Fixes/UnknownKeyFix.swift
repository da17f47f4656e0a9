/// unknown-key on a field's `"array"` block (unsafe): the same rewrite as unknown-field-type.
enum UnknownKeyFix {
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (field, member) = document.member(for: diagnostic), member.key == "array" else { return nil }
        return ArrayFieldRewrite.fix(field: field, rule: diagnostic.rule, document)
    }
}
