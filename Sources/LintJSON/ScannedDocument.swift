import LintSource

/// A JSON document scanned once: the positioned tree, where every value and key ends, and what
/// the scanner noted (duplicate keys, numbers out of range). Fixes and `fmt` edit and copy
/// bytes by these positions.
public struct ScannedDocument: Sendable {
    public let source: SourceFile
    public let root: JSONNode
    public let notes: [JSONScanNote]
    /// Byte offset just past each value or key, by the offset of its first byte.
    let ends: [Int: Int]

    public static func scan(_ source: SourceFile, maxDepth: Int = 256) -> Result<ScannedDocument, JSONSyntaxError> {
        var scanner = JSONScanner(maxDepth: maxDepth)
        return source.bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try scanner.scanDocument(buffer)
            } catch {
                return .failure(error)
            }
            guard let base = buffer.baseAddress else { return .failure(JSONSyntaxError(.empty, at: 0)) }
            var ends: [Int: Int] = [:]
            ends.reserveCapacity(scanner.tape.count)
            for k in 0..<scanner.tape.count {
                let entry = scanner.tape[k]
                ends[entry.start] = entry.end
            }
            return .success(ScannedDocument(source: source, root: JSONTreeBuilder.build(scanner.tape, base),
                                            notes: scanner.notes, ends: ends))
        }
    }

    /// The bytes of a value, from its first byte to just past its last.
    public func range(of node: JSONNode) -> Range<Int> {
        node.offset..<(ends[node.offset] ?? node.offset)
    }

    /// The bytes of a key, quotes included, exactly as written.
    public func keyRange(of member: JSONMember) -> Range<Int> {
        member.keyOffset..<(ends[member.keyOffset] ?? member.keyOffset)
    }

    public var duplicateKeys: [JSONScanNote] {
        notes.filter { if case .duplicateKey = $0.kind { return true } else { return false } }
    }
}
