import LintSource
import LintSupport

/// Turns a scanned string (already validated by `JSONScanner`) into a Swift String.
public enum JSONStringDecoder {
    /// Decodes the string whose tape entry spans `entry.start ..< entry.end`, quotes included.
    public static func decode(_ base: UnsafePointer<UInt8>, _ entry: TapeEntry) -> String {
        let contentStart = entry.start + 1
        let contentEnd = entry.end - 1
        if !entry.has(TapeEntry.stringHasEscapes) {
            return String(decoding: UnsafeBufferPointer(start: base + contentStart, count: contentEnd - contentStart),
                          as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contentEnd - contentStart)
        var k = contentStart
        var pendingHighSurrogate: UInt32? = nil
        while k < contentEnd {
            let b = base[k]
            guard b == UInt8(ascii: "\\") else {
                flush(&pendingHighSurrogate, into: &bytes)
                bytes.append(b)
                k += 1
                continue
            }
            let code = base[k + 1]
            k += 2
            if code == UInt8(ascii: "u") {
                var scalar: UInt32 = 0
                for n in 0..<4 { scalar = scalar << 4 | (JSONScanner.hexValue(base[k + n]) ?? 0) }
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    flush(&pendingHighSurrogate, into: &bytes)
                    pendingHighSurrogate = scalar
                } else if (0xDC00...0xDFFF).contains(scalar), let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    append(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00), to: &bytes)
                } else {
                    flush(&pendingHighSurrogate, into: &bytes)
                    append(scalar, to: &bytes)
                }
                continue
            }
            flush(&pendingHighSurrogate, into: &bytes)
            switch code {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            default: bytes.append(code)
            }
        }
        flush(&pendingHighSurrogate, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A lone surrogate cannot be represented in UTF-8; it becomes U+FFFD as in most decoders.
    private static func flush(_ pending: inout UInt32?, into bytes: inout [UInt8]) {
        if pending != nil {
            append(0xFFFD, to: &bytes)
            pending = nil
        }
    }

    private static func append(_ scalarValue: UInt32, to bytes: inout [UInt8]) {
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        bytes.append(contentsOf: String(scalar).utf8)
    }
}
