import Dispatch
import Foundation
import Logging
import MCP
import MetadataLint

/// `metadata-lint mcp`: a Model Context Protocol server over standard input and output whose
/// tools call the same library functions as the CLI commands.
public enum AgentServer {
    public struct Options: Sendable {
        public var context = ToolContext()
        public var tools: [any AgentTool] = AgentTools.all

        public init() {}
    }

    static let instructions = """
        metadata-lint checks DevRev AirSync snap-in metadata (external_domain_metadata.json) and \
        the artifacts extracted against it. After editing a metadata file, call validate_metadata \
        and fix every error at the line and JSON pointer given; explain_rule tells why a rule \
        exists and how to fix its findings.
        """

    /// Serves until the client closes standard input.
    public static func serve(_ options: Options) async throws {
        var logger = Logger(label: "metadata-lint.mcp") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        let server = Server(name: "metadata-lint", version: MetadataLintVersion.current, title: "metadata-lint",
                            instructions: instructions, capabilities: .init(tools: .init(listChanged: false)))
        let tools = options.tools
        let context = options.context
        _ = await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: tools.map(\.declaration))
        }
        _ = await server.withMethodHandler(CallTool.self) { params in
            call(params, tools: tools, context: context)
        }
        let transport = LineTransport(logger: logger)
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await server.stop()
    }

    /// Runs `serve` from synchronous code (the CLI) and returns the exit code.
    public static func runBlocking(_ options: Options) -> Int32 {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do {
                try await serve(options)
            } catch {
                outcome.set("metadata-lint mcp: \(error)")
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.message {
            FileHandle.standardError.write(Data((failure + "\n").utf8))
            return 2
        }
        return 0
    }

    static func call(_ params: CallTool.Parameters, tools: [any AgentTool], context: ToolContext) -> CallTool.Result {
        guard let tool = tools.first(where: { $0.name == params.name }) else {
            let names = tools.map(\.name).joined(separator: ", ")
            return failure("unknown tool \"\(params.name)\" (tools: \(names))")
        }
        do throws(ToolFailure) {
            let value = try tool.call(ToolArguments(params.arguments ?? [:]), context: context)
            return CallTool.Result(content: [.text(text: text(of: value), annotations: nil, _meta: nil)],
                                   structuredContent: Optional.some(value), isError: false)
        } catch {
            return failure("\(tool.name): \(error.message)")
        }
    }

    static func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }

    /// The structured result as JSON text, for clients that read only `content`.
    static func text(of value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ message: String) {
        lock.lock()
        stored = message
        lock.unlock()
    }

    var message: String? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
