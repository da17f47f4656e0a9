// One import for the CLI, the servers and library users: the whole pipeline.
@_exported import LintArtifacts
@_exported import LintJSON
@_exported import LintModel
@_exported import LintReport
@_exported import LintRules
@_exported import LintSource
@_exported import LintSupport
