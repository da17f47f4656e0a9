import JQ
import LintModel

/// The JSON shape a DevRev field's value has, as a jq program must produce it (inferred: strings
/// for text, enums, dates and references, numbers, booleans, arrays for collections).
public indirect enum ValueShape: Sendable, Equatable {
    case string, number, integer, boolean, object
    case array(of: ValueShape)

    /// Nil for types whose output form is not known well enough to check (rich text, typed
    /// references, permissions and the privilege types).
    public static func of(_ type: FieldType, collection: Bool) -> ValueShape? {
        let element: ValueShape
        switch type {
        case .text, .enum, .date, .timestamp, .reference: element = .string
        case .int: element = .integer
        case .float: element = .number
        case .bool: element = .boolean
        case .struct: element = .object
        default: return nil
        }
        return collection ? .array(of: element) : element
    }

    /// A custom field's `field_type` (`enum`, `text`, `bool`, `int`, ...), when it is a known type.
    public static func of(customFieldType name: String) -> ValueShape? {
        FieldType(rawValue: name).flatMap { of($0, collection: false) }
    }

    /// True when `value` has this shape; null always fits (it leaves the field empty).
    public func accepts(_ value: JQValue) -> Bool {
        switch (self, value) {
        case (_, .null): return true
        case (.string, .string), (.boolean, .bool), (.object, .object): return true
        case (.number, .number): return true
        case (.integer, .number(let number)): return number.rounded() == number
        case (.array(let element), .array(let values)): return values.allSatisfy { element.accepts($0) }
        default: return false
        }
    }
}
