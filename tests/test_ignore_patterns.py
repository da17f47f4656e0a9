"""Config discovery (never above the repository root) and `ignore` patterns (gitignore-like; files
named on the command line are checked anyway unless --force-exclude), through the real binary."""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT

BROKEN = '{"schema_version": "v0.2.0", "record_types": {"users": {"fields": {"name": {"type": "txt"}}}}}\n'
CLEAN = (ROOT / "fixtures/example/external_domain_metadata.json").read_text()
ARTIFACT_METADATA = ROOT / "fixtures/artifacts/metadata.json"
CLEAN_ARTIFACTS = ROOT / "fixtures/artifacts/json-syntax/pass"
BROKEN_USERS = '{"id": "u9", "created_date": "2024-01-01T10:00:00Z", not json\n'


def run(binary, *args, cwd):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def repo(tmp_path, config=None):
    """A scratch repository (a `.git` directory) with an optional `.metadata-lint.yml`."""
    (tmp_path / ".git").mkdir()
    if config is not None:
        (tmp_path / ".metadata-lint.yml").write_text(config)
    return tmp_path


def test_named_file_is_checked_although_a_pattern_matches(binary, tmp_path):
    repo(tmp_path, 'ignore: ["*.json"]\n')
    (tmp_path / "broken.json").write_text(BROKEN)
    result = run(binary, "validate", "broken.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "error[unknown-field-type]" in result.stdout
    assert result.stdout.splitlines()[-2:] == [
        "checked 1 file named on the command line although an ignore pattern matches: broken.json (--force-exclude skips it)",
        "1 error, 0 warnings in 1 file",
    ]


def test_force_exclude_skips_named_files_and_says_so(binary, tmp_path):
    repo(tmp_path, 'ignore: ["*.json"]\n')
    (tmp_path / "broken.json").write_text(BROKEN)
    result = run(binary, "validate", "--force-exclude", "broken.json", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "ignored 1 file matching an ignore pattern: broken.json",
        "no problems found in 0 files",
    ]
    fixed = run(binary, "validate", "--fix", "--force-exclude", "broken.json", cwd=tmp_path)
    assert fixed.returncode == 0 and "ignored 1 file matching an ignore pattern: broken.json" in fixed.stdout
    assert (tmp_path / "broken.json").read_text() == BROKEN


def test_default_input_is_not_named(binary, tmp_path):
    """With no file given, the default external_domain_metadata.json is found, not named."""
    repo(tmp_path, 'ignore: ["external_domain_metadata.json"]\n')
    (tmp_path / "external_domain_metadata.json").write_text(BROKEN)
    result = run(binary, "validate", cwd=tmp_path)
    assert result.returncode == 0
    assert "ignored 1 file matching an ignore pattern: external_domain_metadata.json" in result.stdout


def test_mapping_beside_a_named_metadata_file_follows_the_patterns(binary, tmp_path):
    repo(tmp_path, 'ignore: ["initial_domain_mapping.json"]\n')
    (tmp_path / "external_domain_metadata.json").write_text(CLEAN)
    (tmp_path / "initial_domain_mapping.json").write_text("{}")
    result = run(binary, "validate", "external_domain_metadata.json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "ignored 1 file matching an ignore pattern: initial_domain_mapping.json" in result.stdout
    # Named, the mapping is checked.
    named = run(binary, "validate", "external_domain_metadata.json", "initial_domain_mapping.json", cwd=tmp_path)
    assert named.returncode == 1 and "error[mapping-missing-key]" in named.stdout


def test_machine_formats_carry_the_notes_outside_their_document(binary, tmp_path):
    repo(tmp_path, 'ignore: ["*.json"]\n')
    (tmp_path / "broken.json").write_text(BROKEN)
    as_json = run(binary, "validate", "--format", "json", "--force-exclude", "broken.json", cwd=tmp_path)
    assert json.loads(as_json.stdout) == []
    assert as_json.stderr == "ignored 1 file matching an ignore pattern: broken.json\n"
    sarif = run(binary, "validate", "--format", "sarif", "broken.json", cwd=tmp_path)
    notes = json.loads(sarif.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [(n["descriptor"]["id"], n["properties"]) for n in notes] == [
        ("named-files-checked-despite-ignore", {"checkedFiles": 1})]


@pytest.mark.parametrize("pattern,location", [
    ("vendor", "vendor/users_9.jsonl"),
    ("vendor", "data/vendor/x/users_9.jsonl"),
    ("vendor/", "deep/vendor/users_9.jsonl"),
    ("build/**", "build/x/users_9.jsonl"),
    ("**/generated", "data/generated/users_9.jsonl"),
    ("users_9.jsonl", "a/b/users_9.jsonl"),
    ("data/a/*.jsonl", "data/a/users_9.jsonl"),
    ("/data/a/users_[0-9].jsonl", "data/a/users_9.jsonl"),
])
def test_each_pattern_form_ignores_files_found_in_a_directory(binary, tmp_path, pattern, location):
    repo(tmp_path, f'ignore: ["{pattern}"]\n')
    shutil.copytree(CLEAN_ARTIFACTS, tmp_path / "data")
    broken = tmp_path / location
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text(BROKEN_USERS)
    result = run(binary, "check-artifacts", "--metadata", str(ARTIFACT_METADATA), ".", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert f"ignored 1 file matching an ignore pattern: ./{location}" in result.stdout
    # Without the pattern the broken file is read.
    (tmp_path / ".metadata-lint.yml").write_text("ignore: []\n")
    assert run(binary, "check-artifacts", "--metadata", str(ARTIFACT_METADATA), ".", cwd=tmp_path).returncode == 1


def test_star_does_not_cross_a_slash(binary, tmp_path):
    repo(tmp_path, 'ignore: ["data/*.jsonl"]\n')
    data = tmp_path / "data"
    shutil.copytree(CLEAN_ARTIFACTS, data)
    (data / "raw").mkdir()
    (data / "raw" / "users_9.jsonl").write_text(BROKEN_USERS)
    result = run(binary, "check-artifacts", "--metadata", str(ARTIFACT_METADATA), "data", cwd=tmp_path)
    assert result.returncode == 1
    assert "data/raw/users_9.jsonl" in result.stdout


def test_check_artifacts_named_files_and_named_directories(binary, tmp_path):
    repo(tmp_path, 'ignore: ["vendor"]\n')
    vendor = tmp_path / "vendor"
    shutil.copytree(CLEAN_ARTIFACTS, vendor)
    (vendor / "users_9.jsonl").write_text(BROKEN_USERS)
    meta = str(ARTIFACT_METADATA)
    # A directory named is checked, as a file named is; what is found below it follows the patterns.
    walked = run(binary, "check-artifacts", "--metadata", meta, "vendor", cwd=tmp_path)
    assert walked.returncode == 1 and "vendor/users_9.jsonl:" in walked.stdout
    named = run(binary, "check-artifacts", "--metadata", meta, "vendor/users_9.jsonl", cwd=tmp_path)
    assert named.returncode == 1
    assert "checked 1 file named on the command line although an ignore pattern matches: vendor/users_9.jsonl" in named.stdout
    forced = run(binary, "check-artifacts", "--force-exclude", "--metadata", meta, "vendor", cwd=tmp_path)
    assert forced.returncode == 0
    assert "ignored 4 files matching an ignore pattern: vendor/comments.json, vendor/epics.jsonl" in forced.stdout


def test_config_above_the_repository_is_not_applied(binary, tmp_path):
    (tmp_path / ".metadata-lint.yml").write_text("rules:\n  unknown-field-type: off\n")
    inner = tmp_path / "repo"
    inner.mkdir()
    (inner / ".git").write_text("gitdir: /elsewhere/.git/worktrees/repo\n")  # a worktree's .git file
    (inner / "broken.json").write_text(BROKEN)
    result = run(binary, "validate", "repo/broken.json", cwd=tmp_path)
    assert result.returncode == 1 and "error[unknown-field-type]" in result.stdout
    # Without a repository the walk goes up, as before.
    (inner / ".git").unlink()
    assert run(binary, "validate", "repo/broken.json", cwd=tmp_path).returncode == 0


def test_each_file_under_its_own_repository_config(binary, tmp_path):
    for name, config in (("a", "rules:\n  unknown-field-type: off\n"), ("b", None)):
        (tmp_path / name).mkdir()
        repo(tmp_path / name, config)
        (tmp_path / name / "m.json").write_text(BROKEN)
    result = run(binary, "validate", "a/m.json", "b/m.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "b/m.json:1:" in result.stdout and "a/m.json:" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings in 2 files"
    # --config applies one config to every file.
    forced = run(binary, "validate", "--config", "a/.metadata-lint.yml", "a/m.json", "b/m.json", cwd=tmp_path)
    assert forced.returncode == 0


def test_standard_input_uses_the_working_directory_config(binary, tmp_path):
    repo(tmp_path, "rules:\n  unknown-field-type: off\n")
    result = subprocess.run([binary, "validate", "-"], input=BROKEN, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0


def test_force_exclude_where_no_config_is_read_is_a_usage_error(binary, tmp_path):
    (tmp_path / "m.json").write_text(CLEAN)
    result = run(binary, "fmt", "--check", "--force-exclude", "m.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "fmt reads no config: --force-exclude does not apply" in result.stderr


def test_a_pattern_naming_nothing_is_a_config_error(binary, tmp_path):
    repo(tmp_path, 'ignore:\n  - "/"\n')
    (tmp_path / "m.json").write_text(CLEAN)
    result = run(binary, "validate", "m.json", cwd=tmp_path)
    assert result.returncode == 2
    assert '.metadata-lint.yml:2:5: the ignore pattern "/" names no file or directory' in result.stderr
