/// `infer`: drafts an external_domain_metadata.json from sample records.
public enum MetadataInference {
    public struct Result: Sendable {
        /// The draft, two-space indented.
        public var metadata: OrderedJSON
        /// What each uncertain guess rests on, one line each, in record-type and field order.
        public var notes: [String]
        /// Inputs that could not be read, as `file:line[:column]: message`.
        public var problems: [String]
        public var recordTypes: Int
        public var samples: Int
    }

    public static func run(paths: [String]) throws(InputError) -> Result {
        var reader = SampleReader()
        try reader.read(paths)
        guard !reader.types.isEmpty else {
            throw InputError(path: paths.joined(separator: " "),
                             reason: "no samples to infer from" + (reader.notes.isEmpty ? "" : ": " + reader.notes.joined(separator: "; ")))
        }
        var inference = FieldInference(types: reader.types)
        var types: [(name: String, fields: [InferredField])] = []
        for type in reader.types {
            types.append((type.name, inference.fields(of: type)))
        }
        let metadata = MetadataDraft.document(types: types, structs: inference.structs, identifiers: inference.identifiers)
        return Result(metadata: metadata, notes: reader.notes + inference.notes, problems: reader.problems,
                      recordTypes: reader.types.count, samples: reader.types.reduce(0) { $0 + $1.samples })
    }
}
