/// The line `validate --fix` ends with: what was fixed, what remains, what more could be.
public enum FixSummary {
    public static func line(fixed: Int, remaining: Int, unsafeFixable: Int, wouldWrite: Bool) -> String {
        var text = wouldWrite
            ? "\(fixed) fixable, \(remaining) would remain"
            : "\(fixed) fixed, \(remaining) remaining"
        if unsafeFixable > 0 {
            text += " (\(unsafeFixable) more fixable with --unsafe-fixes)"
        }
        return text
    }
}
