import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// The metadata an extractor wrote beside its data: the SDK's local development mode saves what it
/// pushes as `extractor_external_domain_metadata_<ms>.json`. Such files are metadata, not records.
extension ArtifactFiles {
    struct MetadataCopy {
        var path: String
        /// The milliseconds in the name (the run that wrote it); -1 when the name has none.
        var number: Int64
    }

    /// The files whose item type, by name, is external_domain_metadata, oldest first.
    static func metadataCopies(_ files: [File]) -> [MetadataCopy] {
        let resolver = ItemTypeResolver(recordTypes: [])
        return files.compactMap { file -> MetadataCopy? in
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            guard resolver.resolve(fileName: name) == "external_domain_metadata" else { return nil }
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            let digits = stem.split(separator: "_").last.map(String.init) ?? ""
            return MetadataCopy(path: file.path, number: digits.allSatisfy(\.isNumber) ? Int64(digits) ?? -1 : -1)
        }.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
    }

    /// A metadata document, decompressed when it is gzip (an uploaded artifact).
    static func readDocument(_ path: String) throws(InputError) -> SourceFile {
        let source = try ByteSource(path: path)
        defer { source.close() }
        guard source.isGzip else { return try InputFile.read(path) }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        while true {
            let count = try source.read(into: buffer, count: chunk)
            if count <= 0 { break }
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        }
        return SourceFile(path: path, bytes: bytes)
    }

    /// check-artifacts without --metadata, on paths holding no metadata copy: a usage error.
    static func noMetadata(in paths: [String]) -> InputError {
        InputError(path: paths.joined(separator: " "),
                   reason: "no --metadata given, and no extractor_external_domain_metadata_<ms>.json here to use: pass --metadata external_domain_metadata.json")
    }
}
