import Foundation
import Testing
@testable import MetadataLint
@testable import LintReport

/// `ignore` patterns (gitignore-like, relative to the config's directory), config discovery that
/// stops at the repository root, and which inputs a run skips.
@Suite struct IgnorePatternsTests {
    static let base = "/project"

    static func ignored(_ patterns: [String], _ path: String, below root: String? = nil) -> Bool {
        IgnorePatterns(patterns, base: base).matches(base + "/" + path, below: root.map { base + "/" + $0 })
    }

    @Test func aNameWithoutSlashMatchesAtAnyDepth() {
        #expect(Self.ignored(["*.json"], "a.json"))
        #expect(Self.ignored(["*.json"], "deep/er/a.json"))
        #expect(!Self.ignored(["*.json"], "a.jsonl"))
        #expect(Self.ignored(["a.json"], "x/a.json"))
    }

    @Test func aDirectoryNameIgnoresEverythingUnderIt() {
        for pattern in ["vendor", "vendor/", "**/vendor", "vendor/**"] {
            #expect(Self.ignored([pattern], "vendor/a.json"), "\(pattern)")
            #expect(Self.ignored([pattern], "vendor/x/y/a.json"), "\(pattern)")
            #expect(!Self.ignored([pattern], "vendors/a.json"), "\(pattern)")
            #expect(!Self.ignored([pattern], "src/a.json"), "\(pattern)")
        }
        // Unanchored names match nested directories too; `vendor/**` is anchored at the base.
        #expect(Self.ignored(["vendor"], "src/vendor/a.json"))
        #expect(Self.ignored(["vendor/"], "src/vendor/a.json"))
        #expect(Self.ignored(["**/vendor"], "src/vendor/a.json"))
        #expect(!Self.ignored(["vendor/**"], "src/vendor/a.json"))
    }

    @Test func aTrailingSlashMatchesDirectoriesOnly() {
        #expect(!Self.ignored(["data.json/"], "data.json"))
        #expect(Self.ignored(["data.json/"], "data.json/inner.json"))
        #expect(Self.ignored(["data.json"], "data.json"))
    }

    @Test func doubleStarForms() {
        #expect(Self.ignored(["**/generated"], "generated/a.json"))
        #expect(Self.ignored(["**/generated"], "a/b/generated/c.json"))
        #expect(Self.ignored(["build/**"], "build/a.json"))
        #expect(Self.ignored(["build/**"], "build/a/b.json"))
        #expect(!Self.ignored(["build/**"], "build"))
        #expect(Self.ignored(["a/**/b.json"], "a/b.json"))
        #expect(Self.ignored(["a/**/b.json"], "a/x/y/b.json"))
        #expect(!Self.ignored(["a/**/b.json"], "x/a/b.json"))
        #expect(Self.ignored(["**"], "anything/at/all.json"))
    }

    @Test func aLeadingDotSlashAnchorsAsASlashDoes() {
        #expect(Self.ignored(["./generated/"], "generated/a.json"))
        #expect(!Self.ignored(["./generated/"], "src/generated/a.json"))
        #expect(Self.ignored(["./a.json"], "a.json"))
    }

    @Test func aSlashAnchorsAndStarDoesNotCrossIt() {
        #expect(Self.ignored(["data/*.jsonl"], "data/u.jsonl"))
        #expect(!Self.ignored(["data/*.jsonl"], "data/raw/u.jsonl"))
        #expect(!Self.ignored(["data/*.jsonl"], "x/data/u.jsonl"))
        #expect(Self.ignored(["/top.json"], "top.json"))
        #expect(!Self.ignored(["/top.json"], "sub/top.json"))
        #expect(Self.ignored(["test/fixtures/*"], "test/fixtures/a.json"))
        #expect(Self.ignored(["test/*"], "test/fixtures/a.json"), "test/fixtures is a directory test/* matches")
    }

    @Test func characterClassesAndQuestionMarks() {
        #expect(Self.ignored(["users-?.jsonl"], "users-1.jsonl"))
        #expect(!Self.ignored(["users-?.jsonl"], "users-12.jsonl"))
        #expect(Self.ignored(["users-[0-9].jsonl"], "users-7.jsonl"))
        #expect(!Self.ignored(["users-[!0-9].jsonl"], "users-7.jsonl"))
        #expect(Self.ignored(["users-[!0-9].jsonl"], "users-x.jsonl"))
        #expect(Self.ignored(["[]x].json"], "].json"))
        #expect(Self.ignored(["a[.json"], "a[.json"), "an unclosed [ is a literal")
        #expect(Self.ignored(["\\*.json"], "*.json"))
        #expect(!Self.ignored(["\\*.json"], "a.json"))
    }

    @Test func negationTakesBackButNotUnderAnIgnoredDirectory() {
        #expect(!Self.ignored(["*.json", "!keep.json"], "keep.json"))
        #expect(Self.ignored(["*.json", "!keep.json"], "drop.json"))
        #expect(Self.ignored(["*.json", "!keep.json", "keep.json"], "keep.json"), "the last match decides")
        #expect(Self.ignored(["vendor/", "!vendor/keep.json"], "vendor/keep.json"))
        #expect(Self.ignored(["\\!bang.json"], "!bang.json"))
    }

    @Test func pathsOutsideTheBaseMatchNothing() {
        let patterns = IgnorePatterns(["*"], base: "/project")
        #expect(!patterns.matches("/elsewhere/a.json"))
        #expect(!patterns.matches("/projectile/a.json"))
        #expect(patterns.matches("/project/a.json"))
    }

    @Test func theNamedRootAndWhatIsAboveItAreNotTested() {
        #expect(!Self.ignored(["vendor"], "vendor/a.json", below: "vendor"))
        #expect(Self.ignored(["vendor"], "vendor/a.json"))
        #expect(Self.ignored(["vendor"], "src/vendor/a.json", below: "src"))
        #expect(Self.ignored(["*.json"], "vendor/a.json", below: "vendor"))
        #expect(Self.ignored(["build/**"], "build/a.json", below: "build"))
    }

    @Test func patternsThatNameNothingAreConfigErrors() {
        #expect(IgnorePatterns.problem(in: "") != nil)
        #expect(IgnorePatterns.problem(in: "/") != nil)
        #expect(IgnorePatterns.problem(in: "!") != nil)
        #expect(IgnorePatterns.problem(in: "vendor/") == nil)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("ignore: [\"\"]\n", path: "c.yml") }
        do {
            _ = try ConfigLoader.parse("ignore:\n  - ok\n  - \"/\"\n", path: "c.yml")
            Issue.record("a pattern naming nothing was accepted")
        } catch {
            #expect(error.description == "c.yml:3:5: the ignore pattern \"/\" names no file or directory")
        }
    }

    @Test func longPatternsStayLinear() {
        let pattern = String(repeating: "*a", count: 200) + "b"
        let name = String(repeating: "a", count: 250)
        let started = Date()
        #expect(!Self.ignored([pattern], name))
        #expect(!Self.ignored([String(repeating: "**/", count: 200) + "x"], String(repeating: "d/", count: 200) + "y"))
        #expect(Date().timeIntervalSince(started) < 2)
    }
}

@Suite struct ConfigDiscoveryTests {
    /// A scratch tree: `layout` maps relative paths to file contents (nil makes a directory).
    static func tree(_ layout: [String: String?]) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        for (path, contents) in layout.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            if let contents {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
        return root
    }

    @Test func stopsAtADirectoryHoldingGit() throws {
        let root = try Self.tree([".metadata-lint.yml": "ignore: [\"*\"]\n", "repo/.git": nil, "repo/sub/a.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigDiscovery.config(from: root.appendingPathComponent("repo/sub").path) == nil)
        #expect(ConfigDiscovery.config(for: root.appendingPathComponent("repo/sub/a.json").path) == nil)
    }

    @Test func aGitFileMarksTheRootToo() throws {
        // Worktrees and submodules have a `.git` file pointing at the real repository.
        let root = try Self.tree([".metadata-lint.yml": "", "wt/.git": "gitdir: /elsewhere\n", "wt/a.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigDiscovery.config(for: root.appendingPathComponent("wt/a.json").path) == nil)
    }

    @Test func findsTheConfigAtTheRootAndBelowIt() throws {
        let root = try Self.tree(["repo/.git": nil, "repo/.metadata-lint.yml": "", "repo/sub/inner/.metadata-lint.yaml": "",
                                  "repo/sub/inner/a.json": "{}", "repo/sub/b.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo").standardizedFileURL.path
        #expect(ConfigDiscovery.config(for: repo + "/sub/b.json") == repo + "/.metadata-lint.yml")
        #expect(ConfigDiscovery.config(for: repo + "/sub/inner/a.json") == repo + "/sub/inner/.metadata-lint.yaml")
        #expect(ConfigDiscovery.config(for: repo + "/sub") == repo + "/.metadata-lint.yml")
        let groups = ConfigDiscovery.group([repo + "/sub/b.json", repo + "/sub/inner/a.json", repo + "/x.json"])
        #expect(groups.map(\.paths.count) == [2, 1])
    }

    @Test func withoutARepositoryTheWalkGoesUp() throws {
        let root = try Self.tree([".metadata-lint.yml": "", "a/b/c.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigDiscovery.config(for: root.appendingPathComponent("a/b/c.json").path)
                == root.appendingPathComponent(".metadata-lint.yml").standardizedFileURL.path)
    }
}

@Suite struct InputExclusionTests {
    static func config(_ patterns: [String], at directory: URL) -> Config {
        var config = Config()
        config.path = directory.appendingPathComponent(".metadata-lint.yml").path
        config.ignore = patterns
        return config
    }

    @Test func namedFilesAreCheckedUnlessForced() throws {
        let root = try ConfigDiscoveryTests.tree(["vendor/a.json": "{}", "vendor/deep/b.jsonl": "", "src/c.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        let config = Self.config(["vendor"], at: root)
        let a = root.appendingPathComponent("vendor/a.json").path
        let named = InputExclusion(config: config, named: [a], mode: .exceptNamed)
        #expect(!named.skips(a))
        #expect(named.checkedAnyway([a]) == [a])
        let forced = InputExclusion(config: config, named: [a], mode: .all)
        #expect(forced.skips(a))
        #expect(forced.checkedAnyway([a]).isEmpty)
    }

    @Test func filesFoundUnderANamedDirectoryAreJudgedBelowIt() throws {
        let root = try ConfigDiscoveryTests.tree(["data/vendor/a.jsonl": "", "data/b.jsonl": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data").path
        let config = Self.config(["data", "vendor/"], at: root)
        let exclusion = InputExclusion(config: config, named: [data], mode: .exceptNamed)
        #expect(!exclusion.skips(data + "/b.jsonl"), "the named directory itself is not tested")
        #expect(exclusion.skips(data + "/vendor/a.jsonl"))
        let forced = InputExclusion(config: config, named: [data], mode: .all)
        #expect(forced.skips(data + "/b.jsonl"))
    }

    @Test func aDirectoryNamedInsideAnotherNamedOneIsJudgedFromItself() throws {
        let root = try ConfigDiscoveryTests.tree(["data/raw/a.jsonl": "", "data/b.jsonl": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data").path
        let raw = root.appendingPathComponent("data/raw").path
        let config = Self.config(["raw/"], at: root)
        #expect(InputExclusion(config: config, named: [data], mode: .exceptNamed).skips(raw + "/a.jsonl"))
        let both = InputExclusion(config: config, named: [raw, data + "/b.jsonl"], mode: .exceptNamed)
        #expect(!both.skips(raw + "/a.jsonl"), "data/raw was named: what lies below it is judged from it")
    }
}

@Suite struct IgnoredInputsReportTests {
    @Test func summaryLinesNameAndCountTheFiles() {
        var report = Report(diagnostics: [], files: 1, rules: [])
        report.ignored = (1...12).map { "f\($0).json" }
        report.checkedDespiteIgnore = ["broken.json"]
        #expect(report.ignoreNotes == [
            "ignored 12 files matching an ignore pattern: f1.json, f2.json, f3.json, f4.json, f5.json, f6.json, f7.json, f8.json, f9.json, f10.json and 2 more",
            "checked 1 file named on the command line although an ignore pattern matches: broken.json (--force-exclude skips it)",
        ])
        let text = TextRenderer(color: false).render(report)
        #expect(text.hasSuffix("(--force-exclude skips it)\nno problems found in 1 file\n"))
        #expect(TextRenderer(color: false, quiet: true).render(report).isEmpty)
        let (json, stderr) = report.render(.json, color: false)
        #expect(json == "[]\n")
        #expect(stderr.contains("ignored 12 files matching an ignore pattern"))
        let (sarif, _) = report.render(.sarif, color: false)
        #expect(sarif.contains("\"descriptor\": {\"id\": \"files-ignored\"}, \"properties\": {\"ignoredFiles\": 12}"))
        #expect(sarif.contains("\"properties\": {\"checkedFiles\": 1}"))
    }

    @Test func partsAddUp() {
        var first = Report(diagnostics: [], files: 1, rules: [])
        first.ignored = ["a.json"]
        var second = Report(diagnostics: [], totals: Report.Totals(errors: 2), files: 2, rules: [])
        second.checkedDespiteIgnore = ["b.json"]
        first.absorb(second)
        #expect(first.files == 3)
        #expect(first.totals.errors == 2)
        #expect(first.ignored == ["a.json"])
        #expect(first.checkedDespiteIgnore == ["b.json"])
    }
}
