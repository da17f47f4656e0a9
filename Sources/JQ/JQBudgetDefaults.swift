/// The budgets a filter from a config file gets unless a config or the command line says otherwise.
extension JQOptions {
    /// Seconds one run of a custom rule or `--where` filter may take.
    public static let defaultTimeBudget: Double = 10
    /// Bytes the process may grow by while one run is in progress (1 GiB).
    public static let defaultMemoryBudget = 1 << 30

    /// Filters from a config file, with the default budgets.
    public static var configRuleDefaults: JQOptions {
        configRule(timeBudget: defaultTimeBudget, memoryBudget: defaultMemoryBudget)
    }
}
