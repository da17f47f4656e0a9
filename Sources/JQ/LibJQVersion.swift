import CJQ
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which libjq this process loaded, and its version, for `--version`.
///
/// libjq has no version function: jq 1.6's jq.h and jv.h declare none, and libjq.so.1 exports
/// none. So the version comes from where the loaded library lives: a Homebrew Cellar path names
/// it, and dpkg's database knows the version of Debian's and Ubuntu's libjq1. The library is the
/// one loaded at run time, not the one built against: a portable binary reports the user's.
public enum LibJQVersion {
    /// "1.6, Debian package 1.6-2.1+deb12u3", "1.7.1, Homebrew", or the path when unknown.
    public static func describe() -> String {
        guard let path = loadedLibraryPath() else { return "version unknown" }
        let resolved = resolvingLinks(path)
        if let version = homebrewVersion(path: resolved) {
            return "\(version), Homebrew"
        }
        if resolved.hasPrefix("/usr/lib/") || resolved.hasPrefix("/lib/"),
           let status = try? String(contentsOfFile: "/var/lib/dpkg/status", encoding: .utf8),
           let version = dpkgVersion(package: "libjq1", status: status) {
            return "\(upstream(version)), Debian package \(version)"
        }
        return "version unknown, \(resolved)"
    }

    /// The file libjq was loaded from, as the dynamic linker records it for `jq_init`. `dladdr`
    /// is looked up at run time because Swift's Glibc module hides it (it is a GNU extension).
    static func loadedLibraryPath() -> String? {
        typealias Dladdr = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Int32
        guard let process = dlopen(nil, RTLD_LAZY) else { return nil }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "dladdr") else { return nil }
        // Dl_info is four pointers on glibc and Darwin: file name, file base, symbol name, symbol address.
        var info: (UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeRawPointer?) = (nil, nil, nil, nil)
        let function: @convention(c) () -> OpaquePointer? = jq_init
        let found = withUnsafeMutablePointer(to: &info) {
            unsafeBitCast(symbol, to: Dladdr.self)(unsafeBitCast(function, to: UnsafeRawPointer.self), $0)
        }
        guard found != 0, let name = info.0 else { return nil }
        return String(cString: name)
    }

    /// `realpath(3)`: the file a chain of symbolic links ends at.
    static func resolvingLinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `/opt/homebrew/Cellar/jq/1.7.1/lib/libjq.1.dylib` → `1.7.1`.
    static func homebrewVersion(path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let cellar = parts.firstIndex(of: "Cellar"), cellar + 2 < parts.count,
              parts[cellar + 1] == "jq" else { return nil }
        return String(parts[cellar + 2])
    }

    /// The version of an installed package in dpkg's status file (stanzas of `Key: value` lines,
    /// separated by blank lines).
    static func dpkgVersion(package: String, status: String) -> String? {
        var rest = Substring(status)
        while let found = rest.range(of: "Package: \(package)\n") {
            let start = found.lowerBound
            let atLineStart = start == status.startIndex || status[status.index(before: start)] == "\n"
            let end = rest[start...].range(of: "\n\n")?.lowerBound ?? rest.endIndex
            let lines = rest[start..<end].split(separator: "\n")
            if atLineStart, lines.contains(where: { $0.hasPrefix("Status: ") && $0.hasSuffix(" installed") }),
               let version = lines.first(where: { $0.hasPrefix("Version: ") }) {
                return String(version.dropFirst("Version: ".count))
            }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    /// Debian's `[epoch:]upstream[-revision]` → upstream.
    static func upstream(_ version: String) -> String {
        var text = Substring(version)
        if let colon = text.firstIndex(of: ":") { text = text[text.index(after: colon)...] }
        if let dash = text.lastIndex(of: "-") { text = text[..<dash] }
        return String(text)
    }
}
