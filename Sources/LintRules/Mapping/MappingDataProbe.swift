import Foundation
import LintModel
import LintJSON
import LintSource

/// What `check-artifacts --mapping` runs on each record: a use_raw_jq program that reads a primary
/// field, or a map_enum without forward_default whose forward keys the field's values must be.
package struct MappingDataProbe: Sendable {
    package enum Kind: Sendable {
        /// `expected`: the shape the DevRev field takes, when DevRev's table says.
        case program(String, expected: ValueShape?, canApplyToNull: Bool)
        case enumMapping(keys: Set<String>)
    }

    /// The item types whose records it runs on.
    package let itemTypes: [String]
    /// The primary field whose value it reads from each record's data.
    package let field: String
    package let owner: MappingSubject
    /// Where the program or map_enum stands in the mapping file.
    package let place: FilePlace
    package let kind: Kind
}

extension MappingContext {
    /// Every probe of this mapping: programs that compile and read a primary field, and map_enum
    /// mappings without a forward_default.
    var dataProbes: [MappingDataProbe] {
        let name = URL(fileURLWithPath: source.path).lastPathComponent
        func place(_ ref: SourceRef) -> FilePlace { FilePlace(file: name, line: source.lines.line(of: ref.offset)) }
        var probes: [MappingDataProbe] = []
        for field in fields {
            guard let primary = field.mapping.primaryField, let method = field.mapping.method else { continue }
            let itemTypes = recordTypes(of: field.entry).map(\.key)
            guard !itemTypes.isEmpty else { continue }
            switch method.parameters {
            case .rawJQ(let jq):
                guard jq.usePrimaryInput?.value == true, let program = jq.forwardJQ, programs.failure(of: program) == nil else { continue }
                let target = devrevField(field)
                let expected = target.flatMap { ValueShape.of($0.type, collection: $0.isCollection) }
                probes.append(MappingDataProbe(itemTypes: itemTypes, field: primary.value, owner: field.subject, place: place(program.ref),
                                               kind: .program(program.value, expected: expected,
                                                              canApplyToNull: jq.canApplyToNull?.value ?? true)))
            case .mapEnum(let mapping):
                guard mapping.forwardDefault == nil else { continue }
                probes.append(MappingDataProbe(itemTypes: itemTypes, field: primary.value, owner: field.subject,
                                               place: place(method.ref), kind: .enumMapping(keys: Set(mapping.forward.map(\.key)))))
            default:
                continue
            }
        }
        return probes
    }
}
