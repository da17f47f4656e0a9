import Foundation
import JSONRPC
import MetadataLint

/// `metadata-lint mcp`: a Model Context Protocol server (stdio transport: one JSON-RPC message
/// per line) whose tools call the same library functions as the CLI commands.
///
/// Requests are answered one at a time, in order, on the reading thread: every tool is a
/// synchronous library call, so the end of input can never cut off an answer, and an idle server
/// sleeps in a blocking `read`.
public struct AgentServer {
    public struct Options: Sendable {
        public var context = ToolContext()
        public var tools: [any AgentTool] = AgentTools.all

        public init() {}
    }

    /// Protocol revisions this server speaks (the initialize handshake), newest first.
    public static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    static let instructions = """
        metadata-lint checks DevRev AirSync snap-in metadata (external_domain_metadata.json) and \
        the artifacts extracted against it. After editing a metadata file, call validate_metadata \
        and fix every error at the line and JSON pointer given; explain_rule tells why a rule \
        exists and how to fix its findings.
        """

    let options: Options
    let writer: MessageWriter

    public init(options: Options = Options(), output: Int32 = STDOUT_FILENO) {
        self.options = options
        self.writer = MessageWriter(fd: output, framing: .newline)
    }

    /// Serves until the end of input; returns the exit code (0).
    public func run(input: Int32 = STDIN_FILENO) -> Int32 {
        let reader = LineReader(fd: input)
        while true {
            switch reader.next() {
            case .message(let bytes): receive(bytes)
            case .malformed(let reason): writer.reply(.null, error: .invalidRequest(reason))
            case .end: return 0
            }
        }
    }

    func receive(_ bytes: [UInt8]) {
        switch RPCMessage.read(bytes) {
        case .request(let id, let method, let params):
            switch request(method, params) {
            case .success(let result): writer.reply(id, result: result)
            case .failure(let error): writer.reply(id, error: error)
            }
        case .notification, .response:
            break  // notifications/initialized, notifications/cancelled, …: nothing to do
        case .invalid(let id, let error):
            writer.reply(id, error: error)
        }
    }

    func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, RPCError> {
        switch method {
        case "initialize":
            let asked = params["protocolVersion"]?.string
            let version = asked.flatMap { Self.protocolVersions.contains($0) ? $0 : nil } ?? Self.protocolVersions[0]
            return .success([
                "protocolVersion": .string(version),
                "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": "metadata-lint", "title": "metadata-lint", "version": .string(MetadataLintVersion.current)],
                "instructions": .string(Self.instructions),
            ])
        case "ping":
            return .success([:])
        case "tools/list":
            return .success(["tools": .array(options.tools.map(\.declaration))])
        case "tools/call":
            guard let name = params["name"]?.string else {
                return .failure(.invalidParams("tools/call needs params {name, arguments}"))
            }
            let arguments = params["arguments"] ?? .null
            guard arguments.isNull || arguments.object != nil else {
                return .failure(.invalidParams("\"arguments\" must be an object"))
            }
            return .success(call(name, ToolArguments(arguments.object ?? [:])))
        default:
            return .failure(.methodNotFound(method))
        }
    }

    /// A tool's result, or a tool error (`isError: true`) with a message for the caller.
    func call(_ name: String, _ arguments: ToolArguments) -> JSONValue {
        guard let tool = options.tools.first(where: { $0.name == name }) else {
            let names = options.tools.map(\.name).joined(separator: ", ")
            return Self.failure("unknown tool \"\(name)\" (tools: \(names))")
        }
        do throws(ToolFailure) {
            let value = try tool.call(arguments, context: options.context)
            // The same JSON as text, for clients that read only `content`.
            return ["content": [["type": "text", "text": .string(value.text)]], "structuredContent": value, "isError": false]
        } catch {
            return Self.failure("\(tool.name): \(error.message)")
        }
    }

    static func failure(_ message: String) -> JSONValue {
        ["content": [["type": "text", "text": .string(message)]], "isError": true]
    }
}
