/// One incoming JSON-RPC 2.0 message, checked: what both servers dispatch on.
public enum RPCMessage: Sendable, Equatable {
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A reply to a request of ours: the servers send none that need one, so it is ignored.
    case response
    /// Not a usable message: answer `error` to `id` (null when it cannot be known).
    case invalid(id: JSONValue, error: RPCError)

    public static func read(_ bytes: [UInt8]) -> RPCMessage {
        let message: JSONValue
        do throws(JSONValue.ParseFailure) {
            message = try JSONValue.parse(bytes)
        } catch {
            return .invalid(id: .null, error: .parseError("the message is not JSON: \(error.message)"))
        }
        if message.array != nil {
            return .invalid(id: .null, error: .invalidRequest("batches are not supported: send one message at a time"))
        }
        guard message.object != nil else {
            return .invalid(id: .null, error: .invalidRequest("a message must be a JSON object"))
        }
        let id = message["id"]
        if let id {
            switch id {
            case .int, .string: break
            default: return .invalid(id: .null, error: .invalidRequest("\"id\" must be a number or a string"))
            }
        }
        guard let method = message["method"] else {
            if id != nil, message["result"] != nil || message["error"] != nil { return .response }
            return .invalid(id: id ?? .null, error: .invalidRequest("a message needs a \"method\""))
        }
        guard let name = method.string else {
            return .invalid(id: id ?? .null, error: .invalidRequest("\"method\" must be a string"))
        }
        let params = message["params"] ?? .null
        if let id { return .request(id: id, method: name, params: params) }
        return .notification(method: name, params: params)
    }
}

extension MessageWriter {
    public func reply(_ id: JSONValue, result: JSONValue) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    public func reply(_ id: JSONValue, error: RPCError) {
        send(["jsonrpc": "2.0", "id": id, "error": error.json])
    }

    public func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }
}
