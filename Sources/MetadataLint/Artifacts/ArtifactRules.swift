/// Rules reported by `check-artifacts`.
public enum ArtifactRules {
    public static let all: [RuleInfo] = []
}
