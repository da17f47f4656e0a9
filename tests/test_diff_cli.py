"""metadata-lint diff through the binary: exit codes by --fail-on, renderers, process substitution."""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT

DIFF = ROOT / "fixtures" / "diff"
OLD = str(DIFF / "old.json")
NEW = str(DIFF / "new.json")


def run(binary, *args, cwd=ROOT):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def bash(command, cwd=ROOT):
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, cwd=cwd)


def write(path, text):
    path.write_text(text)
    return str(path)


BASE = '{"record_types": {"users": {"fields": {"email": {"type": "text"}, "status": {"type": "enum", "enum": {"values": [{"key": "a"}, {"key": "b"}]}}}}}}'


@pytest.mark.parametrize(
    "new, fail_on, code",
    [
        (BASE, "breaking", 0),
        (BASE.replace('{"key": "b"}', '{"key": "b", "is_deprecated": true}'), "breaking", 0),  # risky
        (BASE.replace('{"key": "b"}', '{"key": "b", "is_deprecated": true}'), "risky", 1),
        (BASE.replace('"email": {"type": "text"}', '"email": {"type": "text", "name": "Mail"}'), "risky", 0),  # safe
        (BASE.replace(', {"key": "b"}', ""), "breaking", 1),  # breaking
        (BASE.replace(', {"key": "b"}', ""), "risky", 1),
    ],
)
def test_exit_code_follows_fail_on(binary, tmp_path, new, fail_on, code):
    old_path = write(tmp_path / "old.json", BASE)
    new_path = write(tmp_path / "new.json", new)
    result = run(binary, "diff", "--fail-on", fail_on, old_path, new_path)
    assert result.returncode == code, result.stdout + result.stderr


def test_default_fails_on_breaking_and_text_ends_with_a_summary(binary):
    result = run(binary, "diff", "fixtures/diff/old.json", "fixtures/diff/new.json")
    assert result.returncode == 1
    assert "fixtures/diff/old.json:19:9: error[breaking-field-removed]: field \"fax\" of record type \"users\" was removed" in result.stdout
    assert "fixtures/diff/new.json:44:24: warning[risky-enum-value-deprecated]" in result.stdout
    assert result.stdout.endswith("14 breaking, 5 risky, 16 safe (35 changes)\n")


def test_json_output_lists_each_change(binary):
    result = run(binary, "diff", "--format", "json", OLD, NEW)
    items = json.loads(result.stdout)
    expected = sorted((DIFF / "expected.txt").read_text().split("\n")[:-1])
    found = sorted(f"{d['rule']} {d['file'].rsplit('/', 1)[-1]}:{d['line']}:{d['column']}" for d in items)
    assert found == expected
    removed = next(d for d in items if d["rule"] == "breaking-record-type-removed")
    assert removed["severity"] == "error" and removed["pointer"] == "/record_types/archived"


def test_github_annotations_and_sarif_catalogue(binary):
    github = run(binary, "diff", "--format", "github", "--fail-on", "risky", OLD, NEW)
    assert github.returncode == 1
    assert f"::error file={OLD},line=59,col=5,title=breaking-record-type-removed::record type \"archived\" was removed" in github.stdout
    assert f"::notice file={NEW},line=61,col=5,title=safe-record-type-added::" in github.stdout
    sarif = json.loads(run(binary, "diff", "--format", "sarif", OLD, NEW).stdout)
    catalogue = [rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert "breaking-field-removed" in catalogue and "safe-description-changed" in catalogue
    assert len(catalogue) == 27
    results = sarif["runs"][0]["results"]
    assert len(results) == 35
    assert sarif["runs"][0]["automationDetails"]["id"] == "metadata-lint/diff/"
    docs = (ROOT / "docs" / "rules.md").read_text()
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        anchor = rule["helpUri"].rsplit("#", 1)[1]
        assert f"\n### {anchor}\n" in docs, f"{rule['id']}: docs/rules.md has its section (make docs)"
    assert all(catalogue[r["ruleIndex"]] == r["ruleId"] for r in results)


def test_process_substitution_reads_dev_fd(binary):
    result = bash(f'"{binary}" diff <(cat fixtures/diff/old.json) fixtures/diff/new.json')
    assert result.returncode == 1, result.stderr
    assert "/dev/fd/" in result.stdout and ":59:5: error[breaking-record-type-removed]" in result.stdout
    labelled = bash(f'"{binary}" diff --old-label main:meta.json <(cat fixtures/diff/old.json) fixtures/diff/new.json')
    assert "main:meta.json:59:5: error[breaking-record-type-removed]" in labelled.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_against_the_committed_version_with_git_show(binary, tmp_path):
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    meta = tmp_path / "external_domain_metadata.json"
    meta.write_text(BASE)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=tmp_path, check=True)
    meta.write_text(BASE.replace('"email": {"type": "text"}, ', ""))
    result = bash(f'"{binary}" diff --old-label HEAD:external_domain_metadata.json '
                  f'<(git show HEAD:external_domain_metadata.json) external_domain_metadata.json', cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith('HEAD:external_domain_metadata.json:1:40: error[breaking-field-removed]: field "email"')


def test_unreadable_version_and_usage_errors_exit_two(binary, tmp_path):
    broken = write(tmp_path / "broken.json", '{"record_types": {')
    result = run(binary, "diff", broken, NEW)
    assert result.returncode == 2
    assert f"{broken}:1:19: error[json-syntax]" in result.stdout
    assert f"metadata-lint: {broken}: not valid JSON, so the versions cannot be compared" in result.stderr
    assert run(binary, "diff", "no/such.json", NEW).returncode == 2
    assert run(binary, "diff", "--fail-on", "never", OLD, NEW).returncode == 2
    assert run(binary, "diff", OLD).returncode == 2


def test_rules_lists_the_change_kinds(binary):
    listing = run(binary, "rules", "--diff")
    assert listing.returncode == 0
    assert len(listing.stdout.splitlines()) == 27
    assert listing.stdout.startswith("  breaking-record-type-removed")
    kinds = json.loads(run(binary, "rules", "--diff", "--json").stdout)
    assert all(kind["group"] == "diff" and kind["example"].startswith("OLD: ") for kind in kinds)


def test_explain_knows_the_change_kinds(binary):
    result = run(binary, "explain", "breaking-enum-value-removed")
    assert result.returncode == 0
    assert result.stdout.startswith("breaking-enum-value-removed (error, diff)\nAn enum value's key of OLD is not in NEW.\n")
