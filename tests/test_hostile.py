"""Hostile inputs (issue 15): every case must end without a signal, within its time and memory
bound, with the right exit code and finding. Each case drives the real binary; peak RSS comes from
wait4's rusage of that one process. The bounds hold for the debug build `make test` uses."""
from __future__ import annotations

import dataclasses
import os
import pathlib
import signal
import subprocess
import sys
import threading
import time
from typing import Callable

import pytest

import hostile_inputs as h

SECRET = "s3cr3t-value-from-the-environment"


@dataclasses.dataclass
class Case:
    id: str
    setup: Callable[[pathlib.Path], list[str]]
    code: int
    expect: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    seconds: float = 30
    rss_mb: int = 300
    stdin: str | None = None
    marks: tuple = ()
    env: dict | None = None


# Runs the binary from a small, fresh Python and reports its exit status and rusage on the fd
# given first.
# Peak RSS (ru_maxrss) carries over fork and exec: a child forked from pytest itself would start
# at pytest's resident size, so the binary is forked from this launcher instead.
LAUNCHER = """
import os, resource, sys
report, cap = int(sys.argv[1]), int(sys.argv[2])
pid = os.fork()
if pid == 0:
    if cap > 0:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.close(report)
    os.execv(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}".encode())
"""


def run_bounded(binary: str, args: list[str], cwd: pathlib.Path, stdin: str | None, seconds: float,
                extra_env: dict | None = None):
    """Runs the binary once: exit code, stdout, stderr, wall seconds and peak RSS in MiB (from
    wait4, exact for this one process). It is killed after three times its time bound."""
    # A safety net for the machine, far above every bound below (set lower to run the table
    # against an older binary; 0 for a sanitizer build, which reserves terabytes of shadow).
    cap = int(os.environ.get("HOSTILE_ADDRESS_SPACE_GIB", "12")) << 30
    env = dict(os.environ, HOSTILE_SECRET=SECRET, NO_COLOR="1", **(extra_env or {}))
    report_read, report_write = os.pipe()
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(report_write), str(cap), binary, *args], cwd=cwd, env=env,
                               stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               pass_fds=(report_write,))
    os.close(report_write)
    outputs = {}

    def drain(name, stream):
        outputs[name] = stream.read().decode("utf-8", "replace")

    readers = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", process.stdout), ("err", process.stderr))]
    for reader in readers:
        reader.start()
    if stdin is not None:
        process.stdin.write(stdin.encode())
        process.stdin.close()
    hung = threading.Event()

    def kill():
        hung.set()
        os.killpg(process.pid, signal.SIGKILL)

    killer = threading.Timer(seconds * 3, kill)
    killer.start()
    process.wait()
    killer.cancel()
    with os.fdopen(report_read, "rb") as report:
        words = report.read().split()
    for reader in readers:
        reader.join()
    elapsed = time.monotonic() - started
    if hung.is_set():
        pytest.fail(f"still running after {seconds * 3:.0f} s (killed): {args}")
    assert len(words) == 2, f"the launcher gave no status (exit {process.returncode}): {outputs['err'][-2000:]}"
    return int(words[0]), outputs["out"], outputs["err"], elapsed, int(words[1]) / 1024


# MARK: - setups


def meta(tmp: pathlib.Path) -> str:
    return str(h.copy_artifact_metadata(tmp))


def gz_bomb(tmp):
    (tmp / "bomb").mkdir()
    h.gzip_line_bomb(tmp / "bomb" / "users.jsonl.gz")
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "bomb"]


def string_bomb(tmp):
    (tmp / "bomb").mkdir()
    h.gzip_string_bomb(tmp / "bomb" / "users.jsonl.gz")
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "bomb"]


def bad_lines(tmp):
    h.gzip_bad_lines(tmp / "users.jsonl.gz")
    return ["check-artifacts", "--no-config", "--format", "json", "--metadata", meta(tmp), "users.jsonl.gz"]


def wrong_records(tmp):
    h.gzip_wrong_records(tmp / "users.jsonl.gz")
    return ["check-artifacts", "--no-config", "--format", "json", "--metadata", meta(tmp), "users.jsonl.gz"]


def many_values(tmp):
    h.many_values(tmp / "users.jsonl")
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "users.jsonl"]


def long_keys(tmp):
    h.long_key_metadata(tmp / "m.json")
    return ["validate", "--no-config", "m.json"]


def unknown_targets(tmp):
    h.unknown_targets_metadata(tmp / "m.json")
    return ["validate", "--no-config", "m.json"]


def big_enum(tmp):
    metadata, artifacts = h.big_enum(tmp)
    return ["check-artifacts", "--no-config", "--metadata", str(metadata), str(artifacts)]


def duplicate_keys(tmp):
    h.duplicate_keys_metadata(tmp / "m.json")
    return ["validate", "--no-config", "m.json"]


def unknown_keys(tmp):
    h.unknown_keys_metadata(tmp / "m.json")
    return ["validate", "--no-config", "m.json"]


def duplicate_keys_fmt(tmp):
    h.duplicate_keys_metadata(tmp / "m.json")
    return ["fmt", "--check", "m.json"]


def artifact_rule(filter_text, *flags):
    def setup(tmp):
        h.simple_artifacts(tmp)
        h.write_config(tmp, h.artifact_rule_config(filter_text))
        return ["check-artifacts", *flags, "--metadata", meta(tmp), "artifacts"]
    return setup


def artifact_rule_limited(filter_text, limits: str):
    """An artifact rule under the config's own `limits:` (no flags)."""
    def setup(tmp):
        h.simple_artifacts(tmp)
        h.write_config(tmp, h.artifact_rule_config(filter_text, "limits:\n" + limits))
        return ["check-artifacts", "--metadata", meta(tmp), "artifacts"]
    return setup


def metadata_rule(filter_text, *flags):
    def setup(tmp):
        h.write_config(tmp, h.metadata_rule_config(filter_text))
        (tmp / "m.json").write_text((h.ROOT / "fixtures/example/external_domain_metadata.json").read_text())
        return ["validate", *flags, "m.json"]
    return setup


def where(filter_text, *flags):
    def setup(tmp):
        h.simple_artifacts(tmp)
        return ["check-artifacts", "--no-config", *flags, "--where", filter_text, "--metadata", meta(tmp), "artifacts"]
    return setup


def where_two_workers(filter_text, *flags):
    """Two item types on two workers: one of them is a thread of libdispatch's pool, which blocks
    asynchronous signals unless told otherwise."""
    def setup(tmp):
        artifacts = h.simple_artifacts(tmp)
        (artifacts / "comments.jsonl").write_text('{"id": "c1", "created_date": "2024-01-01T00:00:00Z", '
                                                  '"modified_date": "2024-01-01T00:00:00Z", "data": {"text": "t", "epic": "e1"}}\n')
        return ["check-artifacts", "--no-config", "--workers", "2", *flags, "--where", filter_text, "--metadata", meta(tmp), "artifacts"]
    return setup


def query(*words):
    def setup(tmp):
        return ["query", *words]
    return setup


def special_files(tmp):
    h.special_files(tmp)
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "artifacts"]


def named_device(tmp):
    h.simple_artifacts(tmp)
    os.symlink("/dev/zero", tmp / "comments.jsonl")
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "artifacts/users.jsonl", "comments.jsonl"]


def gzip_trailer(trailer: bytes):
    def setup(tmp):
        h.gzip_trailing(tmp / "users.jsonl.gz", trailer)
        return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "users.jsonl.gz"]
    return setup


def malformed(tmp):
    h.malformed_lines(tmp / "users.jsonl")
    return ["check-artifacts", "--no-config", "--metadata", meta(tmp), "users.jsonl"]


BROKEN = '{"schema_version": "v0.2.0", "record_types": {"users": {"fields": {"name": {"type": "txt"}}}}}\n'


def parent_config(tmp):
    """A config above the repository root ignores everything: it must not apply."""
    h.write_config(tmp, 'ignore: ["*"]\n')
    repo = tmp / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "sub" / "broken.json").write_text(BROKEN)
    return ["validate", "repo/sub/broken.json"]


def in_repo(args_after, config_text):
    def setup(tmp):
        (tmp / ".git").mkdir()
        h.write_config(tmp, config_text)
        (tmp / "broken.json").write_text(BROKEN)
        return args_after
    return setup


def env_rule(tmp):
    h.write_config(tmp, "custom-rules:\n  - id: leak\n    severity: error\n    message: leak\n"
                        "    filter: '{path: [], message: ($ENV.HOSTILE_SECRET // \"none\")}, {path: [], message: (env.HOSTILE_SECRET // \"none\")}'\n")
    (tmp / "m.json").write_text((h.ROOT / "fixtures/example/external_domain_metadata.json").read_text())
    return ["validate", "m.json"]


def stderr_rule(tmp):
    h.write_config(tmp, "custom-rules:\n  - id: leak\n    message: leak\n"
                        "    filter: 'path(.record_types.u.name | stderr | debug | select(false))'\n")
    (tmp / "m.json").write_text('{"schema_version": "v0.2.0", "record_types": {"u": {"name": "' + SECRET + '", "fields": {"n": {"type": "text"}}}}}')
    return ["validate", "m.json"]


def import_rule(tmp):
    (tmp / "data.json").write_text('"' + SECRET + '"')
    h.write_config(tmp, "custom-rules:\n  - id: leak\n    message: leak\n"
                        f"    filter: 'import \"data\" as $d {{search: \"{tmp}\"}}; {{path: [], message: $d[0]}}'\n")
    (tmp / "m.json").write_text((h.ROOT / "fixtures/example/external_domain_metadata.json").read_text())
    return ["validate", "m.json"]


def library_module(tmp):
    (tmp / "lib").mkdir()
    (tmp / "lib" / "m.jq").write_text("def answer: 42;\n")
    return ["query", "-L", str(tmp / "lib"), 'import "m" as m; m::answer']


def forged_annotation(tmp):
    (tmp / "m.json").write_text('{"schema_version": "v0.2.0", "record_types": {"u": {"fields": {"n": {"type": "text"}}}}, '
                                '"x\\r\\n::error file=forged.json::forged": 1}\n')
    return ["validate", "--no-config", "--format", "github", "m.json"]


LONG = 60  # seconds for the debug binary on the big inputs
# A sanitizer build needs more of both: HOSTILE_SCALE=4 multiplies every time and memory bound.
SCALE = float(os.environ.get("HOSTILE_SCALE", "1"))

CASES = [
    # 1. libjq: exact conversions, callbacks, module search, jq's own crashes.
    Case("query-halt-1e10", query("halt_error(1e10)"), 5, ("is not a 32-bit integer",), stdin="{}"),
    Case("query-halt-minus-3e9", query("halt_error(-3e9)"), 5, ("is not a 32-bit integer",), stdin="{}"),
    Case("query-halt-nan", query("halt_error(nan)"), 5, ("is not a 32-bit integer",), stdin="{}"),
    Case("query-halt-infinite", query("halt_error(infinite)"), 5, ("is not a 32-bit integer",), stdin="{}"),
    Case("query-halt-exact", query('"bye\\n" | halt_error(3)'), 3, ("bye",), stdin="{}"),
    Case("where-halt-1e10", where("halt_error(1e10)"), 0, ("records: users: 0",)),
    Case("rule-halt-1e10", metadata_rule("halt_error(1e10)"), 1, ("failed on this file",)),
    Case("rule-path-1e300", metadata_rule("[1e300]"), 1, ("which is not in the file",)),
    Case("rule-path-nan", metadata_rule("[nan]"), 1, ("which is not in the file",)),
    Case("query-help", query("--help"), 0, ("USAGE: metadata-lint query",)),
    Case("query-debug", query("debug"), 0, ('["DEBUG:",{"a":1}]',), stdin='{"a":1}'),
    Case("query-input", query("input"), 5, ("break",), stdin='{"a":1}\n{"a":2}'),
    Case("query-inputs", query("-c", "[inputs]"), 0, ("[]",), stdin='{"a":1}'),
    Case("rule-debug-dropped", stderr_rule, 0, forbid=("DEBUG", SECRET)),
    # libjq leaves the input and debug callbacks of a fresh state uninitialised: these crashed.
    Case("where-input", where("input"), 0, ("records: users: 0",)),
    Case("where-inputs", where("[inputs] | length == 0"), 0, ("records: users: 2",)),
    Case("where-debug", where("debug | true"), 0, ("records: users: 2", '["DEBUG:",{"id":"u1"')),
    Case("query-import-origin", query('import "a" as a {search: "$ORIGIN/x"}; .'), 2, ("module search is disabled",), stdin="{}"),
    Case("query-modulemeta", query('"a" | modulemeta'), 2, ("module search is disabled",), stdin="{}"),
    Case("query-library-path", library_module, 0, ("42",), stdin="{}"),
    Case("query-library-origin", lambda tmp: ["query", "-L", str(tmp), 'import "a" as a {search: "$ORIGIN/x"}; .'], 2,
         ("module not found",), stdin="{}"),
    Case("query-deep-reduce", query("reduce range(1000000) as $i (0; [.]) | length"), 0, ("1",), stdin="{}", rss_mb=400),
    Case("query-stack-overflow", query("reduce range(300000) as $i (0; [.]) | length"), 2, ("nested too deeply for the stack",),
         stdin="{}", env={"METADATA_LINT_JQ_STACK_MIB": "2"}),
    Case("query-huge-index", query("[] | .[1e9] = 1"), 5, ("ran out of memory",), stdin="{}"),
    # 2. Limits instead of exhaustion.
    Case("gzip-array-bomb", gz_bomb, 1, ("bomb/users.jsonl.gz:1:1: error[record-too-large]", "more than 1000000 JSON values",
                                         "bomb/users.jsonl.gz:3:", "value-out-of-bounds"), seconds=LONG, rss_mb=300),
    Case("gzip-string-bomb", string_bomb, 1, ("bomb/users.jsonl.gz:1:1: error[record-too-large]", "larger than 16 MiB",
                                              "bomb/users.jsonl.gz:3:", "value-out-of-bounds"), seconds=LONG, rss_mb=300),
    Case("two-million-bad-lines", bad_lines, 1, ('"line": 1000,', '"line": 1001,', "1999000 more malformed records from this line on"),
         forbid=('"line": 1002,',), seconds=LONG, rss_mb=200),
    Case("two-million-findings", wrong_records, 1, ("1900000 more findings were counted but not listed",), seconds=LONG, rss_mb=400),
    Case("record-values", many_values, 1, ("users.jsonl:1:1: error[record-too-large]", "more than 1000000 JSON values"), seconds=LONG),
    Case("long-key-pointers", long_keys, 1, ("unknown-key",), seconds=LONG, rss_mb=100),
    Case("unknown-targets", unknown_targets, 1, ("unknown-reference-target", "10000 errors"), seconds=LONG, rss_mb=400),
    Case("enum-1m-bad-values", big_enum, 1, ("invalid-enum-value", "bad value 19"), seconds=LONG * 2, rss_mb=1500),
    Case("duplicate-keys", duplicate_keys, 1, ("json-duplicate-key", "40000 errors"), seconds=LONG),
    Case("unknown-keys-one-line", unknown_keys, 1, ("unknown-key", "40000 errors"), seconds=LONG),
    Case("duplicate-keys-fmt", duplicate_keys_fmt, 1, ("json-duplicate-key", "fmt leaves the file as it is"), seconds=LONG),
    Case("rule-repeat", artifact_rule("last(repeat(1))", "--filter-time", "0.5"), 1, ("error[filter-limit]", "time budget of 0.5 s"), seconds=15),
    Case("rule-repeat-outputs", artifact_rule("repeat(1)"), 1, ("flagged",), seconds=15),
    Case("where-repeat", where("[repeat(1)] | length", "--filter-time", "0.5"), 1, ("error[filter-limit]", "--where filter"), seconds=15),
    # The stop is shared: a worker that starts its record after the other's stop checks it without
    # the filter, so which file carries the finding depends on timing. The bound is the point:
    # the halt reaches a thread of libdispatch's pool.
    Case("where-repeat-two-workers", where_two_workers("last(repeat(1))", "--filter-time", "0.5"), 1,
         (".jsonl:1:1: error[filter-limit]",), seconds=15),
    Case("rule-repeat-config-limit", artifact_rule_limited("last(repeat(1))", "  filter-time: 300ms\n"), 1,
         ("error[filter-limit]", "time budget of 0.3 s"), seconds=15),
    Case("rule-memory", artifact_rule("[range(1e9)] | length > 0", "--filter-memory", "64MiB"), 1,
         ("error[filter-limit]", 'custom rule "hostile"', "memory budget of 64 MiB"), seconds=LONG, rss_mb=400),
    Case("metadata-rule-repeat", metadata_rule("last(repeat(1))", "--filter-time", "500ms"), 1, ("error[filter-limit]",), seconds=15),
    Case("where-memory", where("[range(1e9)] | length", "--filter-memory", "64MiB"), 1, ("error[filter-limit]", "memory budget of 64 MiB"),
         seconds=LONG, rss_mb=400),
    Case("where-long-builtin", where('"x" * 1e9 | length', "--filter-time", "0.5"), 2, ("cannot be interrupted",), seconds=15, rss_mb=400),
    Case("where-one-call-memory", where("[] | .[1e8] = 1 | length", "--filter-memory", "128MiB"), 2,
         ("memory budget inside one libjq builtin call",), seconds=30, rss_mb=400),
    Case("fifo-and-devices", special_files, 0, ("epics.jsonl: warning[not-a-regular-file]", "named pipe",
                                                "comments.jsonl: warning[not-a-regular-file]", "/dev/zero, a character device",
                                                "users_2.jsonl: warning[not-a-regular-file]", "records: users: 2"), seconds=15),
    Case("named-device", named_device, 0, ("comments.jsonl: warning[not-a-regular-file]", "character device"), seconds=15),
    Case("validate-device", lambda tmp: ["validate", "--no-config", "/dev/zero"], 2, ("is a character device",), seconds=15),
    # 3. Config trust.
    Case("config-above-repository", parent_config, 1, ("unknown-field-type",), forbid=("0 files", "ignore pattern")),
    Case("ignored-but-named", in_repo(["validate", "broken.json"], 'ignore: ["*.json"]\n'), 1,
         ("unknown-field-type", "checked 1 file named on the command line although an ignore pattern matches")),
    Case("force-exclude", in_repo(["validate", "--force-exclude", "broken.json"], 'ignore: ["*.json"]\n'), 0,
         ("ignored 1 file matching an ignore pattern", "broken.json")),
    Case("rule-env", env_rule, 1, ("error[leak]: none",), forbid=(SECRET,)),
    Case("rule-import", import_rule, 2, ("disabled for filters from a config file",), forbid=(SECRET,)),
    # 4. Exact answers.
    Case("gzip-trailing-garbage", gzip_trailer(b"garbage\n"), 1, ("error[corrupt-artifact]", "8 bytes that are not gzip data")),
    Case("gzip-trailing-text", gzip_trailer((h.user("u9") + "\n").encode()), 1, ("error[corrupt-artifact]", "follow the end of the gzip stream")),
    Case("malformed-lines", malformed, 1, ("users.jsonl:2:", "users.jsonl:3:", "users.jsonl:4:", "users.jsonl:5:", "4 errors")),
    Case("github-crlf-injection", forged_annotation, 1, ("%0D%0A",), forbid=("\n::error file=forged.json",)),
]



@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_hostile_input(binary, tmp_path, case: Case):
    args = case.setup(tmp_path)
    code, out, err, elapsed, peak = run_bounded(binary, args, tmp_path, case.stdin, case.seconds * SCALE, case.env)
    both = out + err
    if os.environ.get("HOSTILE_FIGURES"):
        # HOSTILE_FIGURES=FILE: each case's wall time, peak RSS and exit code, for the README's table.
        with open(os.environ["HOSTILE_FIGURES"], "a") as figures:
            figures.write(f"{case.id}\t{elapsed:.2f} s\t{peak:.0f} MiB\texit {code}\n")
    assert code >= 0, f"ended by signal {-code}: {err[-2000:]}"
    assert code == case.code, f"exit {code}, expected {case.code}\n{both[-3000:]}"
    for text in case.expect:
        assert text in both, f"missing {text!r} in:\n{both[-3000:]}"
    for text in case.forbid:
        assert text not in both, f"{text!r} must not appear:\n{both[-3000:]}"
    assert elapsed < case.seconds * SCALE, f"took {elapsed:.1f} s, bound {case.seconds * SCALE} s"
    assert peak < case.rss_mb * SCALE, f"peak RSS {peak:.0f} MiB, bound {case.rss_mb} MiB"
