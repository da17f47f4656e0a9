// How libjq 1.6 is contained, and why each part is sound:
//
// * Out of memory. libjq calls its per-thread "nomem" handler when malloc returns NULL and aborts
//   if the handler returns; the handler is documented as the place to longjmp "to safety". Ours
//   jumps back into jqg_next/jqg_parse (only while one of them is on the stack: elsewhere it
//   returns and libjq aborts as before). malloc holds no lock once it has returned NULL, and jq
//   itself takes none, so the only casualty is the jq_state, which the caller drops (leaks).
//
// * Time and memory budgets. jq_next checks `jq->halted` before every instruction, and jq_halt
//   only stores three fields. A watchdog thread wakes every 10 ms; when a run passes its deadline,
//   or the process's resident memory passes the run's limit, it sends a signal to that run's
//   thread, whose handler calls jq_halt on the state running there. Being on the same thread, the
//   handler needs no memory ordering with the interpreter, and it only acts when the run it was
//   sent for is still the one running (run numbers), so a late signal never halts a later run.
//   A single builtin that runs long (string repetition, a huge sort) sees the halt only when it
//   returns: if a halted run goes on for another second of its thread's CPU time (wall time
//   would misfire on a loaded machine), or grows past its memory limit by a quarter of the budget
//   (at least 64 MiB), the watchdog ends the process with a message and status 2, so a filter can
//   delay the end but never hang it or take the machine's memory.
//
// * The one race: the filter calling halt/halt_error just as our halt lands makes jq_halt's
//   assert(!halted) fail. The SIGABRT handler jumps back into jqg_next only in that case (our
//   halt pending, inside jqg_next: assert's message has been printed and no lock is held);
//   every other abort goes on as before.
//
// * Deep values. jq 1.6 frees, compares and prints nested values recursively, so a value nested
//   a million deep overflows an 8 MiB stack inside jq. jq runs on threads with a large reserved
//   stack (pages are committed only when touched) below a PROT_NONE guard; a fault in that guard
//   ends the process with a message and status 2 (on an alternate signal stack), never a crash.
#define _GNU_SOURCE
#include "jq_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// MARK: - Guarded calls

static _Thread_local sigjmp_buf guard_env;
static _Thread_local volatile sig_atomic_t guard_active;
static _Thread_local volatile sig_atomic_t halted_reason;

static void on_out_of_memory(void *unused) {
    (void)unused;
    if (guard_active) {
        guard_active = 0;
        siglongjmp(guard_env, JQG_OUT_OF_MEMORY);
    }
}

static pthread_mutex_t graveyard_lock = PTHREAD_MUTEX_INITIALIZER;
static jq_state **graveyard;
static size_t graveyard_count, graveyard_capacity;

void jqg_abandon(jq_state *jq) {
    pthread_mutex_lock(&graveyard_lock);
    if (graveyard_count == graveyard_capacity) {
        size_t capacity = graveyard_capacity ? graveyard_capacity * 2 : 16;
        jq_state **grown = realloc(graveyard, capacity * sizeof *grown);
        if (grown != NULL) {
            graveyard = grown;
            graveyard_capacity = capacity;
        }
    }
    if (graveyard_count < graveyard_capacity) graveyard[graveyard_count++] = jq;
    pthread_mutex_unlock(&graveyard_lock);
}

void jqg_guard_state(jq_state *jq) {
    jq_set_nomem_handler(jq, on_out_of_memory, NULL);
}

static void unblock_abort(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

jqg_status jqg_next(jq_state *jq, jv *out) {
    int jumped = sigsetjmp(guard_env, 0);
    if (jumped != 0) {
        guard_active = 0;
        if (jumped == JQG_ABORTED) unblock_abort();
        *out = jv_invalid();
        return (jqg_status)jumped;
    }
    guard_active = 1;
    jv value = jq_next(jq);
    guard_active = 0;
    *out = value;
    return JQG_OK;
}

jqg_status jqg_parse(const char *bytes, int length, jv *out) {
    jv_nomem_handler(on_out_of_memory, NULL);
    int jumped = sigsetjmp(guard_env, 0);
    if (jumped != 0) {
        guard_active = 0;
        *out = jv_invalid();
        return (jqg_status)jumped;
    }
    guard_active = 1;
    jv value = jv_parse_sized(bytes, length);
    guard_active = 0;
    *out = value;
    return JQG_OK;
}

// MARK: - Budgets

#define SLOT_COUNT 256
#define TICK_NS (10 * 1000 * 1000LL)
/// A halted run still running after this much CPU time of its thread is stuck in one builtin.
#define CPU_GRACE_NS (1000 * 1000 * 1000LL)
/// ...or after this much wall time, should its CPU time be unreadable (or the machine starved).
#define WALL_GRACE_NS (30 * 1000 * 1000 * 1000LL)
/// ...or once it has grown past its memory limit by this much (or a quarter of its budget).
#define MEMORY_SLACK ((int64_t)64 << 20)

typedef struct {
    _Atomic int claimed;
    /// Kernel thread id: a signal to a thread that has gone reaches no one or a thread whose
    /// handler ignores it, unlike pthread_kill on a joined thread.
    _Atomic pid_t thread;
    /// Run number of the run in progress on the slot's thread; 0 when idle.
    _Atomic uint64_t running;
    _Atomic int64_t deadline;
    _Atomic int64_t memory_limit;
    _Atomic int64_t memory_budget;
    /// The run the watchdog asked to stop, why, and when.
    _Atomic uint64_t requested_run;
    _Atomic int requested_reason;
    _Atomic int64_t requested_at;
    _Atomic int64_t requested_cpu;
} budget_slot;

static budget_slot slots[SLOT_COUNT];
static _Atomic uint64_t next_run = 1;
static _Atomic int64_t sampled_resident;
static _Atomic int memory_budgets_used;
static _Thread_local budget_slot *my_slot;
static _Thread_local jq_state *running_state;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static pthread_key_t slot_key;
static struct sigaction previous_abort;
static int halt_signal;

static int64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

int64_t jqg_resident_bytes(void) {
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char text[128];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) return 0;
    text[n] = 0;
    // "size resident shared ...", in pages.
    const char *p = text;
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
    int64_t pages = 0;
    while (*p >= '0' && *p <= '9') pages = pages * 10 + (*p++ - '0');
    return pages * (int64_t)sysconf(_SC_PAGESIZE);
}

/// CPU time of one of this process's threads, from /proc (-1 when unreadable: it has ended).
static int64_t thread_cpu_ns(pid_t tid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[512];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) return -1;
    text[n] = 0;
    // After "pid (comm) ", utime and stime are the 12th and 13th fields.
    const char *p = strrchr(text, ')');
    if (p == NULL) return -1;
    int64_t ticks = 0;
    for (int field = 0; *p && field < 14; p++) {
        if (*p == ' ') {
            field++;
            if (field == 12 || field == 13) {
                int64_t value = 0;
                const char *q = p + 1;
                while (*q >= '0' && *q <= '9') value = value * 10 + (*q++ - '0');
                ticks += value;
            }
        }
    }
    return ticks * (1000000000LL / sysconf(_SC_CLK_TCK));
}

static void fatal(const char *message) {
    ssize_t ignored = write(STDERR_FILENO, message, strlen(message));
    (void)ignored;
    _exit(2);
}

static void *watchdog(void *unused) {
    (void)unused;
    for (;;) {
        struct timespec tick = {0, TICK_NS};
        nanosleep(&tick, NULL);
        int64_t now = monotonic_ns();
        int64_t resident = 0;
        if (atomic_load(&memory_budgets_used)) {
            resident = jqg_resident_bytes();
            atomic_store(&sampled_resident, resident);
        }
        for (int k = 0; k < SLOT_COUNT; k++) {
            budget_slot *slot = &slots[k];
            if (!atomic_load(&slot->claimed)) continue;
            uint64_t run = atomic_load(&slot->running);
            if (run == 0) continue;
            int reason = JQG_OK;
            int64_t deadline = atomic_load(&slot->deadline);
            int64_t limit = atomic_load(&slot->memory_limit);
            if (deadline != 0 && now > deadline) reason = JQG_TIME_BUDGET;
            else if (limit != 0 && resident > limit) reason = JQG_MEMORY_BUDGET;
            if (reason == JQG_OK) continue;
            pid_t tid = atomic_load(&slot->thread);
            if (atomic_load(&slot->requested_run) != run) {
                atomic_store(&slot->requested_reason, reason);
                atomic_store(&slot->requested_at, now);
                atomic_store(&slot->requested_cpu, thread_cpu_ns(tid));
                atomic_store(&slot->requested_run, run);
            } else {
                // Still running after the halt: stuck inside one builtin call, which only ends
                // the process if it goes on working or growing.
                int64_t cpu = thread_cpu_ns(tid);
                int64_t cpu_then = atomic_load(&slot->requested_cpu);
                int64_t budget = atomic_load(&slot->memory_budget);
                int64_t slack = budget / 4 > MEMORY_SLACK ? budget / 4 : MEMORY_SLACK;
                if (limit != 0 && resident > limit + slack) {
                    fatal("metadata-lint: a jq filter passed its memory budget inside one libjq builtin call, which cannot be interrupted: stopping (exit status 2)\n");
                }
                if ((cpu >= 0 && cpu_then >= 0 && cpu - cpu_then > CPU_GRACE_NS)
                    || now - atomic_load(&slot->requested_at) > WALL_GRACE_NS) {
                    fatal(atomic_load(&slot->requested_reason) == JQG_MEMORY_BUDGET
                          ? "metadata-lint: a jq filter passed its memory budget inside one libjq builtin call, which cannot be interrupted: stopping (exit status 2)\n"
                          : "metadata-lint: a jq filter passed its time budget inside one libjq builtin call, which cannot be interrupted: stopping (exit status 2)\n");
                }
            }
            syscall(SYS_tgkill, getpid(), atomic_load(&slot->thread), halt_signal);
        }
    }
    return NULL;
}

static void on_halt_signal(int sig) {
    (void)sig;
    int saved = errno;
    budget_slot *slot = my_slot;
    if (slot != NULL && halted_reason == 0) {
        uint64_t run = atomic_load(&slot->running);
        if (run != 0 && run == atomic_load(&slot->requested_run)) {
            halted_reason = atomic_load(&slot->requested_reason);
            jq_state *jq = running_state;
            // jv_null() allocates nothing, so this is safe in a signal handler.
            if (jq != NULL && !jq_halted(jq)) jq_halt(jq, jv_null(), jv_null());
        }
    }
    errno = saved;
}

static void on_abort(int sig) {
    (void)sig;
    if (guard_active && halted_reason != 0) {
        guard_active = 0;
        siglongjmp(guard_env, JQG_ABORTED);
    }
    // Not ours: put the previous disposition back and let abort() go on.
    sigaction(SIGABRT, &previous_abort, NULL);
}

static void release_slot(void *raw) {
    budget_slot *slot = raw;
    atomic_store(&slot->running, 0);
    atomic_store(&slot->claimed, 0);
}

static void install(void) {
    halt_signal = SIGRTMIN + 4;
    pthread_key_create(&slot_key, release_slot);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = on_halt_signal;
    sigaction(halt_signal, &action, NULL);
    action.sa_handler = on_abort;
    sigaction(SIGABRT, &action, &previous_abort);
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    // The watchdog must not receive the halt signal meant for jq threads.
    sigset_t blocked, previous;
    sigemptyset(&blocked);
    sigaddset(&blocked, halt_signal);
    pthread_sigmask(SIG_BLOCK, &blocked, &previous);
    pthread_create(&thread, &attributes, watchdog, NULL);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    pthread_attr_destroy(&attributes);
}

static int claim_slot(void) {
    // Threads of libdispatch's pool (and threads they start) block asynchronous signals: the
    // halt signal must reach this one.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, halt_signal);
    sigaddset(&set, SIGABRT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    for (int k = 0; k < SLOT_COUNT; k++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&slots[k].claimed, &expected, 1)) {
            atomic_store(&slots[k].thread, (pid_t)syscall(SYS_gettid));
            atomic_store(&slots[k].running, 0);
            atomic_store(&slots[k].requested_run, 0);
            my_slot = &slots[k];
            pthread_setspecific(slot_key, my_slot);
            return 1;
        }
    }
    return 0;
}

void jqg_budget_begin(jq_state *jq, int64_t time_ns, int64_t memory_bytes) {
    halted_reason = 0;
    running_state = jq;
    if (time_ns <= 0 && memory_bytes <= 0) return;
    pthread_once(&install_once, install);
    if (my_slot == NULL && !claim_slot()) return;  // more than SLOT_COUNT threads: no budget
    int64_t limit = 0;
    if (memory_bytes > 0) {
        if (!atomic_exchange(&memory_budgets_used, 1) || atomic_load(&sampled_resident) == 0) {
            atomic_store(&sampled_resident, jqg_resident_bytes());
        }
        limit = atomic_load(&sampled_resident) + memory_bytes;
    }
    atomic_store(&my_slot->deadline, time_ns > 0 ? monotonic_ns() + time_ns : 0);
    atomic_store(&my_slot->memory_limit, limit);
    atomic_store(&my_slot->memory_budget, memory_bytes > 0 ? memory_bytes : 0);
    atomic_store(&my_slot->running, atomic_fetch_add(&next_run, 1));
}

jqg_status jqg_budget_end(void) {
    if (my_slot != NULL) atomic_store(&my_slot->running, 0);
    running_state = NULL;
    jqg_status reason = (jqg_status)halted_reason;
    halted_reason = 0;
    return reason;
}

jqg_status jqg_halt_reason(void) {
    return (jqg_status)halted_reason;
}

// MARK: - Large stacks

#define GUARD_BYTES ((size_t)1 << 20)
#define GUARD_COUNT 256

static _Atomic uintptr_t guard_low[GUARD_COUNT];
static _Atomic uintptr_t guard_high[GUARD_COUNT];
static _Thread_local int large_stack;
static pthread_once_t segv_once = PTHREAD_ONCE_INIT;
static struct sigaction previous_segv;

static void on_segv(int sig, siginfo_t *info, void *context) {
    (void)sig;
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int k = 0; k < GUARD_COUNT; k++) {
        uintptr_t low = atomic_load(&guard_low[k]);
        if (low != 0 && address >= low && address < atomic_load(&guard_high[k])) {
            fatal("metadata-lint: a jq value is nested too deeply for the stack jq runs on (libjq 1.6 frees, compares and prints values recursively): stopping (exit status 2)\n");
        }
    }
    // Not a jq stack overflow: the previous handler (or the default action) sees the fault again.
    sigaction(SIGSEGV, &previous_segv, NULL);
}

static void install_segv(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    action.sa_sigaction = on_segv;
    sigaction(SIGSEGV, &action, &previous_segv);
}

typedef struct {
    void (*body)(void *);
    void *context;
} launch;

static void *trampoline(void *raw) {
    launch *work = raw;
    stack_t alternate;
    memset(&alternate, 0, sizeof alternate);
    size_t alternate_size = 256 * 1024;
    alternate.ss_sp = malloc(alternate_size);
    alternate.ss_size = alternate_size;
    if (alternate.ss_sp != NULL) sigaltstack(&alternate, NULL);
    large_stack = 1;
    work->body(work->context);
    if (alternate.ss_sp != NULL) {
        stack_t off;
        memset(&off, 0, sizeof off);
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, NULL);
        free(alternate.ss_sp);
    }
    return NULL;
}

int jqg_run_on_large_stack(void (*body)(void *), void *context, size_t stack_bytes) {
    pthread_once(&segv_once, install_segv);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    stack_bytes = (stack_bytes + page - 1) / page * page;
    size_t total = stack_bytes + GUARD_BYTES;
    char *base = mmap(NULL, total, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) return errno;
    if (mprotect(base, GUARD_BYTES, PROT_NONE) != 0) {
        int error = errno;
        munmap(base, total);
        return error;
    }
    int registered = -1;
    for (int k = 0; k < GUARD_COUNT && registered < 0; k++) {
        uintptr_t expected = 0;
        if (atomic_compare_exchange_strong(&guard_low[k], &expected, (uintptr_t)base)) {
            atomic_store(&guard_high[k], (uintptr_t)base + GUARD_BYTES);
            registered = k;
        }
    }
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstack(&attributes, base + GUARD_BYTES, stack_bytes);
    launch work = {body, context};
    pthread_t thread;
    int error = pthread_create(&thread, &attributes, trampoline, &work);
    pthread_attr_destroy(&attributes);
    if (error == 0) pthread_join(thread, NULL);
    if (registered >= 0) {
        atomic_store(&guard_high[registered], 0);
        atomic_store(&guard_low[registered], 0);
    }
    munmap(base, total);
    return error;
}

int jqg_on_large_stack(void) {
    return large_stack;
}
