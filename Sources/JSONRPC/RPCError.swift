/// A JSON-RPC error reply.
public struct RPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String) -> RPCError { RPCError(-32700, message) }
    public static func invalidRequest(_ message: String) -> RPCError { RPCError(-32600, message) }
    public static func methodNotFound(_ method: String) -> RPCError { RPCError(-32601, "method not found: \(method)") }
    public static func invalidParams(_ message: String) -> RPCError { RPCError(-32602, message) }
    public static func internalError(_ message: String) -> RPCError { RPCError(-32603, message) }
    /// LSP: a request other than `initialize` before `initialize`.
    public static let serverNotInitialized = RPCError(-32002, "the server is not initialized: send initialize first")
    /// LSP: the document changed while the request was computed.
    public static let contentModified = RPCError(-32801, "the document changed")

    public var json: JSONValue { ["code": .int(code), "message": .string(message)] }
}
