import Foundation

/// A progress line on standard error while check-artifacts reads large inputs, only on a terminal.
public final class TerminalProgress: @unchecked Sendable {
    /// Inputs smaller than this finish too fast to need one.
    static let threshold = 8 << 20
    private var shown = false

    /// Nil unless standard error is a terminal.
    public static func onStandardError() -> TerminalProgress? {
        isatty(STDERR_FILENO) != 0 ? TerminalProgress() : nil
    }

    public func update(done: Int, total: Int) {
        guard total > Self.threshold else { return }
        shown = true
        let percent = min(100, done * 100 / max(total, 1))
        FileHandle.standardError.write(Data("\rchecking: \(percent)% of \(total >> 20) MB".utf8))
    }

    /// Clears the line, so the report starts on a clean one.
    public func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
