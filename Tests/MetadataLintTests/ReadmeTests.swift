import Foundation
import Testing

/// The README's examples must run as shown: each `$ metadata-lint query ...` block is run and its
/// output compared with the lines printed under it.
@Suite(.serialized) struct ReadmeTests {
    struct Example: CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { arguments.joined(separator: " ") }
    }

    static func examples() throws -> [Example] {
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var found: [Example] = []
        let blocks = text.components(separatedBy: "```text\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let first = lines.first, first.hasPrefix("$ metadata-lint query ") else { continue }
            let output = lines.dropFirst().joined(separator: "\n")
            found.append(Example(arguments: Array(shellWords(String(first.dropFirst(2))).dropFirst()), output: output))
        }
        return found
    }

    /// Splits a command line on spaces, honouring single quotes (all the README uses).
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for c in line {
            if c == "'" {
                quoted.toggle()
                started = true
            } else if c == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    @Test func readmeHasTheThreeQueries() throws {
        #expect(try Self.examples().count == 3)
    }

    @Test(arguments: try examples())
    func queryExampleRunsAsShown(example: Example) throws {
        let run = try CLITests.run(example.arguments)
        #expect(run.status == 0, "\(example): \(run.stderr)")
        #expect(run.stdout == example.output, "\(example)")
    }
}
