import Foundation
import Testing
@testable import JSONRPC
@testable import LanguageServer

/// Framing over a real pipe: split and joined writes, bad headers, oversized bodies, end of input.
@Suite struct MessageReaderTests {
    func events(_ chunks: [String], maxMessageBytes: Int = 1 << 20) -> [MessageReader.Event] {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let feeder = Thread {
            for chunk in chunks { writer.write(Data(chunk.utf8)) }
            try? writer.close()
        }
        feeder.start()
        let reader = MessageReader(fd: pipe.fileHandleForReading.fileDescriptor, maxMessageBytes: maxMessageBytes)
        var found: [MessageReader.Event] = []
        while true {
            let event = reader.next()
            found.append(event)
            if event == .end { return found }
        }
    }

    func message(_ text: String) -> MessageReader.Event { .message(Array(text.utf8)) }

    @Test func joinedAndSplitMessages() {
        let found = events(["Content-Length: 2\r\n\r\n{}Content-Length: 4\r\n", "Content-Type: x\r\n\r\nnu", "ll"])
        #expect(found == [message("{}"), message("null"), .end])
    }

    @Test func badHeadersResynchronise() {
        let found = events(["Content-Length: -3\r\n\r\n{}junk\r\n\r\nContent-Length: 2\r\n\r\n[]", "X: y\r\n\r\n"])
        #expect(found == [
            .malformed("Content-Length is not a non-negative integer: -3"), message("[]"),
            .malformed("header block without a Content-Length"), .end,
        ])
    }

    @Test func oversizedBodiesAreSkipped() {
        let body = String(repeating: "x", count: 100)
        let found = events(["Content-Length: 100\r\n\r\n\(body)Content-Length: 2\r\n\r\n{}"], maxMessageBytes: 50)
        #expect(found == [.malformed("message of 100 bytes is larger than the limit of 50 bytes"), message("{}"), .end])
    }

    @Test func endOfInputInsideABody() {
        #expect(events(["Content-Length: 10\r\n\r\n{\"a\""]) == [.end])
        #expect(events([]) == [.end])
    }
}
