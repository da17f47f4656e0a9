import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Runs custom metadata (or mapping) rules: each jq filter outputs paths (as `path(...)` does) or
/// `{path, message}` objects, and each becomes a diagnostic at that node of the file. Filters run
/// isolated (see `JQOptions.isolated`) on a large stack, each within the budgets of `options`; a
/// rule past one is a filter-limit finding and the other rules go on.
struct CustomMetadataRules {
    let rules: [CustomRule]
    /// Which file the rules are for: the metadata, or a mapping file (`on: mapping`).
    var target: CustomRule.Target = .metadata
    var options = JQOptions.configRuleDefaults

    func run(on source: SourceFile, root: JSONNode, sink: inout DiagnosticSink) {
        var collected = sink
        // One large-stack thread for every rule, rather than one per compile and per run.
        JQStack.run { runRules(on: source, root: root, sink: &collected) }
        sink = collected
    }

    private func runRules(on source: SourceFile, root: JSONNode, sink: inout DiagnosticSink) {
        for rule in rules where rule.target == target {
            let outputs: [JQValue]
            do throws(JQError) {
                let filter = try JQFilter(rule.filter, options: options)
                outputs = try source.bytes.withUnsafeBufferPointer { bytes throws(JQError) in try filter.values(json: bytes) }
            } catch {
                if let limit = FilterLimit(filter: .customRule(id: rule.id), error: error, options: options, scope: .file) {
                    sink.report(limit, at: root.ref)
                } else {
                    sink.report(CustomRuleFinding.failed(rule, error: error.message, onRecord: false), at: root.ref)
                }
                continue
            }
            for output in outputs {
                switch output {
                case .array(let path):
                    let (ref, found) = Self.locate(path, in: root)
                    sink.report(found ? CustomRuleFinding.matched(rule) : .pathNotInFile(rule, pointer: Self.pointer(path)), at: ref)
                case .object(let members):
                    guard case .array(let path)? = members["path"] else { fallthrough }
                    var message: String? = nil
                    if case .string(let text)? = members["message"] { message = text }
                    let (ref, _) = Self.locate(path, in: root)
                    sink.report(CustomRuleFinding.matched(rule, message: message), at: ref)
                default:
                    sink.report(CustomRuleFinding.badOutput(rule), at: root.ref)
                }
            }
        }
    }

    /// The node a jq path leads to (the key, for an object member), or its deepest ancestor.
    static func locate(_ path: [JQValue], in root: JSONNode) -> (SourceRef, Bool) {
        var node = root
        var ref = root.ref
        for component in path {
            switch component {
            case .string(let key):
                guard let member = node.member(key) else { return (ref, false) }
                node = member.value
                ref = member.keyRef
            case .number(let number):
                // Exact conversion: a path of 1e300 or NaN from a filter names no element (Int() would trap).
                guard let elements = node.elements, let index = JQValue.index(number), index >= 0, index < elements.count else {
                    return (ref, false)
                }
                node = elements[index]
                ref = node.ref
            default:
                return (ref, false)
            }
        }
        return (ref, true)
    }

    static func pointer(_ path: [JQValue]) -> String {
        path.map { component -> String in
            switch component {
            case .string(let key): return "/" + JSONPointer.escape(key)
            case .number(let number): return "/" + (JQValue.index(number).map(String.init) ?? String(describing: number))
            default: return "/?"
            }
        }.joined()
    }
}

