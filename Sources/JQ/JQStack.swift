import CJQGuard
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Threads with a large stack for libjq: jq 1.6 frees, compares and prints nested values
/// recursively, so `reduce range(1000000) as $i (0; [.])` overflows a default 8 MiB stack inside
/// jq. The stack is reserved, not committed: only the pages a deep value touches cost memory. An
/// overflow even of this stack ends the process with a message (status 2), never a signal.
public enum JQStack {
    /// 1 GiB (20 million levels of nesting freed fine). METADATA_LINT_JQ_STACK_MIB sets another
    /// size, for testing what happens past it.
    public static let bytes: Int = {
        if let text = getenv("METADATA_LINT_JQ_STACK_MIB"), let mebibytes = Int(String(cString: text)), mebibytes > 0,
           mebibytes <= 1 << 20 {
            return mebibytes << 20
        }
        return 1 << 30
    }()

    /// True on a thread started by `run` (or `concurrentPerform`).
    public static var isLarge: Bool { jqg_on_large_stack() != 0 }

    /// Runs `body` on a large-stack thread and waits for it (inline when already on one).
    public static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if isLarge { return try body() }
        let outcome: Result<T, E> = withoutActuallyEscaping(body) { escapable in
            let job = Job(escapable)
            // No thread could be made: run here rather than fail.
            if !job.start() { job.invoke() }
            return job.result ?? job.outcome()
        }
        return try outcome.get()
    }

    /// `body` on a large-stack thread when `needed`, else here.
    public static func run(when needed: Bool, _ body: () -> Void) {
        if needed { run(body) } else { body() }
    }

    /// `iterations` bodies on as many large-stack threads at once, like `concurrentPerform`.
    public static func concurrentPerform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: iterations) { index in run { body(index) } }
    }
}

/// Type-erased work handed to the C thread starter.
class JQStackWork {
    func invoke() {}

    /// Runs `invoke` on a new large-stack thread; false when no thread could be started.
    func start() -> Bool {
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        let status = jqg_run_on_large_stack({ raw in
            guard let raw else { return }
            Unmanaged<JQStackWork>.fromOpaque(raw).takeUnretainedValue().invoke()
        }, unmanaged.toOpaque(), JQStack.bytes)
        return status == 0
    }
}

private final class Job<T, E: Error>: JQStackWork {
    let body: () throws(E) -> T
    var result: Result<T, E>?

    init(_ body: @escaping () throws(E) -> T) { self.body = body }

    override func invoke() { result = outcome() }

    func outcome() -> Result<T, E> {
        do throws(E) {
            return .success(try body())
        } catch {
            return .failure(error)
        }
    }
}
