import Foundation
import JSONRPC
import MetadataLint

/// One MCP tool: its declaration (JSON Schemas for input and output) and what it does.
///
/// To add a tool (as `infer`, `sample`, `fix` and `diff` were added when they landed): write a
/// type conforming to `AgentTool` in Tools/, calling the same library function as its CLI
/// command, and list it in `AgentTools.all`. Return the structured result as a `JSONValue`
/// that fits `outputSchema`; throw `ToolFailure` for anything the caller must fix (it becomes a
/// tool error with `isError: true`, never a crash of the server).
public protocol AgentTool: Sendable {
    var name: String { get }
    var description: String { get }
    var inputSchema: JSONValue { get }
    var outputSchema: JSONValue { get }
    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue
}

extension AgentTool {
    /// The entry `tools/list` shows.
    var declaration: JSONValue {
        ["name": .string(name), "description": .string(description), "inputSchema": inputSchema,
         "outputSchema": outputSchema, "annotations": ["readOnlyHint": true, "openWorldHint": false]]
    }
}

public enum AgentTools {
    /// Every tool the server offers, in the order `tools/list` shows them.
    public static let all: [any AgentTool] = [
        ValidateMetadataTool(), CheckArtifactsTool(), ExplainRuleTool(), ListRulesTool(), RunJQQueryTool(),
        InferMetadataTool(), SampleItemsTool(), FixMetadataTool(), DiffMetadataTool(),
    ]
}

/// A problem the caller can fix: a missing file, a bad argument, an unknown rule.
public struct ToolFailure: Error, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// What every tool call shares: how the config file is chosen.
public struct ToolContext: Sendable {
    public enum ConfigChoice: Sendable {
        case discover
        case file(String)
        case none
    }

    public var config: ConfigChoice

    public init(config: ConfigChoice = .discover) {
        self.config = config
    }

    /// The config for a file (or, for text, the working directory); `override` is the `config`
    /// argument of the call.
    func loadConfig(near path: String?, override: String?) throws(ToolFailure) -> Config {
        let configPath: String?
        if let override {
            configPath = override
        } else {
            switch config {
            case .none: return Config()
            case .file(let file): configPath = file
            case .discover:
                let directory = path.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
                configPath = directory.map { ConfigLoader.discover(from: $0) } ?? ConfigLoader.discover()
            }
        }
        guard let configPath else { return Config() }
        do throws(ConfigError) {
            return try ConfigLoader.load(configPath)
        } catch {
            throw ToolFailure("config file: \(error.description)")
        }
    }
}

/// The `arguments` object of a call, read with clear errors.
public struct ToolArguments: Sendable {
    public var values: [String: JSONValue]

    public init(_ values: [String: JSONValue]) {
        self.values = values
    }

    public func string(_ key: String) throws(ToolFailure) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let text = value.string else { throw ToolFailure("\"\(key)\" must be a string") }
        return text
    }

    public func requiredString(_ key: String) throws(ToolFailure) -> String {
        guard let text = try string(key) else { throw ToolFailure("missing argument \"\(key)\"") }
        return text
    }

    public func strings(_ key: String) throws(ToolFailure) -> [String]? {
        guard let value = values[key], !value.isNull else { return nil }
        if let single = value.string { return [single] }
        guard let array = value.array else { throw ToolFailure("\"\(key)\" must be a list of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw ToolFailure("\"\(key)\" must be a list of strings") }
            result.append(text)
        }
        return result
    }

    public func int(_ key: String) throws(ToolFailure) -> Int? {
        guard let value = values[key], !value.isNull else { return nil }
        if let number = value.int { return number }
        if let number = value.double, number.rounded() == number, abs(number) < 1e15 { return Int(number) }
        throw ToolFailure("\"\(key)\" must be an integer")
    }

    public func stringMap(_ key: String) throws(ToolFailure) -> [String: String]? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let object = value.object else { throw ToolFailure("\"\(key)\" must be an object of strings") }
        var result: [String: String] = [:]
        for (name, element) in object {
            guard let text = element.string else { throw ToolFailure("\"\(key)\".\(name) must be a string") }
            result[name] = text
        }
        return result
    }
}

