// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "metadata-lint",
    products: [
        .executable(name: "metadata-lint", targets: ["metadata-lint"]),
        .library(name: "MetadataLint", targets: ["MetadataLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Homebrew's jq (1.7 and later) ships libjq.pc, which SwiftPM needs on Apple silicon, where
        // /opt/homebrew is not searched by default. Debian's libjq-dev (jq 1.6) has none: naming it
        // there would print a warning on every build, so the pkg-config name is for macOS only.
        .systemLibrary(name: "CJQ", path: "Sources/CJQ", pkgConfig: { () -> String? in
            #if os(macOS)
            return "libjq"
            #else
            return nil
            #endif
        }(), providers: [.brew(["jq"]), .apt(["libjq-dev"])]),
        .target(name: "JQ", dependencies: ["CJQ"]),
        .target(
            name: "MetadataLint",
            dependencies: ["CZlib", "JQ", .product(name: "Yams", package: "Yams")],
            // The checker's hot loop touches class fields; dynamic exclusivity checks cost ~5% there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "metadata-lint",
            dependencies: [
                "MetadataLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MetadataLintTests",
            dependencies: ["MetadataLint", "JQ"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
