import ArgumentParser

extension OutputOptions {
    /// `fmt` and `diff` report findings through the same options, but run no lint rules: choosing
    /// rules there would silently do nothing, so it is a usage error.
    func rejectRuleSelection(in command: String) throws {
        if !select.isEmpty || !ignoreRules.isEmpty {
            throw ValidationError("\(command) runs no lint rules: --select and --ignore do not apply")
        }
        if forceExclude {
            throw ValidationError("\(command) reads no config: --force-exclude does not apply")
        }
    }
}
