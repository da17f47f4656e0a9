import LintSupport

/// Where a diagnostic points: a byte offset for line and column, and a JSON pointer. A ref made
/// from a value of a tree keeps that value's path and spells the pointer out only when it is read,
/// so the many refs a model holds cost no pointer strings.
public struct SourceRef: Sendable, Equatable {
    public var offset: Int
    private var place: Place

    private enum Place: Sendable {
        case text(String)
        /// Nil: the document root.
        case path(JSONPath?)
    }

    public init(offset: Int, pointer: String) {
        self.offset = offset
        self.place = .text(pointer)
    }

    public init(offset: Int, path: JSONPath?) {
        self.offset = offset
        self.place = .path(path)
    }

    public var pointer: String {
        get {
            switch place {
            case .text(let pointer): return pointer
            case .path(let path): return path?.pointer ?? ""
            }
        }
        set { place = .text(newValue) }
    }

    public static func == (a: SourceRef, b: SourceRef) -> Bool {
        a.offset == b.offset && a.pointer == b.pointer
    }
}
