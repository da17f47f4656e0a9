"""metadata-lint fmt: idempotent, value-preserving, atomic, refuses what it cannot format safely."""
import json
import shutil
import stat
import subprocess

import pytest

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURE_FILES = sorted(p for p in (ROOT / "fixtures").rglob("*.json"))
CORPUS_FILES = sorted(CORPUS.rglob("*.json")) if CORPUS.is_dir() else []


def run(binary, *args, cwd=ROOT, stdin=None):
    return subprocess.run([binary, *args], capture_output=True, timeout=60, cwd=cwd, input=stdin)


def depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


def formattable(data: bytes) -> bool:
    """One JSON value, no duplicate keys, nested at most 256 levels (the reader's limit)."""
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    try:
        return depth(json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)) <= 256
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False


def check_formatting(binary, tmp_path, source):
    original = source.read_bytes()
    target = tmp_path / "file.json"
    target.write_bytes(original)
    first = run(binary, "fmt", str(target))
    if not formattable(original):
        assert first.returncode == 1, first.stdout
        assert b"error[json-" in first.stdout, first.stdout
        assert b"1 file not formatted" in first.stdout
        assert target.read_bytes() == original, "a refused file is not touched"
        return
    assert first.returncode == 0, first.stdout + first.stderr
    formatted = target.read_bytes()
    # Idempotent: formatting the result changes nothing.
    again = run(binary, "fmt", "--check", str(target))
    assert again.returncode == 0, again.stdout
    assert again.stdout == b"0 files would be reformatted, 1 file already formatted\n"
    # The same JSON value, compared by jq (`query -S`) and by Python.
    before = run(binary, "query", "-S", "-c", ".", str(source))
    after = run(binary, "query", "-S", "-c", ".", str(target))
    assert before.returncode == 0 and after.stdout == before.stdout
    assert json.loads(formatted) == json.loads(original)
    assert formatted.endswith(b"\n") and b"\t" not in formatted.replace(b"\\t", b"")


@pytest.mark.parametrize("source", FIXTURE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture_files_format_idempotently_to_the_same_value(binary, tmp_path, source):
    check_formatting(binary, tmp_path, source)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_files_format_idempotently_to_the_same_value(binary, tmp_path, source):
    check_formatting(binary, tmp_path, source)


LAYOUT_IN = b"""{"record_types": {"users": {"fields": {"email": {"is_identifier": true, "custom_b": 1, "name": "E\\u006dail", "type": "text", "custom_a": [1.50, 2e3, {}]}}, "name": "Users", "stage_diagram": {"stages": {"b": {}, "a": {"transitions_to": ["b"]}}, "controlling_field": "s"}}}, "schema_version": "v0.2.0", "extra": null}"""

LAYOUT_OUT = b"""{
  "schema_version": "v0.2.0",
  "record_types": {
    "users": {
      "name": "Users",
      "fields": {
        "email": {
          "type": "text",
          "name": "E\\u006dail",
          "is_identifier": true,
          "custom_b": 1,
          "custom_a": [
            1.50,
            2e3,
            {}
          ]
        }
      },
      "stage_diagram": {
        "controlling_field": "s",
        "stages": {
          "b": {},
          "a": {
            "transitions_to": [
              "b"
            ]
          }
        }
      }
    }
  },
  "extra": null
}
"""


def test_canonical_layout_orders_known_keys_and_keeps_bytes(binary):
    result = run(binary, "fmt", "-", stdin=LAYOUT_IN)
    assert result.returncode == 0, result.stderr
    assert result.stdout == LAYOUT_OUT


def test_check_lists_files_and_writes_nothing(binary, tmp_path):
    messy = tmp_path / "messy.json"
    messy.write_bytes(LAYOUT_IN)
    tidy = tmp_path / "tidy.json"
    tidy.write_bytes(LAYOUT_OUT)
    result = run(binary, "fmt", "--check", "messy.json", "tidy.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b"would reformat: messy.json\n1 file would be reformatted, 1 file already formatted\n"
    assert messy.read_bytes() == LAYOUT_IN


def test_diff_prints_a_patch_that_patch_applies(binary, tmp_path):
    messy = tmp_path / "messy.json"
    messy.write_bytes(LAYOUT_IN)
    result = run(binary, "fmt", "--diff", "messy.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(b"--- messy.json\n+++ messy.json\n@@ -1 +1,33 @@\n")
    assert result.stderr == b"1 file would be reformatted, 0 files already formatted\n"
    (tmp_path / "fmt.patch").write_bytes(result.stdout)
    subprocess.run(["patch", "-s", "messy.json", "fmt.patch"], cwd=tmp_path, check=True)
    assert messy.read_bytes() == LAYOUT_OUT


def test_writes_atomically_keeping_the_mode(binary, tmp_path):
    target = tmp_path / "meta.json"
    target.write_bytes(LAYOUT_IN)
    target.chmod(0o600)
    result = run(binary, "fmt", str(target))
    assert result.returncode == 0
    assert result.stdout == f"reformatted: {target}\n1 file reformatted, 0 files already formatted\n".encode()
    assert target.read_bytes() == LAYOUT_OUT
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["meta.json"]


def test_refuses_invalid_json_and_duplicate_keys_with_positions(binary, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{\n  "record_types": {\n    "a": {},\n  }\n}\n')
    duplicate = tmp_path / "duplicate.json"
    duplicate.write_bytes(b'{\n  "record_types": {},\n  "record_types": {"a": {"fields": {}}}\n}\n')
    result = run(binary, "fmt", "broken.json", "duplicate.json", cwd=tmp_path)
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "broken.json:4:3: error[json-syntax]: " in out
    assert 'duplicate.json:3:3: error[json-duplicate-key]: duplicate key "record_types" (first on line 2)' in out
    assert out.endswith("0 files reformatted, 0 files already formatted, 2 files not formatted (not valid JSON or duplicate keys)\n")
    assert broken.read_bytes() == b'{\n  "record_types": {\n    "a": {},\n  }\n}\n'


def test_missing_file_is_exit_two(binary):
    result = run(binary, "fmt", "no/such.json")
    assert result.returncode == 2
    assert b"no such file" in result.stderr
