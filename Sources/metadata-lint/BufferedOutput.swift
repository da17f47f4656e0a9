import Foundation

/// Collects output and writes it in large blocks: one write per result would dominate the time.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let handle: FileHandle
    private let limit = 1 << 16

    init(_ handle: FileHandle = .standardOutput) {
        self.handle = handle
        buffer.reserveCapacity(limit + 4096)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
