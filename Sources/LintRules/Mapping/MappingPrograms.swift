import Dispatch
import Foundation
import JQ
import LintModel
import LintJSON
import LintSource

/// Every use_raw_jq program of a mapping, compiled once; programs that ignore their input are run
/// once on null (in a thread of their own, given up after a time limit, since libjq cannot be
/// interrupted and a program may loop forever).
package struct MappingPrograms: Sendable {
    struct Program: Sendable {
        enum Direction: String, Sendable { case forward = "forward_jq", reverse = "reverse_jq" }
        let text: Located<String>
        let direction: Direction
        let owner: MappingSubject
        let jq: RawJQ
    }

    /// Programs in file order.
    private(set) var programs: [Program] = []
    /// Compile failures by the program string's offset.
    private(set) var failures: [Int: JQCompileFailure] = [:]
    /// Results of constant forward programs by the program string's offset.
    private(set) var constantRuns: [Int: ConstantRun] = [:]

    init(fields: [MappedField], constructed: [MappedConstructedField], timeout: Double) {
        var owners: [(RawJQ, MappingSubject)] = []
        for field in fields {
            if case .rawJQ(let jq)? = field.mapping.method?.parameters { owners.append((jq, field.subject)) }
        }
        for field in constructed {
            if case .rawJQ(let jq)? = field.field.method?.parameters { owners.append((jq, field.subject)) }
        }
        for (jq, owner) in owners {
            for (text, direction) in [(jq.forwardJQ, Program.Direction.forward), (jq.reverseJQ, .reverse)] {
                guard let text else { continue }
                programs.append(Program(text: text, direction: direction, owner: owner, jq: jq))
                do throws(JQError) {
                    _ = try JQFilter(text.value)
                } catch {
                    failures[text.ref.offset] = JQCompileFailure(error.message)
                    continue
                }
                if direction == .forward, jq.isConstant {
                    constantRuns[text.ref.offset] = Self.runOnNull(text.value, timeout: timeout)
                }
            }
        }
    }

    func failure(of program: Located<String>) -> JQCompileFailure? { failures[program.ref.offset] }
    func constantRun(of program: Located<String>) -> ConstantRun? { constantRuns[program.ref.offset] }

    /// At most this many outputs are collected from one run.
    package static let outputLimit = 3

    /// The program bounded to `outputLimit` outputs (on lines of its own, so a trailing comment
    /// cannot swallow the closing parentheses).
    package static func bounded(_ program: String) -> String { "limit(\(outputLimit); (\n\(program)\n))" }

    /// The program compiled bounded, or as written when the bound does not compile (a program
    /// that starts with a module directive cannot be wrapped).
    package static func boundedFilter(_ program: String) throws(JQError) -> JQFilter {
        do throws(JQError) {
            return try JQFilter(bounded(program))
        } catch {
            return try JQFilter(program)
        }
    }

    /// Runs a constant program on `null` under a time and a memory budget: past the time budget
    /// the run is halted (libjq checks between instructions), not left spinning on a thread of its
    /// own. A mapping file is someone else's code, so the run is isolated as config rules are (no
    /// `$ENV`, no module search).
    static func runOnNull(_ program: String, timeout: Double) -> ConstantRun {
        let options = JQOptions(isolated: true, timeBudget: timeout, memoryBudget: constantMemoryBudget)
        do throws(JQError) {
            let filter: JQFilter
            do throws(JQError) {
                filter = try JQFilter(bounded(program), options: options)
            } catch {
                filter = try JQFilter(program, options: options)
            }
            let input: [UInt8] = Array("null".utf8)
            return .outputs(try input.withUnsafeBufferPointer { bytes throws(JQError) in try filter.values(json: bytes) })
        } catch where error.kind == .timeBudget {
            return .timedOut(seconds: timeout)
        } catch {
            return .failed(error.message)
        }
    }

    /// How much the process may grow while one constant program runs.
    static let constantMemoryBudget = 256 << 20
}

/// What running a constant program on null gave.
public enum ConstantRun: Sendable, Equatable {
    case outputs([JQValue])
    case failed(String)
    case timedOut(seconds: Double)
}

/// Where a line of a JSON string's decoded text starts in the file, so a jq error on line 3 of a
/// program points inside the string, at that line.
enum JSONStringPosition {
    /// The offset of the first character of decoded line `line` (1-based) of the string whose
    /// opening quote is at `quote`; the string's first character when the line is past its end.
    static func offset(ofLine line: Int, stringAt quote: Int, in bytes: [UInt8]) -> Int {
        var k = quote + 1
        var current = 1
        while current < line, k < bytes.count, bytes[k] != 0x22 {
            if bytes[k] == 0x5C, k + 1 < bytes.count {
                let escaped = bytes[k + 1]
                if escaped == UInt8(ascii: "n") {
                    current += 1
                    k += 2
                    continue
                }
                if escaped == UInt8(ascii: "u"), k + 5 < bytes.count,
                   String(decoding: bytes[(k + 2)...(k + 5)], as: UTF8.self).lowercased() == "000a" {
                    current += 1
                    k += 6
                    continue
                }
                k += 2
                continue
            }
            k += 1
        }
        return current == line ? k : quote + 1
    }
}
