// swift-tools-version:6.0
// libFuzzer harnesses for metadata-lint, built by `make fuzz` with -sanitize=fuzzer,address.
// A package of its own, so that the main build never links libFuzzer.
import PackageDescription

let package = Package(
    name: "metadata-lint-fuzz",
    dependencies: [.package(name: "metadata-lint", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "metadata-lint-fuzz",
            dependencies: ["CFuzzDriver", .product(name: "MetadataLint", package: "metadata-lint")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
