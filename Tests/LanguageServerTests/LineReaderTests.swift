import Foundation
import Testing
@testable import JSONRPC

/// MCP's line framing over a real pipe: CR LF, blank lines, split writes, a last line without a
/// line break, and a line over the limit skipped whole.
@Suite struct LineReaderTests {
    func events(_ chunks: [String], maxLineBytes: Int = 1 << 20) -> [LineReader.Event] {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let feeder = Thread {
            for chunk in chunks { writer.write(Data(chunk.utf8)) }
            try? writer.close()
        }
        feeder.start()
        let reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor, maxLineBytes: maxLineBytes)
        var found: [LineReader.Event] = []
        while true {
            let event = reader.next()
            found.append(event)
            if event == .end { return found }
        }
    }

    func message(_ text: String) -> LineReader.Event { .message(Array(text.utf8)) }

    @Test func linesAcrossWrites() {
        #expect(events(["{\"a\":", "1}\r\n\n\n[2]\n", "null"]) == [message("{\"a\":1}"), message("[2]"), message("null"), .end])
    }

    @Test func overlongLinesAreSkipped() {
        let long = String(repeating: "x", count: 100)
        #expect(events(["\(long)\n{}\n"], maxLineBytes: 10) == [
            .malformed("a message longer than 10 bytes was skipped"), message("{}"), .end,
        ])
    }
}
