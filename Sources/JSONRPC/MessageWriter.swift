import Foundation

/// Writes framed messages to a file descriptor. Safe to call from any thread; a failed write
/// (the client went away) makes every later send return false.
public final class MessageWriter: @unchecked Sendable {
    public enum Framing: Sendable {
        /// LSP's base protocol: `Content-Length: N` CR LF CR LF, then the body.
        case contentLength
        /// MCP's stdio transport: one message per line (JSON text never holds a raw line break).
        case newline
    }

    private let fd: Int32
    private let framing: Framing
    private let lock = NSLock()
    private var broken = false

    public init(fd: Int32, framing: Framing = .contentLength) {
        self.fd = fd
        self.framing = framing
    }

    @discardableResult
    public func send(_ message: JSONValue) -> Bool {
        let body = message.serialized()
        var frame: [UInt8]
        switch framing {
        case .contentLength:
            frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
            frame.append(contentsOf: body)
        case .newline:
            frame = body
            frame.append(0x0A)
        }
        lock.lock()
        defer { lock.unlock() }
        guard !broken else { return false }
        var offset = 0
        while offset < frame.count {
            let written = frame.withUnsafeBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return -1 }
                return write(fd, base + offset, frame.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                broken = true
                return false
            }
            offset += written
        }
        return true
    }
}
