/// A lexical pass over a jq program that finds the words which make libjq read files: `import`
/// and `include` directives and the `modulemeta` builtin (and `module`, which config rules have
/// no use for). Strings (with `\(...)` interpolation, nested to any depth) and `#` comments are
/// skipped; a word right after `.` or `$` (a field or variable) or right before `:` (an object
/// key, which jq 1.6 allows for keywords) is not a directive.
enum JQProgramScan {
    static func words(_ wanted: Set<String>, in program: String) -> [String] {
        let bytes = Array(program.utf8)
        var found: [String] = []
        var k = 0
        var inString = false
        var depth = 0
        // Paren depth at which each open interpolation returns to its string.
        var interpolations: [Int] = []
        while k < bytes.count {
            let byte = bytes[k]
            if inString {
                if byte == UInt8(ascii: "\\"), k + 1 < bytes.count {
                    if bytes[k + 1] == UInt8(ascii: "(") {
                        interpolations.append(depth)
                        depth += 1
                        inString = false
                    }
                    k += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                k += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "#"):
                while k < bytes.count, bytes[k] != 0x0A { k += 1 }
            case UInt8(ascii: "\""):
                inString = true
                k += 1
            case UInt8(ascii: "("):
                depth += 1
                k += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if let last = interpolations.last, last == depth {
                    interpolations.removeLast()
                    inString = true
                }
                k += 1
            case _ where isWordStart(byte):
                let start = k
                while k < bytes.count, isWordByte(bytes[k]) || (bytes[k] == UInt8(ascii: ":") && k + 1 < bytes.count && bytes[k + 1] == UInt8(ascii: ":")) {
                    k += bytes[k] == UInt8(ascii: ":") ? 2 : 1
                }
                let word = String(decoding: bytes[start..<k], as: UTF8.self)
                guard wanted.contains(word) else { continue }
                if start > 0, bytes[start - 1] == UInt8(ascii: ".") || bytes[start - 1] == UInt8(ascii: "$") { continue }
                if isObjectKey(bytes, after: k) { continue }
                found.append(word)
            default:
                k += 1
            }
        }
        return found
    }

    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isWordStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// True when the next non-blank byte after `k` is a single `:`.
    private static func isObjectKey(_ bytes: [UInt8], after k: Int) -> Bool {
        var j = k
        while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return false }
        return !(j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: ":"))
    }
}
