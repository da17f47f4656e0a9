/// What the summary says about the inputs the config's `ignore` patterns matched.
extension Report {
    /// Files listed by name in a summary line; the rest are counted.
    static let ignoredListed = 10

    /// One line for the files skipped, one for the named files checked although a pattern matches.
    public var ignoreNotes: [String] { [ignoredLine, checkedDespiteIgnoreLine].compactMap { $0 } }

    var ignoredLine: String? {
        guard !ignored.isEmpty else { return nil }
        return "ignored \(Self.files(ignored.count)) matching an ignore pattern: \(Self.list(ignored))"
    }

    var checkedDespiteIgnoreLine: String? {
        guard !checkedDespiteIgnore.isEmpty else { return nil }
        let them = checkedDespiteIgnore.count == 1 ? "it" : "them"
        return "checked \(Self.files(checkedDespiteIgnore.count)) named on the command line although an ignore pattern matches: "
            + "\(Self.list(checkedDespiteIgnore)) (--force-exclude skips \(them))"
    }

    /// The same as SARIF `notification` objects, with the counts as properties.
    var sarifInputNotes: [String] {
        var notes: [String] = []
        if let line = ignoredLine {
            notes.append(Self.notification("files-ignored", line, ("ignoredFiles", ignored.count)))
        }
        if let line = checkedDespiteIgnoreLine {
            notes.append(Self.notification("named-files-checked-despite-ignore", line, ("checkedFiles", checkedDespiteIgnore.count)))
        }
        return notes
    }

    static func notification(_ id: String, _ text: String, _ count: (String, Int)) -> String {
        JSONWriter.object([
            ("level", JSONWriter.quote("note")),
            ("message", JSONWriter.object([("text", JSONWriter.quote(text))])),
            ("descriptor", JSONWriter.object([("id", JSONWriter.quote(id))])),
            ("properties", JSONWriter.object([(count.0, String(count.1))])),
        ])
    }

    static func files(_ count: Int) -> String { count == 1 ? "1 file" : "\(count) files" }

    static func list(_ paths: [String]) -> String {
        let shown = paths.prefix(ignoredListed).joined(separator: ", ")
        return paths.count > ignoredListed ? shown + " and \(paths.count - ignoredListed) more" : shown
    }
}
