public enum MetadataLintVersion {
    public static let current = "0.1.0"
}
