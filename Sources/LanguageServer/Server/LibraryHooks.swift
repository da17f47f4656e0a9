import MetadataLint

extension EditorHooks {
    /// Quick fixes from the rules' own fixers (what `validate --fix` applies; unsafe fixes are
    /// offered too, but never preferred) and formatting from `fmt`.
    public static let library = EditorHooks(
        codeActions: { request in
            guard !request.findings.isEmpty, let document = FixDocument(request.source) else { return [] }
            return request.findings.compactMap { finding -> EditorHooks.CodeAction? in
                guard let fix = Rules.fix(for: finding.diagnostic, in: document) else { return nil }
                let title = fix.description + (fix.applicability == .unsafe ? " (unsafe: check the result)" : "")
                return EditorHooks.CodeAction(
                    title: title, kind: "quickfix", fixes: [finding],
                    edits: fix.edits.map { EditorHooks.Edit(range: $0.range, newText: String(decoding: $0.replacement, as: UTF8.self)) },
                    isPreferred: fix.applicability == .safe)
            }
        },
        format: { source in
            switch MetadataFormatter.format(source) {
            case .success(let bytes): return bytes
            case .failure: return nil
            }
        })
}
