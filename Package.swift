// swift-tools-version:6.0
import PackageDescription

// The library is split along the pipeline, and each target imports only earlier ones:
//   LintSupport → LintSource → LintJSON → LintModel → LintRules → LintArtifacts → LintReport → MetadataLint
// (JQ, the libjq wrapper, is used from LintRules on). The CLI and the servers call MetadataLint only.
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
        // Guarded libjq calls, budgets and large stacks (C: setjmp, signals, pthreads).
        .target(name: "CJQGuard", dependencies: ["CJQ"]),
        .target(name: "JQ", dependencies: ["CJQ", "CJQGuard"]),
        // Hashing, suggestions, date syntax: no knowledge of the format.
        .target(name: "LintSupport"),
        // Input bytes, line index, byte offsets → line and column.
        .target(name: "LintSource", dependencies: ["LintSupport"]),
        // SSE2 byte classification for the scanners (static inline C: Swift cannot gather lane bits).
        .target(name: "CByteScan"),
        // The positioned JSON scanner, tape and tree.
        .target(name: "LintJSON", dependencies: ["LintSource", "LintSupport", "CByteScan"]),
        // The typed metadata model.
        .target(name: "LintModel", dependencies: ["LintJSON", "LintSource"]),
        // Every rule (one file each), the readers that report structural rules, the registry.
        .target(name: "LintRules", dependencies: ["LintModel", "LintJSON", "LintSource", "LintSupport", "JQ"]),
        // check-artifacts: streaming records against the model.
        .target(
            name: "LintArtifacts",
            dependencies: ["LintRules", "LintModel", "LintJSON", "LintSource", "LintSupport", "JQ", "CZlib"]
        ),
        // The report: diagnostics, counts, exit code, and the renderers.
        .target(name: "LintReport", dependencies: ["LintRules", "LintJSON", "LintSource", "LintArtifacts"]),
        // Entry points per command, configuration; re-exports the pipeline.
        .target(
            name: "MetadataLint",
            dependencies: [
                "LintSupport", "LintSource", "LintJSON", "LintModel", "LintRules", "LintArtifacts", "LintReport",
                "JQ", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // JSON-RPC 2.0 for both servers: values, message envelopes, Content-Length and line framing.
        .target(name: "JSONRPC", dependencies: ["MetadataLint"]),
        // `metadata-lint lsp`: LSP 3.17 handlers, documents, UTF-16 positions.
        .target(name: "LanguageServer", dependencies: ["MetadataLint", "JSONRPC"]),
        // `metadata-lint mcp`: Model Context Protocol tools for coding agents.
        .target(name: "AgentServer", dependencies: ["MetadataLint", "JQ", "JSONRPC"]),
        .executableTarget(
            name: "metadata-lint",
            dependencies: [
                "MetadataLint",
                "LanguageServer",
                "AgentServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MetadataLintTests",
            dependencies: ["MetadataLint", "JQ"]
        ),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "JSONRPC", "MetadataLint"]),
    ],
    swiftLanguageModes: [.v6]
)
