"""Hostile inputs for metadata-lint, written on demand into a directory.

Each generator is small and fast: the large ones (a 1 GB gzip line) are built from repeated gzip
members, which gzip readers must accept (RFC 1952 allows several members in one file).
`python tests/hostile_inputs.py measure BINARY` runs every case once under a memory cap and prints
wall time and peak RSS (the figures in the README's limits section).
"""
from __future__ import annotations

import gzip
import json
import os
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACT_METADATA = ROOT / "fixtures" / "artifacts" / "metadata.json"

USER = {"id": "u1", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z",
        "data": {"email": "a@example.com", "name": "Ann"}}


def user(identifier: str, name: str = "Ann") -> str:
    record = dict(USER, id=identifier, data={"email": f"{identifier}@example.com", "name": name})
    return json.dumps(record)


def gzip_line_bomb(path: pathlib.Path, total: int = 1 << 30) -> None:
    """One JSONL line holding a `total`-byte array of zeros, then a valid record and a record with
    a name too long (which must still be found)."""
    chunk = b"0," * (1 << 19)  # 1 MiB
    member = gzip.compress(chunk, compresslevel=9)
    with open(path, "wb") as out:
        out.write(gzip.compress(b"["))
        for _ in range(total // len(chunk)):
            out.write(member)
        out.write(gzip.compress(b"0]\n" + user("u2").encode() + b"\n" + user("u3", "x" * 30).encode() + b"\n"))


def gzip_string_bomb(path: pathlib.Path, total: int = 1 << 30) -> None:
    """One JSONL line whose one string is `total` bytes: few values, so the size limit applies."""
    chunk = b"x" * (1 << 20)
    member = gzip.compress(chunk, compresslevel=9)
    with open(path, "wb") as out:
        out.write(gzip.compress(b'{"id": "u1", "data": {"name": "'))
        for _ in range(total // len(chunk)):
            out.write(member)
        out.write(gzip.compress(b'"}}\n' + user("u2").encode() + b"\n" + user("u3", "x" * 30).encode() + b"\n"))


def gzip_bad_lines(path: pathlib.Path, lines: int = 2_000_000) -> None:
    """Two million lines that each open a record and break it, in a few kilobytes of gzip."""
    member = gzip.compress(b"{x\n" * 100_000, compresslevel=9)
    with open(path, "wb") as out:
        for _ in range(lines // 100_000):
            out.write(member)


def gzip_wrong_records(path: pathlib.Path, lines: int = 2_000_000) -> None:
    """Two million well-formed records that are not objects (an item-envelope finding each)."""
    member = gzip.compress(b'"x"\n' * 100_000, compresslevel=9)
    with open(path, "wb") as out:
        for _ in range(lines // 100_000):
            out.write(member)


def gzip_trailing(path: pathlib.Path, trailer: bytes) -> None:
    with open(path, "wb") as out:
        out.write(gzip.compress((user("u1") + "\n").encode()))
        out.write(trailer)


def malformed_lines(path: pathlib.Path) -> None:
    """Four bad lines between good records: each must get its own finding."""
    path.write_text("\n".join([
        user("u1"),
        '{"id": "u2" "data": {}}',
        '   {"id": "u3", }',
        'not json at all',
        '  ]',
        user("u4"),
    ]) + "\n")


def many_values(path: pathlib.Path, count: int = 1_200_000) -> None:
    path.write_text("[" + ",".join(["0"] * count) + "]\n" + user("u2") + "\n")


def long_key_metadata(path: pathlib.Path, depth: int = 120, key_length: int = 1000, elements: int = 10_000) -> None:
    """A ~140 KB metadata file: long keys nested deep, and many values at the bottom, so that a
    pointer string per value (built eagerly) would cost depth * key_length bytes each."""
    inner = "[" + ",".join(["0"] * elements) + "]"
    text = inner
    for level in range(depth):
        key = chr(ord("a") + level % 26) * key_length
        text = '{"' + key + '":' + text + "}"
    path.write_text('{"schema_version": "v0.2.0", "record_types": {"users": {"fields": {"name": {"type": "text"}}}},'
                    ' "x_extra": ' + text + "}\n")


def unknown_targets_metadata(path: pathlib.Path, count: int = 10_000, types: int = 2000) -> None:
    """`count` reference fields, each to an undeclared record type, among `types` declared ones."""
    record_types = {f"type_{k:05d}": {"fields": {"name": {"type": "text"}}} for k in range(types)}
    fields = {f"ref_{k:05d}": {"type": "reference", "reference": {"refers_to": {f"#record:missing_{k:05d}": {}}}}
              for k in range(count)}
    record_types["holder"] = {"fields": fields}
    path.write_text(json.dumps({"schema_version": "v0.2.0", "record_types": record_types}))


def big_enum(directory: pathlib.Path, values: int = 1_000_000, bad: int = 20) -> tuple[pathlib.Path, pathlib.Path]:
    """Metadata with a `values`-key enum, and epics whose priority is not one of them."""
    metadata = json.loads(ARTIFACT_METADATA.read_text())
    metadata["record_types"]["epics"]["fields"]["priority"]["enum"]["values"] = [{"key": f"k{k:07d}"} for k in range(values)]
    meta_path = directory / "metadata.json"
    meta_path.write_text(json.dumps(metadata))
    artifacts = directory / "artifacts"
    artifacts.mkdir()
    lines = [user("u1")]
    (artifacts / "users.jsonl").write_text("\n".join(lines) + "\n")
    epics = []
    for k in range(bad):
        epics.append(json.dumps({"id": f"e{k}", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z",
                                 "data": {"title": "t", "owner": "u1", "priority": f"bad value {k}"}}))
    (artifacts / "epics.jsonl").write_text("\n".join(epics) + "\n")
    return meta_path, artifacts


def duplicate_keys_metadata(path: pathlib.Path, count: int = 40_000) -> None:
    members = ",".join(f'"dup": {k}' for k in range(count))
    path.write_text('{"schema_version": "v0.2.0", "record_types": {"users": {"fields": {"name": {"type": "text"}}}},'
                    ' "x_extra": {' + members + "}}\n")


def unknown_keys_metadata(path: pathlib.Path, count: int = 40_000) -> None:
    fields = {"name": {"type": "text"}}
    users = {"fields": fields}
    users.update({f"unknown_{k}": 1 for k in range(count)})
    path.write_text(json.dumps({"schema_version": "v0.2.0", "record_types": {"users": users}}))


def write_config(directory: pathlib.Path, text: str) -> pathlib.Path:
    path = directory / ".metadata-lint.yml"
    path.write_text(text)
    return path


def artifact_rule_config(filter_text: str, extra: str = "") -> str:
    return ("custom-rules:\n  - id: hostile\n    on: artifacts\n    severity: error\n    message: flagged\n"
            f"    filter: {json.dumps(filter_text)}\n" + extra)


def metadata_rule_config(filter_text: str, extra: str = "") -> str:
    return ("custom-rules:\n  - id: hostile\n    severity: error\n    message: flagged\n"
            f"    filter: {json.dumps(filter_text)}\n" + extra)


def simple_artifacts(directory: pathlib.Path) -> pathlib.Path:
    artifacts = directory / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "users.jsonl").write_text(user("u1") + "\n" + user("u2") + "\n")
    return artifacts


def special_files(directory: pathlib.Path) -> pathlib.Path:
    """A FIFO, a link to /dev/zero and a link to the FIFO, named like artifacts (so that they are
    opened, not rejected for their names)."""
    artifacts = simple_artifacts(directory)
    os.mkfifo(artifacts / "epics.jsonl")
    os.symlink("/dev/zero", artifacts / "comments.jsonl")
    os.symlink(str((artifacts / "epics.jsonl").resolve()), artifacts / "users_2.jsonl")
    return artifacts


def copy_artifact_metadata(directory: pathlib.Path) -> pathlib.Path:
    target = directory / "metadata.json"
    shutil.copy(ARTIFACT_METADATA, target)
    return target


def measure(binary: str) -> None:
    """Runs each bomb once and prints seconds and peak RSS (6 GiB address-space cap, killed after
    60 s: a hang shows as the 60 s)."""
    import resource
    import subprocess
    import tempfile
    import threading
    import time

    def run(label, args, cwd):
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
        start = time.monotonic()
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   stdin=subprocess.DEVNULL, preexec_fn=limit)
        killer = threading.Timer(60, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        elapsed = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        print(f"{label:<44} {elapsed:8.2f} s {usage.ru_maxrss / 1024:9.0f} MiB  exit {code}", flush=True)

    with tempfile.TemporaryDirectory() as raw:
        tmp = pathlib.Path(raw)
        meta = str(copy_artifact_metadata(tmp))
        checks = [binary, "check-artifacts", "--no-config", "--metadata", meta]
        for name, make in (("array", gzip_line_bomb), ("string", gzip_string_bomb)):
            (tmp / name).mkdir()
            make(tmp / name / "users.jsonl.gz")
            run(f"1 GB {name} line in a 1 MB .jsonl.gz", checks + [name], tmp)
        many_values(tmp / "values.jsonl")
        run("1.2M values in one record", checks + ["--item-type", "users", "values.jsonl"], tmp)
        long_key_metadata(tmp / "long.json")
        run("140 KB metadata with long keys", [binary, "validate", "--no-config", "long.json"], tmp)
        unknown_targets_metadata(tmp / "targets.json")
        run("10,000 unknown #record: targets", [binary, "validate", "--no-config", "targets.json"], tmp)
        enum_dir = tmp / "enum"
        enum_dir.mkdir()
        enum_meta, enum_artifacts = big_enum(enum_dir)
        run("1M-value enum, 20 bad values", [binary, "check-artifacts", "--no-config", "--metadata", str(enum_meta), str(enum_artifacts)], tmp)
        duplicate_keys_metadata(tmp / "dups.json")
        run("40,000 duplicate keys", [binary, "validate", "--no-config", "dups.json"], tmp)
        unknown_keys_metadata(tmp / "unknown.json")
        run("40,000 unknown keys on one line", [binary, "validate", "--no-config", "unknown.json"], tmp)
        special = tmp / "special"
        special.mkdir()
        special_files(special)
        run("FIFO and /dev/zero link in a directory", checks + [str(special / "artifacts")], tmp)
        plain = tmp / "plain"
        plain.mkdir()
        simple_artifacts(plain)
        run("--where 'last(repeat(1))'", checks + ["--where", "last(repeat(1))", str(plain / "artifacts")], tmp)
        write_config(plain, artifact_rule_config("last(repeat(1))"))
        run("custom rule 'last(repeat(1))'", [binary, "check-artifacts", "--metadata", meta, "artifacts"], plain)


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "measure":
        measure(os.path.abspath(sys.argv[2]))
    else:
        print("usage: hostile_inputs.py measure BINARY")
