import LintSource

/// A whole JSON text read into a positioned tree, for inputs other than metadata (baselines,
/// mapping files): the same strict reader, without the diagnostics pipeline.
public enum JSONDocument {
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(JSONSyntaxError) -> JSONNode {
        var scanner = JSONScanner(maxDepth: maxDepth)
        let result: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try scanner.scanDocument(buffer)
                guard let base = buffer.baseAddress else { return .failure(JSONSyntaxError(.empty, at: 0)) }
                return .success(JSONTreeBuilder.build(scanner.tape, base))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
