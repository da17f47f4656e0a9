"""SARIF as code scanning takes it: valid against the official 2.1.0 schema, code-point columns,
percent-encoded URIs, per-rule docs, stable fingerprints, and at most 25,000 results per run."""
import json
import pathlib
import subprocess
import textwrap

import jsonschema
import pytest

from conftest import ROOT

SCHEMA = json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text())
# The schema declares draft-04; FormatChecker() also checks "uri-reference" (rfc3986-validator).
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA, format_checker=jsonschema.FormatChecker())
DOCS = "https://github.com/metadata-lint/metadata-lint/blob/main/docs/rules.md#"
BROKEN = "fixtures/example/broken_external_domain_metadata.json"


def run(binary, *args, cwd=ROOT):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def sarif(binary, *args, cwd=ROOT, expect=1):
    result = run(binary, *args, "--format", "sarif", cwd=cwd)
    assert result.returncode == expect, result.stderr
    return json.loads(result.stdout)


def assert_valid(log):
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def only_run(log):
    assert len(log["runs"]) == 1
    return log["runs"][0]


def test_the_schema_is_the_official_one():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert VALIDATOR.__class__ is jsonschema.Draft4Validator
    # The validator really checks formats: a bad URI is an error.
    assert list(VALIDATOR.iter_errors({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri"}}}]}))


def test_validate_output_is_schema_valid_and_complete(binary):
    log = sarif(binary, "validate", "--no-config", BROKEN)
    assert_valid(log)
    assert log["$schema"] == SCHEMA["id"]
    run_ = only_run(log)
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["automationDetails"] == {"id": "metadata-lint/validate/"}
    assert run_["invocations"] == [{"executionSuccessful": True}]
    rules = run_["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["helpUri"] == DOCS + rule["id"]
        assert rule["help"]["text"] and rule["id"] in rule["help"]["markdown"]
    results = run_["results"]
    assert len(results) == 8
    first = results[0]
    assert first["ruleId"] == "undeclared-category"
    assert rules[first["ruleIndex"]]["id"] == "undeclared-category"
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == BROKEN
    assert location["physicalLocation"]["region"] == {"startLine": 31, "startColumn": 19}
    assert location["logicalLocations"] == [{"fullyQualifiedName": "/record_types/epics/category"}]
    fingerprints = [r["partialFingerprints"]["metadataLintPointerHash/v1"] for r in results]
    assert len(set(fingerprints)) == len(results)
    assert all(len(f) == 16 and int(f, 16) >= 0 for f in fingerprints)


def test_check_artifacts_output_is_schema_valid(binary):
    log = sarif(binary, "check-artifacts", "--no-config", "--metadata", "fixtures/artifacts/metadata.json",
                "fixtures/artifacts/value-out-of-bounds/fail")
    assert_valid(log)
    run_ = only_run(log)
    assert run_["automationDetails"] == {"id": "metadata-lint/check-artifacts/"}
    assert {r["ruleId"] for r in run_["results"]} == {"value-out-of-bounds"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert uris == {"fixtures/artifacts/value-out-of-bounds/fail/epics.jsonl",
                    "fixtures/artifacts/value-out-of-bounds/fail/users.jsonl"}


def test_custom_rules_carry_their_message_but_no_docs_link(binary):
    log = sarif(binary, "validate", "--config", "fixtures/config/metadata-lint.yml",
                "fixtures/example/external_domain_metadata.json", expect=0)
    assert_valid(log)
    rules = {r["id"]: r for r in only_run(log)["tool"]["driver"]["rules"]}
    custom = rules["enum-values-named"]
    assert "helpUri" not in custom
    assert custom["shortDescription"]["text"].startswith("every enum value needs")
    assert {r["ruleId"] for r in only_run(log)["results"]} == {"enum-values-named"}


NAMES = {
    "a b.json": "a%20b.json",
    "100%.json": "100%25.json",
    "x#y?z.json": "x%23y%3Fz.json",
    "café.json": "caf%C3%A9.json",
    "c:d,e.json": "c%3Ad%2Ce.json",
}


@pytest.mark.parametrize("name", NAMES)
def test_artifact_uris_are_percent_encoded(binary, tmp_path, name):
    (tmp_path / "sub dir").mkdir()
    path = tmp_path / "sub dir" / name
    path.write_text('{"schema_version": "v0.2.0", "record_types": {"a": {"fields": {}, "typo": 1}}}')
    relative = sarif(binary, "validate", "--no-config", f"./sub dir/{name}", cwd=tmp_path)
    assert_valid(relative)
    location = only_run(relative)["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "sub%20dir/" + NAMES[name]
    absolute = sarif(binary, "validate", "--no-config", str(path))
    assert_valid(absolute)
    uri = only_run(absolute)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file://" + str(tmp_path).replace(" ", "%20") + "/sub%20dir/" + NAMES[name]


def test_columns_count_code_points(binary, tmp_path):
    # "é" is 2 bytes and 1 code point, "😀" 4 bytes, 1 code point and 2 UTF-16 units.
    line = '{"schema_version": "v0.2.0", "record_types": {"a": {"name": "é😀", "fields": {}, "typo": 1}}}'
    (tmp_path / "m.json").write_text(line, encoding="utf-8")
    result = only_run(sarif(binary, "validate", "--no-config", "m.json", cwd=tmp_path))["results"][0]
    assert result["ruleId"] == "unknown-key"
    expected = line.index('"typo"') + 1  # Python indexes code points
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": expected}
    text = run(binary, "validate", "--no-config", "m.json", cwd=tmp_path).stdout
    assert text.startswith(f"m.json:1:{expected}: error[unknown-key]")


def test_fingerprints_survive_lines_added_above(binary, tmp_path):
    source = (ROOT / BROKEN).read_text()
    (tmp_path / "external_domain_metadata.json").write_text(source)
    before = only_run(sarif(binary, "validate", "--no-config", cwd=tmp_path))["results"]
    (tmp_path / "external_domain_metadata.json").write_text("\n\n\n" + source)
    after = only_run(sarif(binary, "validate", "--no-config", cwd=tmp_path))["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]


def write_users(path, start, count, data):
    with open(path, "a") as out:
        for n in range(start, start + count):
            record = {"id": f"u{n}", "created_date": "2024-01-01T10:00:00Z",
                      "modified_date": "2024-01-01T10:00:00Z", "data": data(n)}
            out.write(json.dumps(record) + "\n")


def test_a_run_holds_at_most_25000_results_the_most_severe_first(binary, tmp_path):
    # 1,000 records with a warning (a custom rule) come first, then 25,500 with an error each
    # (an undeclared data field): the 25,000 kept are errors, the rest are counted.
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    write_users(artifacts / "users.jsonl", 0, 1000, lambda n: {"email": f"w{n}@x", "name": "w"})
    write_users(artifacts / "users.jsonl", 1000, 25500, lambda n: {"email": f"e{n}@x", "nope": 1})
    config = tmp_path / "metadata-lint.yml"
    config.write_text(textwrap.dedent("""\
        custom-rules:
          - id: flagged-name
            on: artifacts
            item-types: [users]
            severity: warning
            message: the name is w
            filter: .data.name == "w"
        """))
    metadata = str(ROOT / "fixtures/artifacts/metadata.json")
    log = sarif(binary, "check-artifacts", "--config", str(config), "--metadata", metadata, str(artifacts))
    run_ = only_run(log)
    results = run_["results"]
    assert len(results) == 25000
    assert {r["level"] for r in results} == {"error"}
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1001
    assert results[-1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 26000
    [invocation] = run_["invocations"]
    assert invocation["executionSuccessful"] is True
    [notice] = invocation["toolExecutionNotifications"]
    assert notice["descriptor"] == {"id": "results-truncated"}
    assert notice["level"] == "warning"
    assert notice["properties"] == {"omittedResults": 1500, "omittedErrors": 500, "omittedWarnings": 1000,
                                    "omittedNotes": 0}
    assert "1500 of 26500 results are not listed" in notice["message"]["text"]
    # Valid as a whole; checking 25,000 results takes a while, so one pass on a copy with the
    # results cut to 100 and a second on the results alone through the result schema.
    assert_valid({**log, "runs": [{**run_, "results": results[:100]}]})
    result_schema = {**SCHEMA, "$ref": "#/definitions/result"}
    result_validator = jsonschema.Draft4Validator(result_schema, format_checker=jsonschema.FormatChecker())
    assert not [e.message for r in results[::97] for e in result_validator.iter_errors(r)]
    # Nothing is lost elsewhere: JSON output lists them all.
    listed = json.loads(run(binary, "check-artifacts", "--config", str(config), "--metadata", metadata,
                            "--format", "json", str(artifacts)).stdout)
    assert len(listed) == 26500
