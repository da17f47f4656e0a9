import Foundation
import Testing
@testable import MetadataLint

/// `infer` on small sample sets written for each decision: which type, on which evidence.
@Suite struct InferenceTests {
    /// Writes `files` (name → content) to a fresh directory and infers from it.
    static func infer(_ files: [String: String]) throws -> MetadataInference.Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("infer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, content) in files {
            try Data(content.utf8).write(to: directory.appendingPathComponent(name))
        }
        return try MetadataInference.run(paths: [directory.path])
    }

    /// One JSON object per line.
    static func lines(_ objects: [String]) -> String { objects.joined(separator: "\n") + "\n" }

    static func field(_ result: MetadataInference.Result, _ type: String, _ key: String) -> OrderedJSON? {
        result.metadata["record_types"]?[type]?["fields"]?[key]
    }

    static func type(_ result: MetadataInference.Result, _ recordType: String, _ key: String) -> String? {
        if case .string(let name)? = field(result, recordType, key)?["type"] { return name }
        return nil
    }

    static func validates(_ result: MetadataInference.Result) -> [Diagnostic] {
        MetadataValidator().validate(SourceFile(path: "draft.json", bytes: Array(result.metadata.pretty.utf8))).diagnostics
    }

    @Test func scalarTypesBySyntax() throws {
        let result = try Self.infer(["things.jsonl": Self.lines([
            #"{"id": "a", "flag": true, "count": 1, "ratio": 1, "day": "2024-02-29", "at": "2024-02-29T10:00:00Z", "mixed": "2024-01-01"}"#,
            #"{"id": "b", "flag": false, "count": 2, "ratio": 2.5, "day": "2024-03-01", "at": "2024-03-01T10:00:00.5+02:00", "mixed": "2024-01-01T00:00:00Z"}"#,
        ])])
        #expect(Self.type(result, "things", "flag") == "bool")
        #expect(Self.type(result, "things", "count") == "int")
        #expect(Self.type(result, "things", "ratio") == "float")
        #expect(Self.type(result, "things", "day") == "date")
        #expect(Self.type(result, "things", "at") == "timestamp")
        #expect(Self.type(result, "things", "mixed") == "text")
        #expect(result.notes.contains("things.mixed: text: 1 dates and 1 timestamps mixed; pick one format in the extractor"))
        #expect(Self.field(result, "things", "id") == nil)
        #expect(Self.validates(result).isEmpty)
    }

    @Test func enumNeedsFewValuesThatRepeat() throws {
        // 3 keys in 6 values: an enum. 6 distinct in 6: names. 21 keys seen 3 times each: too many.
        var lines: [String] = []
        for n in 0..<63 {
            let state = ["open", "closed", "waiting"][n % 3]
            lines.append(#"{"id": "t\#(n)", "state": "\#(state)", "name": "name \#(n)", "code": "c\#(n % 21)"}"#)
        }
        let result = try Self.infer(["tasks.jsonl": Self.lines(lines)])
        #expect(Self.field(result, "tasks", "state")?["enum"] == .object([("values", .array([
            .object([("key", .string("open"))]), .object([("key", .string("closed"))]), .object([("key", .string("waiting"))]),
        ]))]))
        #expect(Self.type(result, "tasks", "name") == "text")
        #expect(Self.type(result, "tasks", "code") == "text")
        #expect(result.notes.contains("tasks.state: enum of 3 keys from 63 values (at most 20 distinct values, each seen 2+ times on average)"))
        let twice = try Self.infer(["t.jsonl": Self.lines([#"{"k": "a"}"#, #"{"k": "b"}"#, #"{"k": "a"}"#])])
        // 2 keys in 3 values: seen 1.5 times on average, below the threshold.
        #expect(Self.type(twice, "t", "k") == "text")
    }

    @Test func referenceByIdOverlapAtEightyPercent() throws {
        let users = Self.lines((1...5).map { #"{"id": "u\#($0)", "name": "User \#($0)"}"# })
        // 4 of 5 owners are known users (80%): a reference; 3 of 5 reviewers (60%): text.
        let tasks = Self.lines([
            #"{"id": "t1", "owner": "u1", "reviewer": "u1"}"#,
            #"{"id": "t2", "owner": "u2", "reviewer": "u2"}"#,
            #"{"id": "t3", "owner": "u3", "reviewer": "u3"}"#,
            #"{"id": "t4", "owner": "u4", "reviewer": "x4"}"#,
            #"{"id": "t5", "owner": "u9", "reviewer": "x5"}"#,
        ])
        let result = try Self.infer(["users.jsonl": users, "tasks.jsonl": tasks])
        #expect(Self.field(result, "tasks", "owner")?["reference"] == .object([("refers_to", .object([("#record:users", .object([]))]))]))
        #expect(Self.type(result, "tasks", "reviewer") == "text")
        #expect(result.notes.contains("tasks.owner: reference to users (4 of 5 values are users ids in the samples)"))
        #expect(Self.validates(result).isEmpty)
    }

    @Test func referencesAcrossTwoTypesAndToItself() throws {
        let result = try Self.infer([
            "bugs.jsonl": Self.lines([#"{"id": "b1"}"#, #"{"id": "b2"}"#]),
            "epics.jsonl": Self.lines([#"{"id": "e1"}"#, #"{"id": "e2"}"#]),
            "comments.jsonl": Self.lines([
                #"{"id": "c1", "on": "b1", "reply_to": null}"#, #"{"id": "c2", "on": "e1", "reply_to": "c1"}"#,
                #"{"id": "c3", "on": "b2", "reply_to": "c2"}"#,
            ]),
        ])
        #expect(Self.field(result, "comments", "on")?["reference"]?["refers_to"]
                == .object([("#record:bugs", .object([])), ("#record:epics", .object([]))]))
        #expect(Self.field(result, "comments", "reply_to")?["reference"]?["refers_to"] == .object([("#record:comments", .object([]))]))
    }

    @Test func bareNumbersAreReferencesOnlyWhenTheKeySaysSo() throws {
        let result = try Self.infer([
            "users.json": #"[{"id": 1}, {"id": 2}, {"id": 3}]"#,
            "tasks.json": #"[{"id": 10, "points": 1, "owner_id": 1}, {"id": 11, "points": 3, "owner_id": 2}]"#,
        ])
        #expect(Self.type(result, "tasks", "points") == "int")
        #expect(Self.type(result, "tasks", "owner_id") == "reference")
        #expect(result.notes.contains("tasks.owner_id: reference to users (2 of 2 values are users ids in the samples); the values are numbers: the extractor must send them as strings"))
    }

    @Test func byFieldOnAnotherTypesUniqueField() throws {
        let result = try Self.infer([
            "users.jsonl": Self.lines((1...4).map { #"{"id": "u\#($0)", "email": "p\#($0)@example.com"}"# }),
            "comments.jsonl": Self.lines((1...6).map { #"{"id": "c\#($0)", "author": "p\#($0 % 4 + 1)@example.com"}"# }),
        ])
        #expect(Self.field(result, "comments", "author")?["reference"]?["refers_to"]
                == .object([("#record:users", .object([("by_field", .string("email"))]))]))
        #expect(Self.field(result, "users", "email") == .object([
            ("type", .string("text")), ("is_required", .bool(true)), ("is_identifier", .bool(true)),
        ]))
        #expect(Self.validates(result).isEmpty)
    }

    @Test func objectsArraysAndRichText() throws {
        let result = try Self.infer(["pages.jsonl": Self.lines([
            #"{"id": "p1", "link": {"id": "p2", "ref_type": "pages"}, "body": ["see ", {"ref_type": "pages", "id": "p2"}], "note": ["one"], "tags": ["a", "b"], "geo": {"lat": 1.5, "label": "x"}, "grid": [[1]]}"#,
            #"{"id": "p2", "link": {"id": "p1", "ref_type": "ghosts"}, "body": ["plain"], "note": ["two"], "tags": ["c"], "geo": {"lat": 2, "label": null}, "grid": [[2]]}"#,
        ])])
        #expect(Self.field(result, "pages", "link")?["typed_reference"] == .object([("refers_to", .object([("#record:pages", .object([]))]))]))
        #expect(result.notes.contains("pages.link: ref_type \"ghosts\" names no record type in the samples: left out of refers_to"))
        #expect(Self.type(result, "pages", "body") == "rich_text")
        #expect(Self.type(result, "pages", "note") == "rich_text")
        #expect(result.notes.contains("pages.note: rich_text: arrays of one string each (a text collection would also fit)"))
        #expect(Self.field(result, "pages", "tags") == .object([
            ("type", .string("text")), ("is_required", .bool(true)), ("collection", .object([])),
        ]))
        #expect(Self.field(result, "pages", "geo")?["struct"] == .object([("key", .string("geo"))]))
        #expect(result.metadata["struct_types"]?["geo"]?["fields"] == .object([
            ("lat", .object([("type", .string("float")), ("is_required", .bool(true))])),
            ("label", .object([("type", .string("text"))])),
        ]))
        #expect(Self.field(result, "pages", "grid") == nil)
        #expect(result.notes.contains("pages.grid: left out: arrays of arrays cannot be declared"))
        #expect(Self.validates(result).isEmpty)
    }

    @Test func requiredOnlyWhenPresentAndNonNullInEveryFullRecord() throws {
        let result = try Self.infer(["items.jsonl": Self.lines([
            #"{"id": "1", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "data": {"a": "x", "b": "x", "c": "x", "created_date": "x"}}"#,
            #"{"id": "2", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "operation": "created", "data": {"a": "y", "b": null, "c": "y"}}"#,
            #"{"id": "3", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "operation": "updated", "data": {"c": "z"}}"#,
        ])])
        // a: present in both full records (the update does not count); b: null once; c: everywhere.
        #expect(Self.field(result, "items", "a")?["is_required"] == .bool(true))
        #expect(Self.field(result, "items", "b")?["is_required"] == nil)
        #expect(Self.field(result, "items", "c")?["is_required"] == .bool(true))
        #expect(Self.field(result, "items", "created_date") == nil)
        #expect(result.notes.contains("items: \"created_date\" left out: id, created_date and modified_date belong to the item envelope and are never declared as fields"))
    }

    @Test func permissionsFromMemberAndRole() throws {
        let result = try Self.infer([
            "users.jsonl": Self.lines([#"{"id": "u1"}"#, #"{"id": "u2"}"#]),
            "docs.jsonl": Self.lines([#"{"id": "d1", "acl": [{"member_id": "u1", "role": "viewer"}, {"member_id": "u2", "role": "editor"}]}"#]),
        ])
        #expect(Self.field(result, "docs", "acl")?["permission"] == .object([
            ("member_id", .object([("refers_to", .object([("#record:users", .object([]))]))])),
            ("role", .object([("values", .array([.object([("key", .string("viewer"))]), .object([("key", .string("editor"))])]))])),
        ]))
        #expect(Self.field(result, "docs", "acl")?["collection"] == .object([]))
    }

    @Test func namesJsonArraysAndSkippedFiles() throws {
        let result = try Self.infer([
            "extractor_users_1712345.jsonl": #"{"id": "u1", "name": "A"}"# + "\n",
            "users-2.json": #"[{"id": "u2", "name": "B"}]"#,
            "attachments.jsonl": #"{"id": "a"}"# + "\n",
            "external_domain_metadata.json": #"{"record_types": {}}"#,
        ])
        #expect(result.recordTypes == 1)
        #expect(result.samples == 2)
        #expect(result.metadata["record_types"]?["users"]?["name"] == .string("Users"))
        #expect(result.notes.contains { $0.hasSuffix("attachments.jsonl: skipped: \"attachments\" is a reserved item type, not a record type") })
    }

    @Test func sameInputSameDraft() throws {
        let files = ["a.jsonl": Self.lines((0..<30).map { #"{"id": "\#($0)", "k\#($0 % 7)": \#($0), "s": "v\#($0 % 3)"}"# })]
        let first = try Self.infer(files)
        let second = try Self.infer(files)
        #expect(first.metadata.pretty == second.metadata.pretty)
        #expect(first.notes == second.notes)
        guard case .object(let fields)? = first.metadata["record_types"]?["a"]?["fields"] else {
            Issue.record("no fields")
            return
        }
        #expect(fields.map(\.0) == ["k0", "s", "k1", "k2", "k3", "k4", "k5", "k6"])
    }

    @Test func recordTypeNameFromFileNames() {
        #expect(ItemTypeResolver.recordTypeName(fileName: "extractor_users_1712345678.jsonl") == "users")
        #expect(ItemTypeResolver.recordTypeName(fileName: "knowledge_page.json") == "knowledge_page")
        #expect(ItemTypeResolver.recordTypeName(fileName: "tickets-3.jsonl.gz") == "tickets")
        #expect(ItemTypeResolver.recordTypeName(fileName: "extractor_issues.json") == "issues")
    }
}
