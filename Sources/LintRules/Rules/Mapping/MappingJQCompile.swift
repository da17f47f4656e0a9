import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingJQCompile = RuleInfo(
        id: "mapping-jq-compile", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A use_raw_jq program (forward_jq or reverse_jq) is not valid jq.",
            why: """
            use_raw_jq fills a DevRev field with the output of a jq program. A program that does \
            not compile fails on every item, at import time, far from the file. Each program is \
            compiled here with libjq, binding no variables (none is documented), and the error is \
            placed on the program's line inside the string.
            """,
            example: """
            "stage": {
              "forward": true, "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_raw_jq",
                "forward_jq": "if . == \\"done\\" then \\"completed\\" else \\"triage\\"",
                "use_primary_input": true, "can_apply_to_null": false }
            }
            """,
            fix: """
            Fix the program (try it with `metadata-lint query` or jq on a sample value).
            """))
}

struct MappingJQCompileCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingJQCompile] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for program in context.programs.programs {
            guard let failure = context.programs.failure(of: program.text) else { continue }
            let offset = JSONStringPosition.offset(ofLine: failure.line ?? 1, stringAt: program.text.ref.offset,
                                                   in: context.source.bytes)
            sink.report(MappingJQCompile(key: program.direction.rawValue, owner: program.owner, reason: failure.reason,
                                         line: failure.line), at: SourceRef(offset: offset, pointer: program.text.ref.pointer))
        }
    }
}

public struct MappingJQCompile: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingJQCompile }
    public let key: String
    public let owner: MappingSubject
    public let reason: String
    /// The program's line jq names, when it has several.
    public let line: Int?

    public var message: String {
        let at = line.map { $0 > 1 ? " (line \($0) of the program)" : "" } ?? ""
        return "\(key) of \(owner) does not compile: \(reason)\(at): fix the jq program"
    }
}

/// A jq compile error: jq's own text (its prefixes and shell-quoting hint dropped), and the
/// program line it names. Parsed here, with the wording, since it is jq's wording.
public struct JQCompileFailure: Sendable, Equatable {
    /// The first error, without jq's prefixes and its shell-quoting hint.
    public let reason: String
    /// 1-based line of the program, when jq gives one.
    public let line: Int?

    public init(_ message: String) {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        var reason = first
        if reason.hasPrefix("jq: error: ") { reason = String(reason.dropFirst("jq: error: ".count)) }
        var line: Int? = nil
        if let at = reason.range(of: " at <top-level>, line ") {
            line = Int(reason[at.upperBound...].prefix { $0.isNumber })
            reason = String(reason[..<at.lowerBound])
        }
        reason = reason.replacingOccurrences(of: " (Unix shell quoting issues?)", with: "")
        self.reason = reason
        self.line = line
    }
}
