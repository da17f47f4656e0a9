import LintModel
import LintSupport

extension Rules {
    public static let syncUnitShape = RuleInfo(
        id: "sync-unit-shape", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An external_sync_units item is not {id, name, description, item_count?, item_type?}.",
            why: """
            external_sync_units items describe what a user can pick to import (a project, a \
            repository, a board): the SDK's ExternalSyncUnit has a non-empty string id, a name \
            and a description, and optionally item_count (an integer, -1 when it cannot be \
            obtained cheaply) and item_type (a string). A unit without a name or with a quoted \
            count is not offered correctly.
            """,
            example: """
            {"id": "P1", "name": "Website", "item_count": "42"}
            """,
            fix: """
            Write every unit as {"id": "...", "name": "...", "description": "...", "item_count": 42}.
            """))
}

public enum SyncUnitShape: RuleViolation {
    public static var rule: RuleInfo { Rules.syncUnitShape }

    case notAnObject(actual: String)
    case missingKeys([String])
    case unknownKey(String)
    case notString(key: String, actual: String)
    case emptyID
    /// item_count, as written, is not an integer of at least -1.
    case itemCount(raw: String)

    public var message: String {
        switch self {
        case .notAnObject(let actual):
            return "an external_sync_units item must be an object {id, name, description}, not \(actual)"
        case .missingKeys(let keys):
            return "the sync unit has no \(keys.map { "\"\($0)\"" }.joined(separator: ", ")): every unit has id, name and description"
        case .unknownKey(let key):
            return "unknown key \"\(key)\" in a sync unit: allowed are id, name, description, item_count, item_type"
        case .notString(let key, let actual):
            return "\"\(key)\" of a sync unit must be a string, not \(actual)"
        case .emptyID:
            return "\"id\" of a sync unit is empty: use the unit's id in the external system"
        case .itemCount(let raw):
            return "\"item_count\" is \(raw): give the number of items as an integer, or -1 when it cannot be obtained cheaply"
        }
    }
}
