import CFuzzDriver
import Foundation
import MetadataLint

// metadata-lint-fuzz HARNESS [libFuzzer flags] [CORPUS...]: runs one of FuzzEntryPoints' harnesses
// under libFuzzer (built with -sanitize=fuzzer,address by `make fuzz`, from the repository root).
// The harness name is passed on in FUZZ_HARNESS, because libFuzzer starts copies of this program
// (for -merge, -fork) with its own flags only.
var arguments = CommandLine.arguments
if arguments.count >= 2, FuzzEntryPoints.names.contains(arguments[1]) {
    setenv("FUZZ_HARNESS", arguments[1], 1)
    arguments.remove(at: 1)
}
guard let chosen = ProcessInfo.processInfo.environment["FUZZ_HARNESS"], FuzzEntryPoints.names.contains(chosen) else {
    FileHandle.standardError.write(Data("usage: metadata-lint-fuzz \(FuzzEntryPoints.names.joined(separator: "|")) [libFuzzer flags] [corpus...]\n".utf8))
    exit(2)
}
nonisolated(unsafe) let harness = chosen
nonisolated(unsafe) let fixtures = FileManager.default.currentDirectoryPath + "/fixtures"

var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
var argc = Int32(arguments.count)
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        if let disagreement = FuzzEntryPoints.run(harness, UnsafeRawBufferPointer(start: data, count: size), fixtures: fixtures) {
            // A finding of the fuzzer like a crash: libFuzzer keeps the input.
            FileHandle.standardError.write(Data((disagreement + "\n").utf8))
            abort()
        }
        return 0
    }
}
exit(status)
