import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// Shortcuts taken on the checker's hot path must answer exactly what the slow way answers.
@Suite struct HotPathTests {
    @Test func shortDecimalsParseAsStrtodDoes() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<20_000 {
            let digits = 1 + random.below(15)
            var text = random.below(2) == 0 ? "-" : ""
            let point = random.below(digits)
            for d in 0..<digits {
                text += String(random.below(10))
                if d == point { text += "." }
            }
            if text.hasSuffix(".") { text += "0" }
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { RecordChecker.shortDecimal($0.baseAddress.unsafelyUnwrapped, $0.count) }
            if bytes.filter({ $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }).count <= 15 {
                #expect(fast == Double(text), "\(text)")
            } else {
                #expect(fast == nil, "\(text)")
            }
        }
        for text in ["1e5", "1.5E-3", "12", "1234567890.1234567", "0.1000000000000000055511151231257827"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { RecordChecker.shortDecimal($0.baseAddress.unsafelyUnwrapped, $0.count) } == nil, "\(text)")
        }
    }

    @Test(arguments: [
        ("don:core:dvrv-us-1:devo/1:artifact/1", true),
        ("don:core:p:devo/abc:artifact/xyz", true),
        ("don:core::devo/1:artifact/1", false),
        ("don:core:p:devo/:artifact/1", false),
        ("don:core:p:devo/1:artifact/", false),
        ("don:core:p:devo/1:artifact/1:x", false),
        ("don:core:p:devo/1", false),
        ("dom:core:p:devo/1:artifact/1", false),
        ("artifact-1", false),
        ("", false),
    ])
    func artifactDONs(text: String, valid: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { RecordChecker.isArtifactDON($0) } == valid)
    }
}
