import Foundation
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("fixtures").appendingPathComponent(relative)
    }

    static func validate(_ text: String, path: String = "test.json") -> [Diagnostic] {
        MetadataValidator().validate(SourceFile(path: path, bytes: Array(text.utf8))).diagnostics
    }

    static func validate(bytes: [UInt8]) -> [Diagnostic] {
        MetadataValidator().validate(SourceFile(path: "test.json", bytes: bytes)).diagnostics
    }

    static func validateFile(_ url: URL) throws -> [Diagnostic] {
        let source = try InputFile.read(url.path)
        return MetadataValidator().validate(source).diagnostics
    }

    /// A new empty directory under the system's temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// "rule@line:column" for compact assertions.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.rule)@\($0.line):\($0.column)" }
    }
}
