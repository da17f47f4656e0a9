import LintJSON

/// `ssor_attachment` items in one pass: {id: {devrev, external}, parent_id: {external},
/// actor_id?: {external}, inline?}, as `RecordChecker.checkSSORAttachment` checks them.
extension CleanRecordPass {
    /// Checks the item whose `{` stands at `base[start]`; its end when it is clean (the parent
    /// reference made, interned as `parentPointer`), else nil.
    func acceptSSORAttachment(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, file: Int32, bufferOffset: Int,
                              parentPointer: Int32) -> Int? {
        var c = RecordCursor(base, from: start, end: end)
        var seen: UInt8 = 0
        var parent = (start: 0, count: 0)
        guard c.take(UInt8(ascii: "{")) else { return nil }
        while true {
            c.skipSpaces()
            guard let key = c.plainString(), c.take(UInt8(ascii: ":")) else { return nil }
            c.skipSpaces()
            let which = Self.ssorKey(c.p + key.start, key.count)
            // The scanner notes a repeated key in these items: declined.
            guard which != 0, seen & which == 0 else { return nil }
            seen |= which
            switch which {
            case 1:
                guard readExternal(&c, withDevRev: true) != nil else { return nil }
            case 2:
                guard let external = readExternal(&c, withDevRev: false) else { return nil }
                parent = external
            case 4:
                guard readExternal(&c, withDevRev: false) != nil else { return nil }
            default:
                guard let literal = c.literal(), literal != .null else { return nil }
            }
            guard let more = c.separator(closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        guard seen & 3 == 3 else { return nil }
        index.addReference(bytes: base + parent.start, count: parent.count, group: ReferenceIndex.anyRecord, file: file,
                           offset: bufferOffset + parent.start - 1, pointer: parentPointer, element: -1)
        countAccepted()
        return c.i
    }

    /// 1 id, 2 parent_id, 4 actor_id, 8 inline, else 0.
    private static func ssorKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8 {
        if matches(p, n, "id") { return 1 }
        if matches(p, n, "parent_id") { return 2 }
        if matches(p, n, "actor_id") { return 4 }
        return matches(p, n, "inline") ? 8 : 0
    }

    /// {external} or {devrev, external}: non-empty plain strings, each once, nothing else, and
    /// devrev an artifact DON. The external value's bytes.
    private func readExternal(_ c: inout RecordCursor, withDevRev: Bool) -> (start: Int, count: Int)? {
        guard c.take(UInt8(ascii: "{")) else { return nil }
        var external: (start: Int, count: Int)? = nil
        var sawDevRev = false
        while true {
            c.skipSpaces()
            guard let key = c.plainString(), c.take(UInt8(ascii: ":")) else { return nil }
            c.skipSpaces()
            guard let value = c.plainString(), value.count > 0 else { return nil }
            if Self.matches(c.p + key.start, key.count, "external"), external == nil {
                external = value
            } else if withDevRev, Self.matches(c.p + key.start, key.count, "devrev"), !sawDevRev,
                      RecordChecker.isArtifactDON(UnsafeBufferPointer(start: c.p + value.start, count: value.count)) {
                sawDevRev = true
            } else {
                return nil
            }
            guard let more = c.separator(closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        guard sawDevRev || !withDevRev else { return nil }
        return external
    }
}
