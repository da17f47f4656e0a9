import Foundation
import Logging
import MCP

/// MCP's stdio transport (one JSON-RPC message per line) with a blocking reader thread: an idle
/// server sleeps in `read` rather than polling, standard input is left in blocking mode, and the
/// end of input ends the message stream so the server exits, once the requests already read
/// have been answered.
actor LineTransport: Transport {
    nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var started = false
    private let pending = PendingRequests()
    /// A line longer than this is dropped (and reported) instead of growing memory without end.
    static let maxLineBytes = 256 << 20

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, logger: Logger) {
        self.input = input
        self.output = output
        self.logger = logger
        (messages, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    func connect() async throws {
        guard !started else { return }
        started = true
        let thread = Thread { [input, continuation, logger, pending] in
            LineTransport.readLines(from: input, logger: logger) { line in
                pending.received(line)
                continuation.yield(line)
            }
            pending.waitUntilAnswered(timeout: 10)
            continuation.finish()
        }
        thread.name = "metadata-lint.mcp.reader"
        thread.start()
    }

    func disconnect() async {
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        defer { pending.sent(data) }
        var frame = [UInt8](data)
        frame.append(0x0A)
        var offset = 0
        while offset < frame.count {
            let written = frame.withUnsafeBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return -1 }
                return write(output, base + offset, frame.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            offset += written
        }
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        messages
    }

    /// Calls `line` with each non-empty line (without CR LF) until the end of input.
    static func readLines(from fd: Int32, logger: Logger, line: (Data) -> Void) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var dropping = false
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return -1 }
                return read(fd, base, pointer.count)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            var start = 0
            for k in 0..<count where chunk[k] == 0x0A {
                if dropping {
                    dropping = false
                } else {
                    pending.append(contentsOf: chunk[start..<k])
                    if pending.last == 0x0D { pending.removeLast() }
                    if !pending.isEmpty { line(Data(pending)) }
                }
                pending.removeAll(keepingCapacity: true)
                start = k + 1
            }
            if !dropping { pending.append(contentsOf: chunk[start..<count]) }
            if pending.count > maxLineBytes {
                logger.error("dropping a message longer than \(maxLineBytes) bytes")
                pending.removeAll()
                dropping = true
            }
        }
        if !dropping, !pending.isEmpty { line(Data(pending)) }
    }
}

/// The ids of requests read but not yet answered, so that the end of input does not cut off a
/// reply. Only the envelope (`id`, `method`, `result`, `error`) is decoded.
final class PendingRequests: @unchecked Sendable {
    private struct Envelope: Decodable {
        var id: ID?
        var method: String?
    }

    private let condition = NSCondition()
    private var ids: Set<ID> = []

    func received(_ line: Data) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: line), let id = envelope.id,
              envelope.method != nil else { return }
        condition.lock()
        ids.insert(id)
        condition.unlock()
    }

    func sent(_ message: Data) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: message), let id = envelope.id,
              envelope.method == nil else { return }
        condition.lock()
        ids.remove(id)
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilAnswered(timeout seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        while !ids.isEmpty && condition.wait(until: deadline) {}
        condition.unlock()
    }
}
