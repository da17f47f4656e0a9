"""validate --fix / --unsafe-fixes / --diff driven through the binary, on copies in a temp dir."""
import json
import os
import pathlib
import shutil
import stat
import subprocess

import pytest

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "metadata"
FIX = ROOT / "fixtures" / "fix"


def run(binary, *args, cwd=ROOT, stdin=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=cwd, input=stdin)


def copy(tmp_path, source, name="external_domain_metadata.json"):
    target = tmp_path / name
    shutil.copyfile(source, target)
    target.chmod(0o640)
    return target


def test_fix_writes_reports_and_exits_by_what_remains(binary, tmp_path):
    target = copy(tmp_path, FIX / "reserved-fields" / "input.json")
    result = run(binary, "validate", "--no-config", "--fix", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "7 fixed, 1 remaining\n1 error, 0 warnings in 1 file\n" in result.stdout
    assert "error[reserved-field-name]" in result.stdout
    assert target.read_bytes() == (FIX / "reserved-fields" / "fixed.json").read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == [target.name], "no temporary file left behind"
    again = run(binary, "validate", "--no-config", "--fix", str(target))
    assert "0 fixed, 1 remaining" in again.stdout
    assert target.read_bytes() == (FIX / "reserved-fields" / "fixed.json").read_bytes()


def test_fix_exits_zero_when_nothing_remains(binary, tmp_path):
    target = copy(tmp_path, FIX / "record-type-without-fields" / "input.json")
    result = run(binary, "validate", "--no-config", "--fix", str(target))
    assert result.returncode == 0
    assert result.stdout == "4 fixed, 0 remaining\nno problems found in 1 file\n"


def test_unsafe_fixes_need_the_flag(binary, tmp_path):
    target = copy(tmp_path, FIX / "array-field" / "input.json")
    safe = run(binary, "validate", "--no-config", "--fix", str(target))
    assert "0 fixed, 5 remaining (4 more fixable with --unsafe-fixes)" in safe.stdout
    assert target.read_bytes() == (FIX / "array-field" / "input.json").read_bytes()
    unsafe = run(binary, "validate", "--no-config", "--fix", "--unsafe-fixes", str(target))
    assert "4 fixed, 1 remaining" in unsafe.stdout
    assert target.read_bytes() == (FIX / "array-field" / "fixed-unsafe.json").read_bytes()


def test_diff_prints_a_patch_and_writes_nothing(binary, tmp_path):
    target = copy(tmp_path, FIX / "legacy-keys" / "input.json", "meta.json")
    result = run(binary, "validate", "--no-config", "--diff", "meta.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("--- meta.json\n+++ meta.json\n@@ -2,31 +2,30 @@\n")
    assert '-            "role": "parent"\n+            "reference_type": "parent"\n' in result.stdout
    assert result.stderr == "10 fixable, 8 would remain (7 more fixable with --unsafe-fixes)\n"
    assert target.read_bytes() == (FIX / "legacy-keys" / "input.json").read_bytes()
    (tmp_path / "fix.patch").write_text(result.stdout)
    subprocess.run(["patch", "-s", "meta.json", "fix.patch"], cwd=tmp_path, check=True)
    assert target.read_bytes() == (FIX / "legacy-keys" / "fixed.json").read_bytes()


def test_diff_reads_standard_input(binary):
    text = (FIX / "minified" / "input.json").read_text()
    result = run(binary, "validate", "--no-config", "--diff", "-", stdin=text)
    assert result.returncode == 0
    assert result.stdout.startswith("--- <stdin>\n+++ <stdin>\n@@ -1 +1 @@\n")


def test_usage_errors_exit_two(binary, tmp_path):
    target = copy(tmp_path, FIX / "minified" / "input.json")
    alone = run(binary, "validate", "--unsafe-fixes", str(target))
    assert alone.returncode == 2 and "--unsafe-fixes needs --fix or --diff" in alone.stderr
    stdin = run(binary, "validate", "--fix", "-", stdin="{}")
    assert stdin.returncode == 2 and "standard input cannot be fixed in place" in stdin.stderr
    missing = run(binary, "validate", "--fix", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert target.read_bytes() == (FIX / "minified" / "input.json").read_bytes()


def test_json_format_keeps_stdout_machine_readable(binary, tmp_path):
    target = copy(tmp_path, FIX / "reserved-fields" / "input.json")
    result = run(binary, "validate", "--no-config", "--fix", "--format", "json", str(target))
    assert result.stdout.startswith("[\n") and '"rule": "reserved-field-name"' in result.stdout
    assert result.stderr == "7 fixed, 1 remaining\n"


def test_rules_and_explain_say_what_is_fixable(binary):
    rules = run(binary, "rules")
    line = next(l for l in rules.stdout.splitlines() if l.strip().startswith("reserved-field-name "))
    assert "fix: safe" in line
    line = next(l for l in rules.stdout.splitlines() if l.strip().startswith("json-syntax "))
    assert "fix:" not in line
    fixable = {rule["id"]: rule["fixable"] for rule in json.loads(run(binary, "rules", "--json").stdout)}
    assert fixable["legacy-key"] == "safe or unsafe" and fixable["json-syntax"] is None
    assert sorted(rule for rule, fix in fixable.items() if fix) == [
        "legacy-key", "record-type-without-fields", "renamed-key", "reserved-field-name", "unknown-field-type",
        "unknown-key"]
    assert run(binary, "explain", "unknown-field-type").stdout.endswith(
        "  Automatic fix: unsafe, applied only by `metadata-lint validate --fix --unsafe-fixes` (check the result).\n")
    assert run(binary, "explain", "reserved-field-name").stdout.endswith(
        "How to fix it\n  Remove the declaration.\n  Automatic fix: safe, applied by `metadata-lint validate --fix`.\n")
    assert run(binary, "explain", "json-syntax").stdout.endswith("  Automatic fix: none.\n")


CORPUS_FIXABLE = {
    # file: findings before --fix
    "devrev__adaas-chef-cli__metadata_legacy_59e448c.json": 7,
    "GbruhG__airdrop-sentry-snap-in-final__external_domain_metadata.json": 2,
    "devrev__airdrop-trello-snap-in__external-domain-metadata.json": 6,
    "devrev__airdrop-wrike-snap-in__external_domain_metadata.json": 3,
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("name", sorted(CORPUS_FIXABLE))
def test_corpus_files_are_fixed_completely_and_stay_fixed(binary, tmp_path, name):
    target = copy(tmp_path, CORPUS / name)
    before = run(binary, "validate", "--no-config", "--format", "json", str(target))
    assert before.stdout.count('"rule":') == CORPUS_FIXABLE[name]
    fixed = run(binary, "validate", "--no-config", "--fix", str(target))
    assert fixed.returncode == 0, fixed.stdout
    assert f"{CORPUS_FIXABLE[name]} fixed, 0 remaining" in fixed.stdout
    content = target.read_bytes()
    again = run(binary, "validate", "--no-config", "--fix", str(target))
    assert "0 fixed, 0 remaining" in again.stdout
    assert target.read_bytes() == content


def test_readme_diff_example_runs_as_shown(binary):
    readme = (ROOT / "README.md").read_text()
    block = next(b.split("```")[0] for b in readme.split("```text\n")[1:]
                 if b.startswith("$ metadata-lint validate --diff "))
    command, expected = block.split("\n", 1)
    result = run(binary, *command.split()[2:], "--no-config")
    assert result.stdout == expected
