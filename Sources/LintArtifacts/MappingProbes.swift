import JQ
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// check-artifacts --mapping on one worker: the mapping's probes for each item type, with the jq
/// programs compiled on this worker's thread (libjq state is never shared between threads).
final class MappingProbes {
    struct Compiled {
        let probe: MappingDataProbe
        let fieldBytes: [UInt8]
        /// Nil for map_enum probes, and for a program that does not compile on this worker.
        let filter: JQFilter?
        let failure: String?
    }

    private let byItemType: [String: [Compiled]]
    private static let null: [UInt8] = Array("null".utf8)

    init(_ probes: [MappingDataProbe]) {
        var byItemType: [String: [Compiled]] = [:]
        for probe in probes {
            var filter: JQFilter? = nil
            var failure: String? = nil
            if case .program(let program, _, _) = probe.kind {
                // It compiled once already, when the mapping was validated; should it fail here,
                // the probe reports the failure on every record it applies to.
                do throws(JQError) {
                    filter = try MappingPrograms.boundedFilter(program)
                } catch {
                    failure = error.message
                }
            }
            for itemType in probe.itemTypes {
                byItemType[itemType, default: []].append(Compiled(probe: probe, fieldBytes: Array(probe.field.utf8), filter: filter,
                                                                 failure: failure))
            }
        }
        self.byItemType = byItemType
    }

    func applies(to itemType: String) -> Bool { byItemType[itemType] != nil }

    /// Runs the probes of `itemType` on the record in `checker`'s tape.
    func inspect(itemType: String, checker: RecordChecker) {
        guard let probes = byItemType[itemType], let data = dataIndex(checker) else { return }
        for compiled in probes {
            let value = fieldIndex(compiled.fieldBytes, in: data, checker)
            switch compiled.probe.kind {
            case .program(_, let expected, let canApplyToNull):
                guard let filter = compiled.filter else {
                    if let failure = compiled.failure { reportFailure(failure, compiled.probe, value: value, checker) }
                    continue
                }
                run(filter, compiled.probe, expected: expected, canApplyToNull: canApplyToNull, value: value, checker)
            case .enumMapping(let keys):
                guard let value else { continue }
                checkEnum(compiled.probe, keys: keys, at: value, checker)
            }
        }
    }

    private func run(_ filter: JQFilter, _ probe: MappingDataProbe, expected: ValueShape?, canApplyToNull: Bool,
                     value: Int?, _ checker: RecordChecker) {
        let entry = value.map { checker.tape[$0] }
        let isNull = entry == nil || entry?.kind == .null
        if isNull && !canApplyToNull { return }
        let pointer = "/data/" + JSONPointer.escape(probe.field)
        let offset = entry?.start ?? checker.recordStart
        let problem: MappingJQRuntime.Problem?
        do throws(JQError) {
            let outputs: [JQValue]
            if let entry, entry.kind != .null {
                outputs = try filter.values(json: UnsafeBufferPointer(start: checker.base + entry.start, count: entry.end - entry.start))
            } else {
                outputs = try Self.null.withUnsafeBufferPointer { bytes throws(JQError) in try filter.values(json: bytes) }
            }
            if outputs.count > 1 {
                problem = .several(outputs.count)
            } else if let expected, let output = outputs.first, !expected.accepts(output) {
                problem = .wrongShape(output, expected: expected)
            } else {
                problem = nil
            }
        } catch {
            problem = .failed(error.message)
        }
        guard let problem else { return }
        checker.report(MappingJQRuntime(problem: problem, owner: probe.owner, program: probe.place, field: probe.field,
                                        inputWasNull: isNull), at: offset, pointer: pointer)
    }

    private func reportFailure(_ failure: String, _ probe: MappingDataProbe, value: Int?, _ checker: RecordChecker) {
        checker.report(MappingJQRuntime(problem: .failed(failure), owner: probe.owner, program: probe.place, field: probe.field,
                                        inputWasNull: value == nil),
                       at: value.map { checker.tape[$0].start } ?? checker.recordStart,
                       pointer: "/data/" + JSONPointer.escape(probe.field))
    }

    private func checkEnum(_ probe: MappingDataProbe, keys: Set<String>, at index: Int, _ checker: RecordChecker) {
        let entry = checker.tape[index]
        let pointer = "/data/" + JSONPointer.escape(probe.field)
        func check(_ element: TapeEntry) {
            guard element.kind == .string else { return }
            let value = checker.string(element)
            if !keys.contains(value) {
                checker.report(MappingEnumUnmappedValue(value: value, field: probe.field, owner: probe.owner, mapping: probe.place),
                               at: element.start, pointer: pointer)
            }
        }
        if entry.kind == .array {
            var k = index + 1
            for _ in 0..<Int(entry.count) {
                check(checker.tape[k])
                k = checker.tape[k].next
            }
        } else {
            check(entry)
        }
    }

    /// The tape index of the record's `data` object.
    private func dataIndex(_ checker: RecordChecker) -> Int? {
        let root = checker.tape[0]
        guard root.kind == .object else { return nil }
        var k = 1
        for _ in 0..<Int(root.count) {
            let value = checker.tape[k + 1]
            if checker.keyEquals(checker.tape[k], "data") { return value.kind == .object ? k + 1 : nil }
            k = value.next
        }
        return nil
    }

    /// The tape index of the value of the field named `field` (UTF-8) in the object at `object`.
    private func fieldIndex(_ field: [UInt8], in object: Int, _ checker: RecordChecker) -> Int? {
        var k = object + 1
        for _ in 0..<Int(checker.tape[object].count) {
            let key = checker.tape[k]
            let matches = key.has(TapeEntry.stringHasEscapes) ? Array(checker.string(key).utf8) == field
                : checker.contentBytes(key).elementsEqual(field)
            if matches { return k + 1 }
            k = checker.tape[k + 1].next
        }
        return nil
    }
}
