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
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CJQ", path: "Sources/CJQ"),
        // Guarded libjq calls, budgets and large stacks (C: setjmp, signals, pthreads).
        .target(name: "CJQGuard", dependencies: ["CJQ"]),
        .target(name: "JQ", dependencies: ["CJQ", "CJQGuard"]),
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
