import LintJSON
import LintSource

public struct StageDiagram: Sendable {
    public var ref: SourceRef
    public var controllingField: Located<String>?
    public var stages: [Stage] = []
    public var stagesRef: SourceRef?
    public var startingStage: Located<String>?
    public var allTransitionsAllowed: Located<Bool>?
    public var states: [StateDeclaration] = []
    public var hasStates: Bool { !states.isEmpty }

    public func stage(_ key: String) -> Stage? { stages.first { $0.key == key } }

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct Stage: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var state: Located<String>?
    public var transitionsTo: [Located<String>] = []
    public var transitionsRef: SourceRef?

    public init(key: String, keyRef: SourceRef) {
        self.key = key
        self.keyRef = keyRef
    }
}

public struct StateDeclaration: Sendable {
    public var key: String
    public var keyRef: SourceRef

    public init(key: String, keyRef: SourceRef) {
        self.key = key
        self.keyRef = keyRef
    }
}

/// `conditions[<controlling field>]`: the rules a field's value imposes on other fields.
public struct ConditionGroup: Sendable {
    public var controllingField: String
    public var keyRef: SourceRef
    public var conditions: [Condition] = []

    public init(controllingField: String, keyRef: SourceRef) {
        self.controllingField = controllingField
        self.keyRef = keyRef
    }
}

public struct Condition: Sendable {
    public var ref: SourceRef
    public var affectedFields: [Located<String>] = []

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct LinkNaming: Sendable {
    public var ref: SourceRef
    public var linkTypeField: Located<String>?
    /// The keys of `link_direction_names` (link types), where they stand.
    public var directionNames: [Located<String>] = []

    public init(ref: SourceRef) {
        self.ref = ref
    }
}
