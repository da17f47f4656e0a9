/// `init`: a starter external_domain_metadata.json that validates with no finding — a `users`
/// type whose `email` is an identifier, and for each other record type a required title and an
/// owner that refers to a user.
public enum StarterMetadata {
    public static let defaultRecordTypes = ["tickets", "comments"]

    /// The document, or why the names cannot be record types.
    public static func document(recordTypes names: [String]) -> Result<OrderedJSON, InputError> {
        var seen: Set<String> = []
        for name in names {
            if name.isEmpty || name.allSatisfy(\.isWhitespace) {
                return .failure(InputError(path: "--record-types", reason: "a record type name is empty"))
            }
            if ArtifactSchema.reservedItemTypes.contains(name) {
                return .failure(InputError(path: "--record-types",
                                           reason: "\"\(name)\" is a reserved item type the platform treats specially: pick another name"))
            }
            if !seen.insert(name).inserted {
                return .failure(InputError(path: "--record-types", reason: "\"\(name)\" is named twice"))
            }
        }
        var types: [(String, OrderedJSON)] = [("users", users)]
        for name in names where name != "users" {
            types.append((name, .object([
                ("name", .string(MetadataDraft.displayName(name))),
                ("fields", .object([
                    ("title", .object([("name", .string("Title")), ("type", .string("text")), ("is_required", .bool(true))])),
                    ("owner", .object([
                        ("name", .string("Owner")),
                        ("type", .string("reference")),
                        ("reference", .object([("refers_to", .object([("#record:users", .object([]))]))])),
                    ])),
                ])),
            ])))
        }
        return .success(.object([("schema_version", .string("v0.2.0")), ("record_types", .object(types))]))
    }

    /// The document's text, checked with the validator: a name the format rejects is reported
    /// here rather than written.
    public static func text(recordTypes names: [String]) -> Result<String, InputError> {
        document(recordTypes: names).flatMap { document in
            let text = document.pretty
            let findings = MetadataValidator().validate(SourceFile(path: "<starter>", bytes: Array(text.utf8))).diagnostics
            guard let first = findings.first else { return .success(text) }
            return .failure(InputError(path: "--record-types", reason: "the starter would not validate: \(first.message)"))
        }
    }

    // Computed, not a stored global: LeakSanitizer cannot follow the enum-tagged pointer a global
    // of an indirect enum holds, and reports its boxes as leaked.
    static var users: OrderedJSON { .object([
        ("name", .string("User")),
        ("fields", .object([
            ("email", .object([
                ("name", .string("Email")), ("type", .string("text")), ("is_required", .bool(true)),
                ("is_identifier", .bool(true)),
            ])),
            ("display_name", .object([("name", .string("Display name")), ("type", .string("text"))])),
        ])),
    ]) }
}
