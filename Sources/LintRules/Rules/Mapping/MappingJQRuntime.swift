import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported by check-artifacts --mapping.
    public static let mappingJQRuntime = RuleInfo(
        id: "mapping-jq-runtime", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A use_raw_jq program fails, or outputs the wrong kind of value, on a record's field.",
            why: """
            check-artifacts --mapping runs every use_raw_jq program with use_primary_input: true on \
            the value of its primary_external_field in each extracted record of that type. DevRev \
            does not document what a program receives; this check assumes the field's value as it \
            stands in the record's data (text a string, an enum its key, a reference its id, a \
            collection an array), and says so in each finding. A program that errors, or whose \
            output does not fit the DevRev field (a string where an array belongs), fails that \
            item's import.
            """,
            example: """
            mapping:  "forward_jq": ".name | ascii_downcase", "use_primary_input": true, primary_external_field "owner"
            record:   { "id": "t1", ..., "data": { "owner": ["u1", "u2"] } }
            """,
            fix: """
            Make the program handle every value the field takes (null, arrays, missing keys), \
            and output the DevRev field's type.
            """))
}

public struct MappingJQRuntime: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingJQRuntime }

    public enum Problem: Sendable {
        case failed(String)
        case several(Int)
        case wrongShape(JQValue, expected: ValueShape)
    }

    public let problem: Problem
    /// The program's owner and where it stands in the mapping file.
    public let owner: MappingSubject
    public let program: FilePlace
    /// The primary field whose value was the input.
    public let field: String
    public let inputWasNull: Bool

    public init(problem: Problem, owner: MappingSubject, program: FilePlace, field: String, inputWasNull: Bool) {
        self.problem = problem
        self.owner = owner
        self.program = program
        self.field = field
        self.inputWasNull = inputWasNull
    }

    public var message: String {
        let head = "forward_jq of \(owner) (\(program))"
        let input = "input assumed: the value of \"\(field)\" in this record's data\(inputWasNull ? ", null here" : ""), as DevRev does not document the program's input"
        switch problem {
        case .failed(let error):
            return "\(head) fails on this record: \(error); make it handle this value (\(input))"
        case .several(let count):
            return "\(head) outputs \(count) or more values on this record where one is expected (\(input))"
        case .wrongShape(let value, let expected):
            return "\(head) outputs \(value.shown) on this record, but the field takes \(expected) (\(input))"
        }
    }
}
