"""The mapping file as a user meets it: the commands of README's mapping section run as shown, a
snap-in folder is checked whole, --metadata and the skipped-checks note, every output format,
config switches and custom rules, and the pre-commit hook entry."""
import json
import re
import shlex
import subprocess

import yaml

from conftest import ROOT

SNAP_IN = ROOT / "fixtures" / "snap-in"
DIAGNOSTIC = re.compile(r"^\S+:\d+:\d+: (error|warning|note)\[[a-z0-9-]+\]: ")


def run(binary, *args, cwd=ROOT, stdin=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=cwd, input=stdin)


def readme_examples():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The mapping file:")[1].split("\n## ")[0]
    for block in section.split("```text\n")[1:]:
        lines = block.split("```")[0].rstrip("\n").split("\n")
        if lines[0].startswith("$ metadata-lint "):
            yield shlex.split(lines[0][2:])[1:], lines[1:]


def test_readme_mapping_commands_print_what_the_readme_shows(binary):
    examples = list(readme_examples())
    assert len(examples) == 3
    for arguments, shown in examples:
        result = run(binary, arguments[0], "--no-config", *arguments[1:])
        actual = result.stdout.split("\n")
        for line in shown:
            if line == "...":
                continue
            assert line in actual, f"{' '.join(arguments)}: README line not in the output:\n{line}\n---\n{result.stdout}"
        assert result.returncode == (1 if any("error[" in line for line in actual) else 0)


def test_validate_in_a_snap_in_folder_checks_both_files(binary):
    result = run(binary, "validate", "--no-config", "--format", "json", cwd=SNAP_IN)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["file"], f["rule"], f["line"]) for f in findings] == [
        ("initial_domain_mapping.json", "mapping-method-fit", 25)]


def test_a_mapping_alone_gets_a_note_about_the_skipped_checks(binary, tmp_path):
    (tmp_path / "initial_domain_mapping.json").write_text((SNAP_IN / "initial_domain_mapping.json").read_text())
    result = run(binary, "validate", "--no-config", cwd=tmp_path)
    assert result.returncode == 0
    assert "note[mapping-checks-skipped]" in result.stdout
    assert "there is no external_domain_metadata.json; pass --metadata FILE" in result.stdout
    with_metadata = run(binary, "validate", "--no-config", "--metadata", str(SNAP_IN / "external_domain_metadata.json"),
                        "initial_domain_mapping.json", cwd=tmp_path)
    assert "mapping-checks-skipped" not in with_metadata.stdout
    assert "warning[mapping-method-fit]" in with_metadata.stdout


def test_standard_input_is_recognised_by_its_shape(binary):
    mapping = (SNAP_IN / "broken_initial_domain_mapping.json").read_text()
    result = run(binary, "validate", "--no-config", "--metadata", "fixtures/snap-in/external_domain_metadata.json", "-",
                 stdin=mapping)
    assert result.returncode == 1
    assert '<stdin>:35:80: error[mapping-unknown-field]: field "reporter_id"' in result.stdout
    alone = run(binary, "validate", "--no-config", "-", stdin=mapping)
    assert "note[mapping-checks-skipped]" in alone.stdout


def test_every_output_format_carries_mapping_findings(binary, tmp_path):
    broken = "fixtures/snap-in/broken_initial_domain_mapping.json"
    sarif = tmp_path / "out.sarif"
    result = run(binary, "validate", "--no-config", "--format", "github", "--format", f"sarif={sarif}", broken)
    assert result.returncode == 1
    assert f"::error file={broken},line=35,col=80" in result.stdout
    log = json.loads(sarif.read_text())
    rules = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"mapping-unknown-field", "mapping-jq-compile", "devrev-unknown-leaf-type"} <= rules
    results = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"]]
    assert ("mapping-jq-compile", 46) in results


def test_config_severities_table_switch_and_custom_mapping_rules(binary, tmp_path):
    config = tmp_path / "lint.yml"
    config.write_text(
        "rules:\n  mapping-unknown-field: warning\n"
        "devrev-object-table: off\n"
        "custom-rules:\n"
        "  - id: no-raw-jq\n    on: mapping\n    message: use_raw_jq needs a reviewer\n"
        "    filter: paths(objects | select(.transformation_method? == \"use_raw_jq\"))\n")
    result = run(binary, "validate", "--config", str(config), "--format", "json",
                 "fixtures/snap-in/broken_initial_domain_mapping.json")
    findings = json.loads(result.stdout)
    by_rule = {}
    for finding in findings:
        by_rule.setdefault(finding["rule"], []).append(finding)
    assert by_rule["mapping-unknown-field"][0]["severity"] == "warning"
    assert not any(rule.startswith("devrev-") for rule in by_rule)
    assert [f["line"] for f in by_rule["no-raw-jq"]] == [44]
    selected = run(binary, "validate", "--no-config", "--select", "mapping", "--format", "json",
                   "fixtures/example/broken_external_domain_metadata.json")
    assert json.loads(selected.stdout) == []


def test_check_artifacts_mapping_finds_a_failing_program_and_an_unmapped_value(binary, tmp_path):
    # A snap-in folder given whole: its metadata and mapping are not read as artifacts.
    for name in ("external_domain_metadata.json", "initial_domain_mapping.json"):
        (tmp_path / name).write_text((SNAP_IN / name).read_text())
    (tmp_path / "extracted").mkdir()
    for artifact in (SNAP_IN / "extracted").iterdir():
        (tmp_path / "extracted" / artifact.name).write_text(artifact.read_text())
    result = run(binary, "check-artifacts", "--no-config", "--format", "json", "--metadata", "external_domain_metadata.json",
                 "--mapping", "initial_domain_mapping.json", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    findings = [(f["file"], f["line"], f["rule"]) for f in json.loads(result.stdout)]
    assert findings == [
        ("./extracted/issues.jsonl", 2, "mapping-jq-runtime"),
        ("./extracted/issues.jsonl", 3, "mapping-enum-unmapped-value"),
        ("initial_domain_mapping.json", 25, "mapping-method-fit"),
    ]


def test_pre_commit_hook_runs_validate_on_mapping_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "metadata-lint-mapping")
    assert hook["entry"] == "metadata-lint validate"
    assert re.search(hook["files"], "code/src/initial_domain_mapping.json")
    assert not re.search(hook["files"], "code/src/external_domain_metadata.json")
