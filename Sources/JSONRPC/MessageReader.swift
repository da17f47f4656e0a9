#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads LSP base-protocol messages (`Content-Length: N\r\n\r\n` + N bytes) from a file
/// descriptor with blocking reads, so an idle server sleeps in `read` instead of polling.
///
/// Framing errors never stop the stream: a header block without a usable Content-Length is
/// reported and the reader resynchronises on the next `Content-Length:` it sees.
public final class MessageReader {
    public enum Event: Equatable {
        case message([UInt8])
        /// A header block or body that cannot be used; the reason is for the error reply.
        case malformed(String)
        /// End of input (the client closed the pipe or went away).
        case end
    }

    private let fd: Int32
    private let maxMessageBytes: Int
    private static let maxHeaderBytes = 16 * 1024
    private static let chunk = 64 * 1024
    private var buffer: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: MessageReader.chunk)
    private var position = 0
    private var atEnd = false
    /// After a bad header block: skip input up to the next "Content-Length:".
    private var resynchronising = false

    public init(fd: Int32, maxMessageBytes: Int = 256 << 20) {
        self.fd = fd
        self.maxMessageBytes = maxMessageBytes
    }

    public func next() -> Event {
        while true {
            if resynchronising {
                guard skipToNextHeader() else { return .end }
                resynchronising = false
            }
            guard let header = readHeaderBlock() else { return .end }
            let length: Int
            switch header {
            case .failure(let reason):
                resynchronising = true
                return .malformed(reason)
            case .success(let value):
                length = value
            }
            if length > maxMessageBytes {
                guard discard(length) else { return .end }
                return .malformed("message of \(length) bytes is larger than the limit of \(maxMessageBytes) bytes")
            }
            guard let body = readBody(length) else { return .end }
            return .message(body)
        }
    }

    // MARK: - Headers

    private enum HeaderOutcome {
        case success(Int)
        case failure(String)
    }

    /// Reads header lines up to the blank line; nil at end of input.
    private func readHeaderBlock() -> HeaderOutcome? {
        var contentLength: Int? = nil
        var problem: String? = nil
        var headerBytes = 0
        var sawHeader = false
        while true {
            guard let line = readLine(limit: Self.maxHeaderBytes - headerBytes) else {
                if atEnd { return nil }
                return .failure("header block longer than \(Self.maxHeaderBytes) bytes")
            }
            headerBytes += line.count + 2
            if line.isEmpty {
                if !sawHeader { continue }  // stray blank lines between messages
                break
            }
            sawHeader = true
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else {
                problem = problem ?? "header line without a colon: \(Self.excerpt(text))"
                continue
            }
            let name = text[..<colon].trimmingSpaces().lowercased()
            let value = text[text.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                if let parsed = Int(value), parsed >= 0 {
                    contentLength = parsed
                } else {
                    problem = problem ?? "Content-Length is not a non-negative integer: \(Self.excerpt(value))"
                }
            }
        }
        if let problem { return .failure(problem) }
        guard let contentLength else { return .failure("header block without a Content-Length") }
        return .success(contentLength)
    }

    /// One line without its CR LF (a bare LF is accepted); nil at end of input or past `limit`.
    private func readLine(limit: Int) -> [UInt8]? {
        var scanned = position
        while true {
            while scanned < buffer.count {
                if buffer[scanned] == 0x0A {
                    var end = scanned
                    if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                    let line = Array(buffer[position..<end])
                    position = scanned + 1
                    return line
                }
                scanned += 1
                if scanned - position > limit {
                    position = scanned
                    return nil
                }
            }
            let offset = scanned - position
            guard fill() else { return nil }
            scanned = position + offset
        }
    }

    /// Drops input up to the next "Content-Length:" header; false at end of input.
    private func skipToNextHeader() -> Bool {
        let marker = Array("Content-Length:".utf8)
        while true {
            if let found = find(marker) {
                position = found
                return true
            }
            // Keep a tail that may hold the start of the marker.
            position = max(position, buffer.count - marker.count)
            guard fill() else { return false }
        }
    }

    private func find(_ marker: [UInt8]) -> Int? {
        guard buffer.count - position >= marker.count else { return nil }
        var k = position
        while k + marker.count <= buffer.count {
            if buffer[k] == marker[0], Array(buffer[k..<(k + marker.count)]) == marker { return k }
            k += 1
        }
        return nil
    }

    // MARK: - Body

    private var available: Int { buffer.count - position }

    private func readBody(_ count: Int) -> [UInt8]? {
        while available < count {
            guard fill(wanting: count - available) else { return nil }
        }
        let body = Array(buffer[position..<(position + count)])
        position += count
        return body
    }

    private func discard(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if available == 0, !fill() { return false }
            let taken = min(left, available)
            position += taken
            left -= taken
        }
        return true
    }

    /// Reads more input (at most `chunk` bytes, appending only what arrived); false at end of
    /// input or on a read error. `wanting` reserves room for a large body up front.
    private func fill(wanting: Int = 0) -> Bool {
        if atEnd { return false }
        if position > 0 && (position == buffer.count || position > 1 << 20) {
            buffer.removeFirst(position)
            position = 0
        }
        if wanting > 0 { buffer.reserveCapacity(buffer.count + wanting) }
        var got = 0
        while true {
            got = scratch.withUnsafeMutableBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return -1 }
                return read(fd, base, pointer.count)
            }
            if got < 0 && errno == EINTR { continue }
            break
        }
        if got <= 0 {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: scratch[0..<got])
        return true
    }

    private static func excerpt(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
