"""`metadata-lint mcp` driven by the official MCP Python SDK's stdio client."""
import os

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from conftest import ROOT

BINARY = os.environ.get("METADATA_LINT") or str(ROOT / ".build" / "debug" / "metadata-lint")

BROKEN = ROOT / "fixtures" / "example" / "broken_external_domain_metadata.json"
TOOLS = [
    "validate_metadata", "check_artifacts", "explain_rule", "list_rules", "run_jq_query",
    "infer_metadata", "sample_items", "fix_metadata", "diff_metadata",
]


def with_session(body):
    """Runs `body(session)` against a fresh server process."""

    async def main():
        params = StdioServerParameters(command=BINARY, args=["mcp", "--no-config"], cwd=str(ROOT))
        async with stdio_client(params) as streams:
            async with ClientSession(*streams) as session:
                await session.initialize()
                return await body(session)

    return anyio.run(main)


def test_lists_the_tools_with_schemas():
    async def body(session):
        return (await session.list_tools()).tools

    tools = with_session(body)
    assert [tool.name for tool in tools] == TOOLS
    for tool in tools:
        assert tool.input_schema["type"] == "object"
        assert tool.output_schema["type"] == "object", tool.name
        assert tool.description
    validate = next(tool for tool in tools if tool.name == "validate_metadata")
    finding = validate.output_schema["properties"]["diagnostics"]["items"]
    assert finding["required"] == ["file", "line", "column", "pointer", "severity", "rule", "message"]


def test_validate_a_broken_file_gives_rule_ids_and_positions():
    async def body(session):
        return await session.call_tool("validate_metadata", {"path": str(BROKEN)})

    result = with_session(body)
    assert result.is_error is False
    report = result.structured_content
    assert report["valid"] is False
    assert report["file"] == str(BROKEN)
    first = report["diagnostics"][0]
    assert first == {
        "file": str(BROKEN), "line": 31, "column": 19, "pointer": "/record_types/epics/category",
        "severity": "error", "rule": "undeclared-category",
        "message": 'record type "epics" has category "ticket", which is not declared in record_type_categories: did you mean "tickets"?',
    }
    assert report["errors"] == sum(1 for d in report["diagnostics"] if d["severity"] == "error")
    # The same findings as `metadata-lint validate --format json`.
    import json
    import subprocess

    cli = subprocess.run([BINARY, "validate", "--no-config", "--format", "json", str(BROKEN)], capture_output=True, text=True)
    expected = [(d["line"], d["column"], d["rule"]) for d in json.loads(cli.stdout)]
    assert [(d["line"], d["column"], d["rule"]) for d in report["diagnostics"]] == expected
    # The text content carries the same JSON for clients that read only text.
    assert json.loads(result.content[0].text) == report


def test_validate_text_and_a_missing_file_is_a_tool_error():
    async def body(session):
        text = await session.call_tool("validate_metadata", {"text": '{"record_types": {"a": {}}}', "name": "draft.json"})
        missing = await session.call_tool("validate_metadata", {"path": "no/such/external_domain_metadata.json"})
        neither = await session.call_tool("validate_metadata", {})
        unknown = await session.call_tool("no_such_tool", {})
        still_alive = await session.call_tool("list_rules", {"group": "legacy"})
        return text, missing, neither, unknown, still_alive

    text, missing, neither, unknown, still_alive = with_session(body)
    assert text.is_error is False
    assert [(d["file"], d["line"], d["column"], d["rule"]) for d in text.structured_content["diagnostics"]] == [
        ("draft.json", 1, 19, "record-type-without-fields")
    ]
    assert missing.is_error is True
    assert missing.content[0].text == (
        "validate_metadata: cannot read the metadata: no/such/external_domain_metadata.json: no such file"
    )
    assert neither.is_error is True and "give \"path\"" in neither.content[0].text
    assert unknown.is_error is True and "unknown tool \"no_such_tool\"" in unknown.content[0].text
    assert [rule["id"] for rule in still_alive.structured_content["rules"]] == ["legacy-key", "renamed-key"]


def test_explain_rule_and_list_rules():
    async def body(session):
        explained = await session.call_tool("explain_rule", {"rule": "by-field-not-identifier"})
        typo = await session.call_tool("explain_rule", {"rule": "undeclared-categroy"})
        rules = await session.call_tool("list_rules", {})
        return explained, typo, rules

    explained, typo, rules = with_session(body)
    assert explained.structured_content["id"] == "by-field-not-identifier"
    assert explained.structured_content["documentation"].endswith("docs/rules.md#by-field-not-identifier")
    assert "is_identifier" in explained.structured_content["explanation"]
    assert explained.structured_content["explanation"] == (
        explained.structured_content["why"] + " " + explained.structured_content["fix"]
    )
    assert typo.is_error is True
    assert 'did you mean "undeclared-category"' in typo.content[0].text
    ids = [rule["id"] for rule in rules.structured_content["rules"]]
    assert "undeclared-category" in ids and "invalid-enum-value" in ids


def test_check_artifacts_and_jq_query():
    fail = ROOT / "fixtures" / "artifacts" / "invalid-enum-value" / "fail"

    async def body(session):
        checked = await session.call_tool(
            "check_artifacts", {"metadata": "fixtures/artifacts/metadata.json", "paths": [str(fail)]}
        )
        missing = await session.call_tool("check_artifacts", {"metadata": "nope.json", "paths": [str(fail)]})
        query = await session.call_tool(
            "run_jq_query", {"filter": "[.record_types | keys[]]", "path": "fixtures/artifacts/metadata.json"}
        )
        bad_filter = await session.call_tool("run_jq_query", {"filter": ".[", "text": "{}"})
        on_text = await session.call_tool("run_jq_query", {"filter": ".a + $n", "text": '{"a": "x"}', "args": {"n": "y"}})
        return checked, missing, query, bad_filter, on_text

    checked, missing, query, bad_filter, on_text = with_session(body)
    report = checked.structured_content
    assert report["metadata_failed"] is False
    assert [(d["line"], d["column"], d["rule"], d["pointer"]) for d in report["diagnostics"]] == [
        (4, 150, "invalid-enum-value", "/data/priority"),
        (4, 195, "invalid-enum-value", "/data/access/0/role"),
    ]
    assert report["diagnostics"][0]["file"].endswith("invalid-enum-value/fail/epics.jsonl")
    assert missing.is_error is True and "no such file" in missing.content[0].text
    import json

    declared = json.loads((ROOT / "fixtures" / "artifacts" / "metadata.json").read_text())["record_types"]
    assert query.structured_content["results"] == [sorted(declared)]
    assert bad_filter.is_error is True and "does not compile" in bad_filter.content[0].text
    assert on_text.structured_content["results"] == ["xy"]


def test_authoring_tools_infer_and_sample(tmp_path):
    (tmp_path / "users.jsonl").write_text(
        '{"id": "u1", "email": "ada@example.com", "age": 36}\n{"id": "u2", "email": "alan@example.com", "age": 41}\n'
    )
    metadata = ROOT / "fixtures" / "example" / "external_domain_metadata.json"

    async def body(session):
        inferred = await session.call_tool("infer_metadata", {"paths": [str(tmp_path)]})
        sampled = await session.call_tool("sample_items", {"metadata": str(metadata), "record_type": "users", "count": 3, "seed": 7})
        again = await session.call_tool("sample_items", {"metadata": str(metadata), "record_type": "users", "count": 3, "seed": 7})
        unknown = await session.call_tool("sample_items", {"metadata": str(metadata), "record_type": "usres"})
        broken = await session.call_tool("sample_items", {"metadata": str(BROKEN), "record_type": "users"})
        return inferred, sampled, again, unknown, broken

    inferred, sampled, again, unknown, broken = with_session(body)
    draft = inferred.structured_content
    assert (draft["record_types"], draft["samples"], draft["problems"]) == (1, 2, [])
    fields = draft["metadata"]["record_types"]["users"]["fields"]
    assert fields["email"]["type"] == "text" and fields["age"]["type"] == "int"
    import json

    assert json.loads(draft["text"]) == draft["metadata"]
    items = sampled.structured_content["items"]
    assert len(items) == 3 and sampled.structured_content["record_type"] == "users"
    assert all(set(item) >= {"id", "created_date", "modified_date", "data"} for item in items)
    assert items == again.structured_content["items"]  # the same seed, the same items
    assert unknown.is_error is True and "usres" in unknown.content[0].text
    assert broken.is_error is True and "fix them first" in broken.content[0].text
    assert "[undeclared-category]" in broken.content[0].text


def test_fix_and_diff_tools():
    legacy = '{"record_type_categories": {"t": {"are_transitions_possible": true}}, "record_types": {"a": {"category": "t", "fields": {}}}}'

    async def body(session):
        fixed = await session.call_tool("fix_metadata", {"text": legacy})
        diff = await session.call_tool("diff_metadata", {
            "old_text": '{"record_types": {"a": {"fields": {"x": {"type": "text"}}}}}',
            "new_text": '{"record_types": {"a": {"fields": {}}}}',
        })
        broken = await session.call_tool("diff_metadata", {"old_text": "{", "new_text": "{}"})
        return fixed, diff, broken

    fixed, diff, broken = with_session(body)
    report = fixed.structured_content
    assert report["changed"] is True
    assert report["fixed_text"] == legacy.replace("are_transitions_possible", "are_record_type_conversions_possible")
    assert [(a["rule"], a["applicability"]) for a in report["applied"]] == [("renamed-key", "safe")]
    assert report["remaining"] == []
    changes = diff.structured_content
    assert changes["breaking"] >= 1
    assert all(c["severity"] in ("error", "warning", "note") for c in changes["changes"])
    assert any(c["severity"] == "error" and c["pointer"].endswith("/fields/x") for c in changes["changes"]), changes
    assert broken.is_error is True and "not JSON" in broken.content[0].text
