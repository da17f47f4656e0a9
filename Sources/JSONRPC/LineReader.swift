#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-delimited messages (MCP's stdio transport) with blocking reads: an idle server
/// sleeps in `read`. A trailing CR is dropped and blank lines are skipped; a line longer than the
/// limit is skipped whole and reported.
public final class LineReader {
    public enum Event: Equatable {
        case message([UInt8])
        case malformed(String)
        case end
    }

    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var scanned = 0
    private var atEnd = false
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    public init(fd: Int32, maxLineBytes: Int = 256 << 20) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
    }

    public func next() -> Event {
        var skipping = false
        while true {
            while scanned < buffer.count {
                if buffer[scanned] == 0x0A {
                    var end = scanned
                    if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                    let line = Array(buffer[position..<end])
                    position = scanned + 1
                    scanned = position
                    if skipping || line.count > maxLineBytes {
                        return .malformed("a message longer than \(maxLineBytes) bytes was skipped")
                    }
                    if line.isEmpty { continue }
                    return .message(line)
                }
                scanned += 1
            }
            if scanned - position > maxLineBytes {
                skipping = true
                position = scanned
            }
            if position > 0 {
                buffer.removeFirst(position)
                scanned -= position
                position = 0
            }
            guard fill() else {
                if !skipping, position < buffer.count {
                    let line = Array(buffer[position...])
                    position = buffer.count
                    scanned = position
                    return .message(line)
                }
                return .end
            }
        }
    }

    private func fill() -> Bool {
        if atEnd { return false }
        while true {
            let got = chunk.withUnsafeMutableBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return -1 }
                return read(fd, base, pointer.count)
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 {
                atEnd = true
                return false
            }
            buffer.append(contentsOf: chunk[0..<got])
            return true
        }
    }
}
