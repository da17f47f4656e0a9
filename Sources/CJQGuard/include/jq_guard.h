// Containment for libjq 1.6, which has no cancellation API, no memory limit and crashes on some
// values: guarded calls, time and memory budgets enforced by a watchdog thread, and threads with
// a large stack for deeply nested values. See jq_guard.c for how each part works and why it is
// sound.
#ifndef METADATA_LINT_JQ_GUARD_H
#define METADATA_LINT_JQ_GUARD_H

#include <stddef.h>
#include <stdint.h>
#include <jv.h>
#include <jq.h>

/// How a guarded call ended. Anything but JQG_OK after jqg_next means the jq state must not be
/// used again (out of memory, aborted) or was halted (budgets).
typedef enum {
    JQG_OK = 0,
    /// libjq could not allocate memory; the call was abandoned (the state must be dropped).
    JQG_OUT_OF_MEMORY = 1,
    /// The run passed its time budget and was halted between two jq instructions.
    JQG_TIME_BUDGET = 2,
    /// The process grew past the run's memory budget and the run was halted.
    JQG_MEMORY_BUDGET = 3,
    /// libjq aborted on an assertion right after our halt (the state must be dropped).
    JQG_ABORTED = 4,
} jqg_status;

/// Keeps a state that a guarded call abandoned (it must never be used or torn down again) where
/// leak checkers see it: it is dropped on purpose, not lost.
void jqg_abandon(jq_state *jq);

/// Routes libjq's out-of-memory hook for this state to the guard.
void jqg_guard_state(jq_state *jq);

/// Starts a run with budgets (0: none) on this thread; `jq` may be halted by the watchdog until
/// jqg_budget_end. Call after jq_start, never around it.
void jqg_budget_begin(jq_state *jq, int64_t time_ns, int64_t memory_bytes);

/// Ends the run; returns JQG_TIME_BUDGET or JQG_MEMORY_BUDGET when the watchdog halted it.
jqg_status jqg_budget_end(void);

/// Why the current run was halted by the watchdog (JQG_OK: it was not).
jqg_status jqg_halt_reason(void);

/// jq_next, returning JQG_OUT_OF_MEMORY or JQG_ABORTED instead of ending the process.
jqg_status jqg_next(jq_state *jq, jv *out);

/// jv_parse_sized under the same guard.
jqg_status jqg_parse(const char *bytes, int length, jv *out);

/// Runs `body(context)` on a new thread with a `stack_bytes` stack (reserved, not committed) and
/// waits for it. A stack overflow there ends the process with a message and status 2 instead of
/// a crash. Returns 0, or an errno value when the thread could not be started.
int jqg_run_on_large_stack(void (*body)(void *), void *context, size_t stack_bytes);

/// True on a thread started by jqg_run_on_large_stack.
int jqg_on_large_stack(void);

/// The process's resident set size in bytes (0 when /proc is not readable).
int64_t jqg_resident_bytes(void);

#endif
