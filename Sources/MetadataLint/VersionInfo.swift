import JQ
import LintSupport

extension MetadataLintVersion {
    /// What `--version` prints: ours and the libjq this process loaded, e.g.
    /// `0.2.0 (libjq 1.6, Debian package 1.6-2.1+deb12u3)`.
    public static var withLibraries: String {
        "\(current) (libjq \(LibJQVersion.describe()))"
    }

    /// For the argument parser, which builds its version text on every run: finding libjq's
    /// version reads dpkg's database, so only when `--version` was asked for.
    public static var forCommandLine: String {
        CommandLine.arguments.dropFirst().contains("--version") ? withLibraries : current
    }
}
