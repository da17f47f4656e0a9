import CFuzzDriver
import Foundation
import MetadataLint

// metadata-lint-fuzz HARNESS [libFuzzer flags] [CORPUS...]: runs one of FuzzEntryPoints' harnesses
// under libFuzzer (built with -sanitize=fuzzer,address by `make fuzz`, from the repository root).
let arguments = CommandLine.arguments
guard arguments.count >= 2, FuzzEntryPoints.names.contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: metadata-lint-fuzz \(FuzzEntryPoints.names.joined(separator: "|")) [libFuzzer flags] [corpus...]\n".utf8))
    exit(2)
}
nonisolated(unsafe) var harness = arguments[1]
nonisolated(unsafe) var fixtures = FileManager.default.currentDirectoryPath + "/fixtures"

// libFuzzer sees the program name and everything after the harness name.
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var cStrings: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
var argc = Int32(driverArguments.count)
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzEntryPoints.run(harness, UnsafeRawBufferPointer(start: data, count: size), fixtures: fixtures)
        return 0
    }
}
exit(status)
