/// Works out line and column of byte offsets by reading the files again. Only references that do
/// not resolve need a position, so the hot path stores an offset and this runs once at the end.
enum PositionFinder {
    static func locate(_ requests: [(file: String, offset: Int)]) -> [(line: Int, column: Int)] {
        var results = Array(repeating: (line: 0, column: 0), count: requests.count)
        let byFile = Dictionary(grouping: requests.indices, by: { requests[$0].file })
        for (file, indices) in byFile {
            let sorted = indices.sorted { requests[$0].offset < requests[$1].offset }
            guard let source = try? ByteSource(path: file) else { continue }
            defer { source.close() }
            let chunk = 1 << 20
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
            defer { buffer.deallocate() }
            var line = 1, column = 1, position = 0, next = 0
            reading: while next < sorted.count {
                guard let count = try? source.read(into: buffer, count: chunk), count > 0 else { break }
                for k in 0..<count {
                    while next < sorted.count, requests[sorted[next]].offset == position {
                        results[sorted[next]] = (line, column)
                        next += 1
                    }
                    if next == sorted.count { break reading }
                    let byte = buffer[k]
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                    position += 1
                }
            }
        }
        return results
    }
}
