"""The command-line conventions users expect from a linter, driven through the real binary."""
import json
import subprocess

from conftest import ROOT

BROKEN = "fixtures/example/broken_external_domain_metadata.json"
CLEAN = "fixtures/example/external_domain_metadata.json"
META = "fixtures/artifacts/metadata.json"


def run(binary, *args, stdin=None, env=None, cwd=ROOT):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=cwd, env=env)


def test_several_formats_in_one_run(binary, tmp_path):
    sarif = tmp_path / "out.sarif"
    result = run(binary, "validate", "--no-config", "--format", "text", "--format", f"sarif={sarif}", BROKEN)
    assert result.returncode == 1
    assert "error[undeclared-category]" in result.stdout
    document = json.loads(sarif.read_text())
    assert document["version"] == "2.1.0"
    assert len(document["runs"][0]["results"]) == 8


def test_only_one_format_on_stdout(binary):
    result = run(binary, "validate", "--format", "text", "--format", "json", BROKEN)
    assert result.returncode == 2
    assert "only one --format can go to standard output" in result.stderr


def test_output_file(binary, tmp_path):
    out = tmp_path / "report.json"
    result = run(binary, "validate", "--no-config", "--format", "json", "--output-file", str(out), BROKEN)
    assert result.returncode == 1
    assert result.stdout == ""
    assert [d["rule"] for d in json.loads(out.read_text())][0] == "undeclared-category"


def test_quiet_prints_findings_only(binary):
    result = run(binary, "validate", "--no-config", "--quiet", BROKEN)
    assert result.returncode == 1
    assert "errors" not in result.stdout.splitlines()[-1]
    assert run(binary, "validate", "--quiet", CLEAN).stdout == ""


def test_color_choices(binary):
    assert "\x1b[" in run(binary, "validate", "--no-config", "--color", "always", BROKEN).stdout
    assert "\x1b[" not in run(binary, "validate", "--no-config", "--color", "never", BROKEN).stdout
    assert "\x1b[" not in run(binary, "validate", "--no-config", BROKEN).stdout  # not a terminal


def test_select_and_ignore(binary):
    selected = run(binary, "validate", "--no-config", "--format", "json", "--select", "reserved-field-name", BROKEN)
    assert {d["rule"] for d in json.loads(selected.stdout)} == {"reserved-field-name"}
    group = run(binary, "validate", "--no-config", "--format", "json", "--select", "stage-diagram", BROKEN)
    assert {d["rule"] for d in json.loads(group.stdout)} == {"stage-diagram-transition"}
    ignored = run(binary, "validate", "--no-config", "--format", "json", "--ignore", "reserved-field-name,undeclared-category", BROKEN)
    rules = {d["rule"] for d in json.loads(ignored.stdout)}
    assert "reserved-field-name" not in rules and "undeclared-category" not in rules and rules
    unknown = run(binary, "validate", "--select", "reserved-field", BROKEN)
    assert unknown.returncode == 2
    assert 'unknown rule "reserved-field": did you mean "reserved-field-name"?' in unknown.stderr


def test_exit_zero_and_strict(binary):
    assert run(binary, "validate", "--no-config", "--exit-zero", BROKEN).returncode == 0
    assert run(binary, "validate", "--exit-zero", "no/such.json").returncode == 2


def test_statistics(binary):
    result = run(binary, "validate", "--no-config", "--statistics", BROKEN)
    lines = result.stdout.splitlines()
    assert "1  error    undeclared-category" in lines
    assert result.returncode == 1


def test_baseline_hides_known_findings_only(binary, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run(binary, "validate", "--no-config", "--write-baseline", str(baseline), BROKEN)
    assert first.returncode == 1
    assert len(json.loads(baseline.read_text())["findings"]) == 8
    second = run(binary, "validate", "--no-config", "--baseline", str(baseline), BROKEN)
    assert second.returncode == 0, second.stdout
    assert "8 findings in the baseline not shown" in second.stdout
    edited = tmp_path / "external_domain_metadata.json"
    text = (ROOT / BROKEN).read_text().replace('"category": "ticket"', '"category": "tickets", "categroy": 1', 1)
    edited.write_text(text)
    third = run(binary, "validate", "--no-config", "--baseline", str(baseline), str(edited))
    # The file name differs, so nothing matches; a baseline written for it hides all but the new key.
    assert third.returncode == 1
    run(binary, "validate", "--no-config", "--write-baseline", str(baseline), BROKEN.replace("broken_", ""))
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    broken_baseline = run(binary, "validate", "--baseline", str(bad), BROKEN)
    assert broken_baseline.returncode == 2
    assert "not a baseline file" in broken_baseline.stderr


def test_missing_file_among_several_does_not_lose_the_rest(binary):
    result = run(binary, "validate", "--no-config", "no/such.json", BROKEN)
    assert result.returncode == 2
    assert "no/such.json: no such file" in result.stderr
    assert "error[undeclared-category]" in result.stdout


def test_check_artifacts_reads_standard_input(binary):
    data = (ROOT / "fixtures/artifacts/value-out-of-bounds/fail/epics.jsonl").read_text()
    result = run(binary, "check-artifacts", "--no-config", "--metadata", META, "--item-type", "epics", "-", stdin=data)
    assert result.returncode == 1
    assert "<stdin>:4:148: error[value-out-of-bounds]" in result.stdout
    without = run(binary, "check-artifacts", "--metadata", META, "-", stdin=data)
    assert without.returncode == 2
    assert "pass --item-type" in without.stderr


def test_unknown_item_type_is_a_usage_error(binary):
    result = run(binary, "check-artifacts", "--metadata", META, "--item-type", "epic",
                 "fixtures/artifacts/json-syntax/pass/epics.jsonl")
    assert result.returncode == 2
    assert 'did you mean "epics"?' in result.stderr


def test_unknown_command_and_flag_suggest(binary):
    command = run(binary, "valdate", "x.json")
    assert command.returncode == 2
    assert 'unknown command "valdate": did you mean "validate"?' in command.stderr
    flag = run(binary, "validate", "--formt", "json")
    assert flag.returncode == 2
    assert "Did you mean '--format'?" in flag.stderr
    assert "metadata-lint validate" in flag.stderr  # that subcommand's usage


def test_non_json_inputs_are_named(binary):
    yaml = run(binary, "validate", "-", stdin="record_types:\n  users: {}\n")
    assert "looks like YAML" in yaml.stdout
    comment = run(binary, "validate", "-", stdin='{\n  // note\n  "record_types": {}\n}')
    assert "<stdin>:2:3: error[json-syntax]: JSON has no comments" in comment.stdout
    utf16 = subprocess.run([binary, "validate", "-"], input='{"record_types": {}}'.encode("utf-16"),
                           capture_output=True, timeout=60)
    assert b"error[json-encoding]: the file is UTF-16" in utf16.stdout
    bom = run(binary, "validate", "-", stdin='\ufeff{"record_types": {}}')
    assert "byte order mark" in bom.stdout


def test_rules_show_effective_severities(binary, tmp_path):
    config = tmp_path / ".metadata-lint.yml"
    config.write_text("rules:\n  empty-enum: error\n  unused-category: off\n")
    listing = run(binary, "rules", "--config", str(config)).stdout
    assert any(line.split()[:2] == ["empty-enum", "error"] for line in listing.splitlines())
    assert any(line.split()[:2] == ["unused-category", "off"] for line in listing.splitlines())
    docs = json.loads(run(binary, "rules", "--json").stdout)
    assert all(rule["what"] and rule["why"] and rule["example"] and rule["fix"] for rule in docs)


def test_text_output_cannot_forge_a_workflow_command(binary):
    forged = run(binary, "validate", "-", stdin='{"record_types": {}, "x\\r\\n::error::forged": 1}')
    assert forged.returncode == 1
    assert not any(line.startswith("::") for line in forged.stdout.splitlines())
    assert 'unknown key "x\\r\\n::error::forged"' in forged.stdout
