import LintJSON
import LintModel
import LintSource

/// A metadata file as fixes see it: its bytes, the positioned tree, where every value and key
/// ends, and the typed model. Fix functions read it and return `TextEdit`s on its bytes.
public struct FixDocument: Sendable {
    public let scanned: ScannedDocument
    public let metadata: Metadata

    public var source: SourceFile { scanned.source }
    public var root: JSONNode { scanned.root }

    /// Nil when the bytes are not JSON (nothing can be fixed then).
    public init?(_ source: SourceFile) {
        guard case .success(let scanned) = ScannedDocument.scan(source) else { return nil }
        self.scanned = scanned
        var sink = DiagnosticSink(source: source)
        metadata = MetadataReader.read(scanned.root, sink: &sink)
    }

    // MARK: - Finding what a diagnostic points at

    /// The object member a diagnostic is about, with the object holding it: found by the
    /// diagnostic's pointer, and accepted only when its key or value stands at the diagnostic's
    /// line and column (so a duplicate key never gets the wrong member's fix).
    public func member(for diagnostic: Diagnostic) -> (object: JSONNode, member: JSONMember)? {
        let tokens = JSONPointer.tokens(diagnostic.pointer)
        guard let last = tokens.last, let object = root.descendant(tokens.dropLast()),
              let member = object.member(last) else { return nil }
        let at = (diagnostic.line, diagnostic.column)
        guard location(member.keyOffset) == at || location(member.value.offset) == at else { return nil }
        return (object, member)
    }

    public func node(at pointer: String) -> JSONNode? {
        root.descendant(JSONPointer.tokens(pointer)[...])
    }

    package func location(_ offset: Int) -> (Int, Int) {
        let found = source.lines.location(of: offset, in: source.bytes)
        return (found.line, found.column)
    }

    // MARK: - Byte ranges

    /// The bytes of a value, from its first byte to just past its last.
    public func range(of node: JSONNode) -> Range<Int> { scanned.range(of: node) }

    public func keyRange(of member: JSONMember) -> Range<Int> { scanned.keyRange(of: member) }

    /// From the key's opening quote to the end of the value.
    public func range(of member: JSONMember) -> Range<Int> {
        member.keyOffset..<range(of: member.value).upperBound
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: source.bytes[range], as: UTF8.self)
    }

    public func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(source.bytes[range])
    }

    // MARK: - Edits that keep the file's layout

    /// Renames a key, keeping everything around it.
    public func rename(_ member: JSONMember, to key: String) -> TextEdit {
        TextEdit(range: keyRange(of: member), replacement: JSONQuoting.quote(key))
    }

    public func replaceValue(_ node: JSONNode, with text: String) -> TextEdit {
        TextEdit(range: range(of: node), replacement: text)
    }

    /// Replaces a whole member with `"key": value`, keeping the file's spacing around the colon.
    public func replaceMember(_ member: JSONMember, key: String, value: String) -> TextEdit {
        TextEdit(range: range(of: member), replacement: JSONQuoting.quote(key) + colon(of: member) + value)
    }

    /// Removes a member and one separating comma. A member followed by another goes with the
    /// space up to the next key (that key takes its place and indentation); the last member
    /// goes with the comma before it; the only member leaves `{}`.
    public func remove(_ member: JSONMember, from object: JSONNode) -> TextEdit? {
        guard let members = object.members,
              let index = members.firstIndex(where: { $0.keyOffset == member.keyOffset }) else { return nil }
        if members.count == 1 {
            let whole = range(of: object)
            return .delete((whole.lowerBound + 1)..<(whole.upperBound - 1))
        }
        if index + 1 < members.count {
            return .delete(member.keyOffset..<members[index + 1].keyOffset)
        }
        return .delete(range(of: members[index - 1].value).upperBound..<range(of: member).upperBound)
    }

    /// Adds `"key": value` as the object's last member, written the way the object already
    /// separates its members (same line break and indentation, same spacing around the colon).
    /// `emptyColon` is what goes between key and value when the object has no member to copy.
    public func append(key: String, value: String, to object: JSONNode, emptyColon: String = ": ") -> TextEdit? {
        guard let members = object.members else { return nil }
        let whole = range(of: object)
        guard let last = members.last else {
            return TextEdit(range: (whole.lowerBound + 1)..<(whole.upperBound - 1),
                            replacement: JSONQuoting.quote(key) + emptyColon + value)
        }
        let separator: String
        if members.count >= 2 {
            separator = text(range(of: members[members.count - 2].value).upperBound..<last.keyOffset)
        } else {
            separator = "," + text((whole.lowerBound + 1)..<last.keyOffset)
        }
        return .insert(separator + JSONQuoting.quote(key) + colon(of: last) + value, at: range(of: last.value).upperBound)
    }

    /// What stands between a member's key and its value (`: `, `:`, ` : `).
    public func colon(of member: JSONMember) -> String {
        text(keyRange(of: member).upperBound..<member.value.offset)
    }

    /// The indentation of the line `offset` stands on, up to `offset` (empty unless only spaces
    /// and tabs come before it on its line).
    package func indentation(before offset: Int) -> [UInt8] {
        var start = offset
        while start > 0, source.bytes[start - 1] == 0x20 || source.bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || source.bytes[start - 1] == 0x0A else { return [] }
        return Array(source.bytes[start..<offset])
    }
}
