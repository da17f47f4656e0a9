public enum MetadataLintVersion {
    public static let current = "0.2.0"
}
