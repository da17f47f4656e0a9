import Foundation
import Testing
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules

/// The one-pass check of clean records (`CleanRecordPass`) must never change a finding: on
/// records made to be clean and on the same records damaged in every way the pass must notice
/// (types, bounds, escapes, UTF-8, numbers, timestamps, duplicates, unknown keys, mentions,
/// whitespace, truncation, random bytes), check-artifacts gives the same diagnostics, record
/// counts and pending references with the pass as without it. The pass must also take the
/// clean records, or it would pass this test by declining everything.
@Suite struct CleanPassEquivalenceTests {
    static let metadata = """
    {"schema_version": "v0.2.0",
     "record_types": {
      "users": {"name": "User", "fields": {
        "email": {"type": "text", "is_identifier": true, "is_required": true},
        "name": {"type": "text", "text": {"min_length": 1, "max_length": 12}},
        "active": {"type": "bool"},
        "joined": {"type": "date"},
        "home": {"type": "struct", "struct": {"key": "address"}}}},
      "tasks": {"name": "Task", "fields": {
        "title": {"type": "text", "is_required": true},
        "body": {"type": "rich_text"},
        "state": {"type": "enum", "enum": {"values": [{"key": "open"}, {"key": "done"}]}},
        "points": {"type": "int", "int": {"min": 0, "max": 100}},
        "ratio": {"type": "float", "float": {"min": -1.5, "max": 1}},
        "size": {"type": "int"},
        "weight": {"type": "float"},
        "due": {"type": "date"},
        "closed": {"type": "timestamp"},
        "owner": {"type": "reference", "is_required": true, "reference": {"refers_to": {"#record:users": {}}}},
        "watchers": {"type": "reference", "collection": {"max_length": 3},
                     "reference": {"refers_to": {"#record:users": {"by_field": "email"}}}},
        "labels": {"type": "text", "collection": {"min_length": 1}},
        "parent": {"type": "reference", "reference": {"refers_to": {"#record:tasks": {}}}}}}},
     "struct_types": {"address": {"name": "Address", "fields": {"city": {"type": "text"}}}}}
    """

    /// A clean user and a clean task, as envelope and data members; `n` makes ids and values vary.
    typealias Members = [(String, String)]

    static func user(_ n: Int) -> (Members, Members) {
        ([("id", "\"user-\(n)\""), ("created_date", "\"2021-03-04T05:06:07Z\""), ("modified_date", "\"2021-03-04T06:06:08.5+01:00\"")],
         [("email", "\"u\(n)@example.com\""), ("name", "\"Ann \(n % 100)\""), ("active", "\(n % 2 == 0)"), ("joined", "\"2020-02-29\"")])
    }

    /// Every tenth task is an update without its required title.
    static func task(_ n: Int) -> (Members, Members) {
        ([("id", "\"task-\(n)\""), ("created_date", "\"2021-03-04T05:06:07Z\""), ("modified_date", "\"2021-03-05T00:00:00Z\""),
          ("operation", n % 10 == 0 ? "\"updated\"" : "\"created\"")],
         (n % 10 == 0 ? [] : [("title", "\"fix é \\\"it\\\" \(n)\"")]) + [
          ("body", "[\"see \",{\"ref_type\":\"users\",\"id\":\"user-\(n % 7)\"},\"x\"]"),
          ("state", "\"open\""), ("points", "\(n % 101)"), ("ratio", "-0.25"), ("size", "-12"), ("weight", "2.5e10"), ("due", "\"2022-12-31\""),
          ("closed", "null"), ("owner", "\"user-\(n % 9)\""), ("watchers", "[\"u1@example.com\",null]"),
          ("labels", "[\"a\",\"b\\n\"]"), ("parent", "\"task-\(max(0, n - 1))\"")])
    }

    static func render(_ members: Members) -> String {
        "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func render(_ record: (Members, Members)) -> String {
        render(record.0 + [("data", render(record.1))])
    }

    /// Replacement values, keys and whole records the pass must judge as the full check does.
    static let values = [
        "null", "true", "false", "0", "-0", "01", "1.", "1e5", "1E+2", "-1.5e-3", "1e400", "12345678901234567890",
        "123456789012345678", "-", "100", "101", "-2", "1.0", "0.5", "\"\"", "\"open\"", "\"OPEN\"", "\"op\\u0065n\"",
        "\"done\"", "[]", "[null]", "[\"a\",\"b\",\"c\",\"d\"]", "{}", "{\"city\":\"x\"}", "\"user-1\"", "\"user-404\"",
        "\"u1@example.com\"", "\"2021-02-29\"", "\"2020-02-29\"", "\"1970-01-01T00:00:00Z\"", "\"1970-01-01T01:00:00+01:00\"",
        "\"2021-03-04t05:06:07z\"", "\"2021-03-04T05:06:07\"", "\"2019-01-01T00:00:00Z\"", "\"a\\tb\"", "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"", "\"\\x\"", "\"é\"", "\"\u{7}\"", "\"Ann with a long name\"", "tru", "nul", "falsey", "[\"x\",{\"ref_type\":\"users\",\"id\":\"user-1\"}]",
        "[{\"ref_type\":\"nope\",\"id\":\"x\"}]", "[{\"ref_type\":\"users\"}]", "[{\"ref_type\":\"users\",\"id\":\"user-2\",\"fallback_record_name\":null}]",
        "[{\"ref_type\":\"users\",\"id\":\"user-2\",\"fallback_record_name\":3}]", "[{\"ref_type\":\"artifact\",\"id\":\"att-1\"}]",
        "[{\"ref_type\":\"users\",\"id\":\"user-2\",\"id\":\"user-3\"}]", "[1]", "\"updated\"", "\"deleted\"", "\"removed\"",
    ]
    /// Values near what each field accepts.
    static let edges: [String: [String]] = [
        "name": ["\"\"", "\"123456789012\"", "\"1234567890123\"", "\"ééééééééééé\"", "\"a\\nb\""],
        "state": ["\"OPEN\"", "\"done\"", "\"op\\u0065n\"", "\"\"", "\"open \""],
        "points": ["100", "101", "-1", "0", "-0", "1e1", "100.0", "99", "123456789012345678"],
        "active": ["falsy", "fals", "tru", "nul", "falsee", "\"true\"", "1", "truefalse"],
        "ratio": ["1.", "-.5", ".5", "1.e1", "-", "-0.", "0.e", "1e", "1e+", "--1", "+1", "1", "1.0000001", "-1.5", "-1.50001", "1e0", "-15e-1", "0.1e1", "1e400"],
        "size": ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "1.5", "1e2", "123456789012345678"],
        "weight": ["1e400", "-1e400", "1e-400", "1e99", "1e100", "1.7976931348623157e308", "1" + String(repeating: "0", count: 310)],
        "due": ["\"2021-02-29\"", "\"2024-02-29\"", "\"2021-13-01\"", "\"2021-1-01\"", "\"20210101\""],
        "closed": ["\"1970-01-01T00:00:00Z\"", "\"2021-03-04T05:06:07.123-07:00\"", "\"2021-03-04T24:00:00Z\"", "\"2021-03-04T05:06:60Z\""],
        "watchers": ["[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"c\",\"d\"]", "[null,null,null,null]", "[\"\"]", "[\"u\\u0031@example.com\"]"],
        "labels": ["[]", "[null]", "[\"x\"]", "[1]", "\"x\""],
        "owner": ["\"\"", "\"user-\\u0031\"", "\"nobody\"", "[\"user-1\"]", "{\"id\":\"user-1\"}"],
        "email": ["\"\"", "\"u1@example.com\"", "\"\\u0075@x\"", "[\"a\"]"],
        "body": ["[{\"ref_type\":\"user\",\"id\":\"user-1\"}]", "[{\"ref_type\":\"users\",\"id\":\"\"}]",
                 "[{\"ref_type\":\"users\",\"id\":\"user-1\",\"extra\":1}]", "[{\"id\":\"user-1\",\"ref_type\":\"artifact\"}]",
                 "[{\"ref_type\":\"us\\u0065rs\",\"id\":\"user-1\"}]", "[\"a\",null]", "\"text\"",
                 "[{\"ref_type\":\"users\"}]", "[{\"id\":\"user-1\"}]", "[{}]", "[{\"ref_type\":\"users\",\"ref_type\":\"users\",\"id\":\"x\"}]"],
        "created_date": ["\"1970-01-01T00:00:00Z\"", "\"1970-01-01T01:00:00+01:00\"", "\"2021-03-06T00:00:00Z\"", "\"2021-03-04T05:06:07+00:00\"",
                         "\"2021-03-04\"", "1"],
        "modified_date": ["\"1970-01-01T00:00:00.000Z\"", "\"1969-12-31T23:00:00-01:00\"", "\"2021-03-04T05:06:06Z\"",
                          "\"2021-03-04T05:06:07Z\"", "\"2021-03-04T05:06:07.0001Z\"", "\"2021-03-04T04:06:07-01:00\"", "null"],
        "id": ["\"\"", "1", "\"task-1\"", "\"user-1\"", "\"t\\u0031\"", "null"],
        "operation": ["\"updated\"", "\"deleted\"", "\"create\"", "\"Created\"", "null"],
    ]
    static let keys = ["id", "created_date", "modified_date", "operation", "data", "extra", "email", "name", "title", "body",
                       "state", "points", "ratio", "owner", "watchers", "labels", "home", "nope", "ti\\u0074le"]

    /// One member removed, doubled, added or given another value (in the envelope or in data),
    /// two swapped, whitespace added, one byte changed, or the record cut short.
    static func damaged(_ record: (Members, Members), _ random: inout SeededRandom) -> String {
        var (envelope, data) = record
        func damage(_ members: inout Members) {
            switch random.below(5) {
            case 0: members.remove(at: random.below(members.count))
            case 1: members.append(members[random.below(members.count)])
            case 2: members.insert((keys[random.below(keys.count)], values[random.below(values.count)]), at: random.below(members.count + 1))
            case 3: members.swapAt(random.below(members.count), random.below(members.count))
            default:
                let n = random.below(members.count)
                let edge = edges[members[n].0] ?? []
                members[n].1 = !edge.isEmpty && random.below(4) != 0 ? edge[random.below(edge.count)] : values[random.below(values.count)]
            }
        }
        switch random.below(8) {
        case 0, 1: damage(&envelope)
        case 2, 3, 4: damage(&data)
        case 5:
            // Whitespace around every token of one kind (a line feed makes a pretty-printed record).
            let token = [",", ":", "{", "[", "}"][random.below(5)]
            let space = [" ", "\t", "\r", "\n", "  "][random.below(5)]
            return render((envelope, data)).replacingOccurrences(of: token, with: random.below(2) == 0 ? space + token : token + space)
        case 6:
            var bytes = Array(render((envelope, data)).utf8)
            let at = random.below(bytes.count)
            bytes[at] = [0x00, 0x22, 0x5C, 0x7D, 0x5D, 0x2C, 0x3A, 0xC3, 0xFF, 0x80, 0xED, 0x0A, 0x20, 0x31][random.below(14)]
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "\u{80}")
        default:
            let text = render((envelope, data))
            return String(text.prefix(random.below(text.count)))
        }
        return render((envelope, data))
    }

    /// Each edge value in place of its field, in every record that has the field.
    static func edgeRecords(_ record: (Members, Members)) -> [String] {
        var records: [String] = []
        for (name, edge) in edges.sorted(by: { $0.key < $1.key }) {
            for value in edge {
                var (envelope, data) = record
                if let n = envelope.firstIndex(where: { $0.0 == name }) {
                    envelope[n].1 = value
                } else if let n = data.firstIndex(where: { $0.0 == name }) {
                    data[n].1 = value
                } else {
                    continue
                }
                records.append(render((envelope, data)))
            }
        }
        return records
    }

    /// The record with each byte in turn replaced by a delimiter, a quote, a backslash, a control
    /// or non-ASCII byte, and cut short at each byte.
    static func everyByteDamaged(_ record: String) -> [String] {
        let bytes = Array(record.utf8)
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x7D, 0x5D, 0x2C, 0x3A, 0xC3, 0xFF, 0x80, 0x0A, 0x20, 0x31, 0x7B, 0x5B, 0x6E]
        var records: [String] = []
        for k in bytes.indices {
            for r in [replacements[k % replacements.count], replacements[(k + 7) % replacements.count]] where r != bytes[k] {
                var damaged = bytes
                damaged[k] = r
                records.append(String(decoding: damaged, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "\u{80}"))
            }
            records.append(String(decoding: bytes[..<k], as: UTF8.self))
        }
        return records
    }

    /// Writes users.jsonl and tasks.jsonl (raw bytes: a damaged record may hold invalid UTF-8 on
    /// purpose) and checks them with and without the pass, with one worker and with two.
    static func compare(users: [String], tasks: [String], attachments: [String] = [],
                        in directory: URL) throws -> [(full: ArtifactCheck.Result, fast: ArtifactCheck.Result)] {
        let artifacts = directory.appendingPathComponent("artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        for (name, lines) in [("users", users), ("tasks", tasks), ("ssor_attachment", attachments)] where !lines.isEmpty {
            var bytes: [UInt8] = []
            for line in lines { bytes += Array(line.utf8).map { $0 == 0xC2 ? 0xC0 : $0 } + [0x0A] }
            try Data(bytes).write(to: artifacts.appendingPathComponent(name + ".jsonl"))
        }
        try Data(metadata.utf8).write(to: directory.appendingPathComponent("metadata.json"))
        func run(cleanPass: Bool, workers: Int) throws -> ArtifactCheck.Result {
            var options = ArtifactCheck.Options(metadataPath: directory.appendingPathComponent("metadata.json").path,
                                                paths: [artifacts.path])
            options.workers = workers
            options.minimumSplitSize = workers > 1 ? 1 : WorkPlan.minimumSplitSize
            options.cleanPass = cleanPass
            return try ArtifactCheck.run(options)
        }
        func lines(_ result: ArtifactCheck.Result) -> [String] {
            result.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.rule) \($0.pointer) \($0.message)" }
        }
        var results: [(ArtifactCheck.Result, ArtifactCheck.Result)] = []
        for workers in [1, 2] {
            let full = try run(cleanPass: false, workers: workers)
            let fast = try run(cleanPass: true, workers: workers)
            let missing = Set(lines(full)).subtracting(lines(fast)), extra = Set(lines(fast)).subtracting(lines(full))
            #expect(lines(fast) == lines(full), "missing: \(missing.sorted().prefix(5))\nextra: \(extra.sorted().prefix(5))")
            #expect(fast.recordCounts == full.recordCounts)
            #expect(fast.pendingReferences == full.pendingReferences)
            #expect(full.cleanRecords == 0)
            results.append((full, fast))
        }
        return results
    }

    /// ssor_attachment items: clean ones, and each way their shape can go wrong.
    static func attachment(_ n: Int, inline: String? = nil) -> String {
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/\(n)\",\"external\":\"att-\(n)\"},"
            + "\"parent_id\":{\"external\":\"task-\(n % 50)\"},\"actor_id\":{\"external\":\"user-\(n % 9)\"}"
            + (inline.map { ",\"inline\":\($0)" } ?? "") + "}"
    }

    static let damagedAttachments = [
        "{\"parent_id\":{\"external\":\"task-1\"}}", "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"}}",
        "{\"id\":{\"external\":\"a\"},\"parent_id\":{\"external\":\"task-1\"}}",
        "{\"id\":{\"devrev\":\"don:core:x\",\"external\":\"a\"},\"parent_id\":{\"external\":\"task-1\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"\"},\"parent_id\":{\"external\":\"task-1\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"devrev\":\"x\",\"external\":\"t\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\",\"external\":\"b\"},\"parent_id\":{\"external\":\"task-1\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"task-1\"},\"parent_id\":{\"external\":\"task-2\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"task-\\u0031\"}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":7}}",
        "{\"id\":\"a\",\"parent_id\":{\"external\":\"task-1\"}}", "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":\"task-1\"}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"task-1\"},\"extra\":1}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"task-1\"},\"actor_id\":{}}",
        "{\"id\":{\"devrev\":\"don:core:dvrv-us-1:devo/1:artifact/1\",\"external\":\"a\"},\"parent_id\":{\"external\":\"nobody\"}}",
        "{}", "[]", "{\"id\":{}}",
    ] + ["\"yes\"", "null", "1", "tru"].map { attachment(7, inline: $0) }

    @Test func damagedRecordsGetTheSameFindings() throws {
        var random = SeededRandom(seed: 2026)
        var users: [String] = [], tasks: [String] = []
        for n in 0..<3000 {
            users.append(random.below(3) == 0 ? Self.damaged(Self.user(n), &random) : Self.render(Self.user(n)))
            tasks.append(random.below(2) == 0 ? Self.damaged(Self.task(n), &random) : Self.render(Self.task(n)))
        }
        users += Self.edgeRecords(Self.user(3000)) + Self.everyByteDamaged(Self.render(Self.user(3002)))
        tasks += Self.edgeRecords(Self.task(3001)) + Self.edgeRecords(Self.task(3010)) + Self.everyByteDamaged(Self.render(Self.task(3003)))
        // Early timestamps: an epoch after an earlier created_date is reported for the epoch alone.
        for (created, modified) in [("1969-06-01T00:00:00Z", "1970-01-01T00:00:00Z"), ("1960-01-01T00:00:00Z", "1969-12-31T23:00:00-01:00"),
                                    ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"), ("1969-12-31T23:59:59Z", "1970-01-01T00:00:01Z")] {
            let (clean, data) = Self.user(3004)
            var envelope = clean
            envelope[1].1 = "\"\(created)\""
            envelope[2].1 = "\"\(modified)\""
            users.append(Self.render((envelope, data)))
        }
        let attachments = (0..<200).map { Self.attachment($0, inline: $0 % 3 == 0 ? "true" : nil) } + Self.damagedAttachments
            + Self.everyByteDamaged(Self.attachment(201, inline: "false"))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (full, fast) in try Self.compare(users: users, tasks: tasks, attachments: attachments, in: directory) {
            #expect(full.diagnostics.count > 1000)
            #expect(fast.cleanRecords > 3000)
        }
    }

    /// ../shared/corpus/chef-cli-demo beside the repository, when it is there (never copied in),
    /// as JSONL: each pretty-printed record on one line, so the pass sees them.
    @Test func corpusRecordsGetTheSameFindings() throws {
        let demo = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/chef-cli-demo")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: demo.path) else { return }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let artifacts = directory.appendingPathComponent("artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        for name in names where name.hasSuffix(".json") && name != "metadata.json" {
            // A stream of pretty-printed values: a string holds no raw line feed, so dropping them
            // leaves each value on one line.
            let bytes = Array(try Data(contentsOf: demo.appendingPathComponent(name)))
            var jsonl: [UInt8] = []
            var scanner = JSONScanner()
            bytes.withUnsafeBufferPointer { buffer in
                var offset = JSONScanner.skipWhitespace(buffer, from: 0)
                while offset < buffer.count, let end = try? scanner.scanValue(in: buffer, from: offset) {
                    jsonl += buffer[offset..<end].filter { $0 != 0x0A } + [0x0A]
                    offset = JSONScanner.skipWhitespace(buffer, from: end)
                }
            }
            try Data(jsonl).write(to: artifacts.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".jsonl")))
        }
        var options = ArtifactCheck.Options(metadataPath: demo.appendingPathComponent("metadata.json").path, paths: [artifacts.path])
        func lines(cleanPass: Bool) throws -> ([String], Int) {
            options.cleanPass = cleanPass
            let result = try ArtifactCheck.run(options)
            return (result.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.rule) \($0.pointer) \($0.message)" }, result.cleanRecords)
        }
        let (fast, taken) = try lines(cleanPass: true)
        let (full, _) = try lines(cleanPass: false)
        #expect(fast == full)
        #expect(taken > 0)
    }

    /// Made-to-be-clean records (updates without a required field among them) are all taken.
    @Test func cleanRecordsAreAllTaken() throws {
        let users = (0..<300).map { Self.render(Self.user($0)) }
        let tasks = (0..<300).map { Self.render(Self.task($0)) }
        let attachments = (0..<100).map { Self.attachment($0, inline: $0 % 2 == 0 ? "false" : nil) }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (full, fast) in try Self.compare(users: users, tasks: tasks, attachments: attachments, in: directory) {
            #expect(fast.cleanRecords == 700)
            // Only the references the data leave dangling (users past 299 by email).
            #expect(Set(full.diagnostics.map(\.rule)).isSubset(of: ["dangling-reference"]))
        }
    }
}
