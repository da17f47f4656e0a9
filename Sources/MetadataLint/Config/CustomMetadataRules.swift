import Foundation
import JQ

/// Runs custom metadata rules: each jq filter outputs paths (as `path(...)` does) or
/// `{path, message}` objects, and each becomes a diagnostic at that node of the file. Filters run
/// isolated (no environment, no module files) on a large stack, each within the time and memory
/// budgets of `limits`.
struct CustomMetadataRules {
    let rules: [CustomRule]
    var limits = Limits()

    func run(on source: SourceFile, root: JSONNode, sink: inout DiagnosticSink) {
        var collected = sink
        JQStack.run { runRules(on: source, root: root, sink: &collected) }
        sink = collected
    }

    private func runRules(on source: SourceFile, root: JSONNode, sink: inout DiagnosticSink) {
        for rule in rules where rule.target == .metadata {
            let info = rule.info
            let outputs: [JQValue]
            do throws(JQError) {
                let filter = try JQFilter(rule.filter, options: limits.configRuleOptions)
                outputs = try source.bytes.withUnsafeBufferPointer { bytes throws(JQError) in try filter.values(json: bytes) }
            } catch {
                if error.isLimit {
                    sink.report(LimitRules.filterLimit, at: root.ref,
                                LimitRules.filterMessage("custom rule \"\(rule.id)\"", error, scope: "on this file"))
                } else {
                    sink.report(info, at: root.ref, "custom rule \"\(rule.id)\" failed on this file: \(Self.shortened(error.message))")
                }
                continue
            }
            for output in outputs {
                switch output {
                case .array(let path):
                    let (ref, found) = Self.locate(path, in: root)
                    sink.report(info, at: ref, found ? rule.message : "\(rule.message) (at \(Self.pointer(path)), which is not in the file)")
                case .object(let members):
                    guard case .array(let path)? = members["path"] else { fallthrough }
                    var message = rule.message
                    if case .string(let text)? = members["message"] { message = text }
                    let (ref, _) = Self.locate(path, in: root)
                    sink.report(info, at: ref, message)
                default:
                    sink.report(info, at: root.ref, "custom rule \"\(rule.id)\" output something other than a path or {path, message}: make the filter end in path(...) or paths(...)")
                }
            }
        }
    }

    /// jq's message, cut to a line's length (`halt_error` makes its whole input the message).
    static func shortened(_ message: String) -> String {
        let flat = message.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }

    /// The node a jq path leads to (the key, for an object member), or its deepest ancestor. An
    /// index that is not a whole number within the array (1e300, NaN, -1) is not in the file.
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

/// `check-artifacts --where`: checks only records for which a jq filter is truthy. A run past its
/// budget checks the record (nothing is dropped silently), is reported once, and turns the
/// filter off: every later record is checked.
public struct JQRecordFilter: RecordFilter {
    final class Switch { var off = false }
    let filter: JQFilter
    /// Shared by the copies one worker makes, so a stopped filter stays off for its later files.
    let stopped = Switch()

    public init(_ program: String, options: JQOptions = JQOptions()) throws(JQError) {
        filter = try JQFilter(program, options: options)
    }

    public mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? decide(bytes)) ?? true
    }

    /// True to check the record; throws once, when the filter passes a budget.
    public func decide(_ bytes: UnsafeBufferPointer<UInt8>) throws(JQError) -> Bool {
        if stopped.off { return true }
        do throws(JQError) {
            return try filter.isTruthy(json: bytes)
        } catch {
            guard error.isLimit else { return false }
            stopped.off = true
            throw error
        }
    }
}

/// Custom artifact rules compiled for one worker thread.
struct CompiledArtifactRule {
    let rule: CustomRule
    let info: RuleInfo
    let filter: JQFilter
    /// Set once the rule passes a budget: it is not run again on this worker.
    let stopped = JQRecordFilter.Switch()

    static func compile(_ rules: [CustomRule], limits: Limits = Limits()) -> [CompiledArtifactRule] {
        rules.filter { $0.target == .artifacts }.compactMap { rule in
            guard let filter = try? JQFilter(rule.filter, options: limits.configRuleOptions) else { return nil }
            return CompiledArtifactRule(rule: rule, info: rule.info, filter: filter)
        }
    }

    func applies(to itemType: String) -> Bool { rule.itemTypes?.contains(itemType) ?? true }
}
