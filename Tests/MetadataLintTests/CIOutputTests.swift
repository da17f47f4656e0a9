import Foundation
import Testing
@testable import JQ
@testable import MetadataLint
@testable import LintReport
@testable import LintRules

@Suite struct CIOutputTests {
    @Test func githubEscapingWorksOnScalarsSoCRLFCannotSlipThrough() {
        // "\r\n" is one Character: matching Characters against "\r" and "\n" would miss it.
        #expect(GitHubRenderer.escapeData("a\r\n::error::x") == "a%0D%0A::error::x")
        #expect(GitHubRenderer.escapeData("a\rb\nc%") == "a%0Db%0Ac%25")
        #expect(GitHubRenderer.escapeProperty("d:/a,b\r\n.json") == "d%3A/a%2Cb%0D%0A.json")
        #expect(GitHubRenderer.escapeData("é, 😀: ok") == "é, 😀: ok")
    }

    @Test func theStderrReportIsInsideStopCommands() throws {
        let wrapped = GitHubRenderer.inert("a\n::error::forged\n")
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let token = try #require(lines.first?.dropFirst("::stop-commands::".count))
        #expect(lines[0].hasPrefix("::stop-commands::") && token.count >= 16)
        #expect(lines[3] == "::\(token)::")
        let unterminated = GitHubRenderer.inert("x").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(unterminated.count == 4 && unterminated[1] == "x" && unterminated[3] == "")
        #expect(GitHubRenderer.inert("") == "")
        #expect(GitHubRenderer.inert("x") != GitHubRenderer.inert("x"), "a fresh token every time")
    }

    @Test func sarifURIsArePercentEncodedReferences() {
        #expect(SARIFRenderer.uri("dir/a b.json") == "dir/a%20b.json")
        #expect(SARIFRenderer.uri("./x/100%#?.json") == "x/100%25%23%3F.json")
        #expect(SARIFRenderer.uri("/abs/café.json") == "file:///abs/caf%C3%A9.json")
        #expect(SARIFRenderer.uri("c:d.json") == "c%3Ad.json")
        #expect(SARIFRenderer.uri("<stdin>") == "%3Cstdin%3E")
    }

    static func diagnostic(_ severity: Severity, line: Int, pointer: String = "/p") -> Diagnostic {
        Diagnostic(file: "a.json", line: line, column: 1, pointer: pointer, severity: severity, rule: "unknown-key", message: "m")
    }

    @Test func aCappedRunKeepsTheMostSevereAndCountsTheRest() throws {
        let diagnostics = [Self.diagnostic(.note, line: 1), Self.diagnostic(.warning, line: 2),
                           Self.diagnostic(.error, line: 3), Self.diagnostic(.warning, line: 4),
                           Self.diagnostic(.error, line: 5)]
        #expect(SARIFRenderer.mostSevere(diagnostics, limit: 3) == [1, 2, 4])
        #expect(SARIFRenderer.mostSevere(diagnostics, limit: 9) == [0, 1, 2, 3, 4])
        let text = SARIFRenderer(maxResults: 3).render(diagnostics, rules: Rules.all)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let lines = (run["results"] as? [[String: Any]])?.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { ($0["region"] as? [String: Any])?["startLine"] as? Int }
        }
        #expect(lines == [2, 3, 5])
        let notice = try #require(((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])?.first)
        let counts = try #require(notice["properties"] as? [String: Int])
        #expect(counts == ["omittedResults": 2, "omittedErrors": 0, "omittedWarnings": 1, "omittedNotes": 1])
    }

    @Test func fingerprintsDependOnRuleFilePointerAndOccurrenceNotLines() {
        let a = SARIFRenderer.fingerprints([Self.diagnostic(.error, line: 3), Self.diagnostic(.error, line: 9)])
        let b = SARIFRenderer.fingerprints([Self.diagnostic(.error, line: 30), Self.diagnostic(.error, line: 90)])
        #expect(a == b)
        #expect(a[0] != a[1], "the second occurrence of the same rule, file and pointer differs")
        #expect(a[0] == StableHash.hex("unknown-key\u{0}a.json\u{0}/p\u{0}0"))
        #expect(StableHash.hex("") == "cbf29ce484222325")
    }

    @Test func libjqVersionFromHomebrewPathsAndDpkg() {
        #expect(LibJQVersion.homebrewVersion(path: "/opt/homebrew/Cellar/jq/1.7.1/lib/libjq.1.dylib") == "1.7.1")
        #expect(LibJQVersion.homebrewVersion(path: "/usr/lib/x86_64-linux-gnu/libjq.so.1.0.4") == nil)
        let status = """
        Package: libjq1-doc
        Status: install ok installed
        Version: 9.9

        Package: libjq1
        Status: deinstall ok config-files
        Architecture: i386
        Version: 1.5-1

        Package: libjq1
        Status: install ok installed
        Architecture: amd64
        Version: 1.6-2.1+deb12u3

        """
        #expect(LibJQVersion.dpkgVersion(package: "libjq1", status: status) == "1.6-2.1+deb12u3")
        #expect(LibJQVersion.dpkgVersion(package: "libjq", status: status) == nil)
        #expect(LibJQVersion.upstream("1.6-2.1+deb12u3") == "1.6")
        #expect(LibJQVersion.upstream("1:1.7.1-3") == "1.7.1")
        #expect(LibJQVersion.upstream("1.7") == "1.7")
    }

    @Test func theLoadedLibjqIsFound() throws {
        let path = try #require(LibJQVersion.loadedLibraryPath())
        #expect(path.contains("libjq"))
        #expect(MetadataLintVersion.withLibraries.hasPrefix(MetadataLintVersion.current + " (libjq "))
    }
}
