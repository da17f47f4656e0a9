import Foundation

/// Where a JSON value stands: one step below its parent's path. Its RFC 6901 pointer is spelled
/// out only when asked for; stored as text for every value, long keys nested deep would cost
/// depth × key length bytes per value (a 140 KB file took 1.9 GB).
public final class JSONPath: Sendable {
    public enum Step: Sendable {
        /// A whole pointer given as text (a subtree read from a known place).
        case literal(String)
        case key(String)
        case index(Int)
    }

    public let parent: JSONPath?
    public let step: Step

    public init(parent: JSONPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    /// The RFC 6901 pointer from the document root.
    public var pointer: String {
        var steps: [Step] = []
        var current: JSONPath? = self
        while let path = current {
            steps.append(path.step)
            current = path.parent
        }
        var text = ""
        for step in steps.reversed() {
            switch step {
            case .literal(let prefix): text += prefix
            case .key(let key): text += "/" + Self.escape(key)
            case .index(let index): text += "/" + String(index)
            }
        }
        return text
    }

    /// Escapes one reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
