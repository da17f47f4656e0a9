"""End to end: the authoring commands (init, infer, sample, json-schema) drive the real binary, and
their outputs are checked by our own validate and check-artifacts and by a real JSON Schema
validator (python-jsonschema, draft 2020-12, with format checking)."""
import copy
import gzip
import json
import pathlib
import re
import shlex
import shutil
import subprocess

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT

AUTHORING = ROOT / "fixtures" / "authoring"
API_SAMPLES = AUTHORING / "api-samples"
FULL_METADATA = AUTHORING / "metadata.json"
# Real files to try the tool on live next to the repository; absent in a plain checkout.
CORPUS = ROOT.parent / "shared" / "corpus"


def run(binary, *args, cwd=ROOT):
    return subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


def validator(schema):
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def read_jsonl(path):
    return [json.loads(line) for line in pathlib.Path(path).read_text().splitlines() if line.strip()]


def metadata_files():
    """Every metadata file among the fixtures (files with record_types)."""
    found = []
    for path in sorted((ROOT / "fixtures").rglob("*.json")):
        try:
            if "record_types" in json.loads(path.read_bytes()):
                found.append(path)
        except (ValueError, UnicodeDecodeError):
            continue
    return found


def corpus_metadata_files():
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("metadata/*.json")) + [CORPUS / "chef-cli-demo" / "metadata.json"] \
        + sorted(CORPUS.glob("mapping/*/external_domain_metadata.json"))


def require_clean_metadata(binary, path):
    result = run(binary, "validate", "--no-config", path)
    if result.returncode != 0:
        pytest.skip(f"{path.name} does not validate without errors")


# --- init -------------------------------------------------------------------------------------

def test_init_starter_validates_with_no_finding(binary, tmp_path):
    target = tmp_path / "external_domain_metadata.json"
    result = run(binary, "init", "--record-types", "issues,comments", "--output", target)
    assert result.returncode == 0, result.stderr
    starter = json.loads(target.read_text())
    assert list(starter["record_types"]) == ["users", "issues", "comments"]
    assert starter["schema_version"] == "v0.2.0"
    assert starter["record_types"]["users"]["fields"]["email"] == {
        "name": "Email", "type": "text", "is_required": True, "is_identifier": True}
    assert all(t["name"] for t in starter["record_types"].values())
    checked = run(binary, "validate", "--no-config", target)
    assert (checked.returncode, checked.stdout) == (0, "no problems found in 1 file\n")


def test_init_never_overwrites_without_force(binary, tmp_path):
    target = tmp_path / "external_domain_metadata.json"
    target.write_text("mine\n")
    result = run(binary, "init", "--output", target)
    assert result.returncode == 2
    assert result.stderr == f"metadata-lint: {target}: already exists: pass --force to overwrite it\n"
    assert target.read_text() == "mine\n"
    forced = run(binary, "init", "--output", target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "users" in json.loads(target.read_text())["record_types"]


def test_init_prints_to_stdout_and_rejects_reserved_names(binary):
    default = run(binary, "init")
    assert default.returncode == 0
    assert list(json.loads(default.stdout)["record_types"]) == ["users", "tickets", "comments"]
    reserved = run(binary, "init", "--record-types", "tickets,attachments")
    assert reserved.returncode == 2
    assert "\"attachments\" is a reserved item type" in reserved.stderr
    assert reserved.stdout == ""


# --- infer ------------------------------------------------------------------------------------

def infer(binary, *paths, cwd=ROOT):
    result = run(binary, "infer", *paths, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result


def test_infer_api_samples_validates_clean(binary, tmp_path):
    target = tmp_path / "external_domain_metadata.json"
    result = run(binary, "infer", "--output", target, API_SAMPLES)
    assert result.returncode == 0, result.stderr
    checked = run(binary, "validate", "--no-config", target)
    assert (checked.returncode, checked.stdout) == (0, "no problems found in 1 file\n")


def test_infer_api_samples_field_by_field(binary):
    draft, result = infer(binary, API_SAMPLES)
    types = draft["record_types"]
    assert list(types) == ["comments", "tickets", "users"]
    tickets = types["tickets"]["fields"]
    # Key order is the samples' first-seen order.
    assert list(tickets) == ["title", "status", "priority", "story_points", "estimate_hours", "assignee",
                             "reporter_email", "watchers", "labels", "due_on", "resolved_at", "description",
                             "duplicate_of"]
    assert tickets["title"] == {"type": "text", "is_required": True}
    assert tickets["status"]["enum"]["values"] == [{"key": "open"}, {"key": "in_progress"}, {"key": "closed"}]
    assert tickets["story_points"] == {"type": "int", "is_required": True}
    assert tickets["estimate_hours"] == {"type": "float", "is_required": True}
    assert tickets["assignee"] == {"type": "reference", "reference": {"refers_to": {"#record:users": {}}}}
    assert tickets["reporter_email"]["reference"] == {"refers_to": {"#record:users": {"by_field": "email"}}}
    assert tickets["watchers"]["collection"] == {} and tickets["watchers"]["type"] == "reference"
    assert tickets["labels"]["type"] == "enum" and tickets["labels"]["collection"] == {}
    assert tickets["due_on"] == {"type": "date", "is_required": True}
    assert tickets["resolved_at"] == {"type": "timestamp"}
    assert tickets["description"] == {"type": "rich_text", "is_required": True}
    assert tickets["duplicate_of"] == {"type": "typed_reference",
                                       "typed_reference": {"refers_to": {"#record:tickets": {}}}}
    users = types["users"]["fields"]
    assert users["email"] == {"type": "text", "is_required": True, "is_identifier": True}
    assert users["active"] == {"type": "bool", "is_required": True}
    assert users["phone"] == {"type": "struct", "struct": {"key": "phone"}}
    assert users["signed_up_on"]["type"] == "date"
    assert draft["struct_types"]["phone"]["fields"] == {
        "country_code": {"type": "enum", "is_required": True,
                         "enum": {"values": [{"key": "+44"}, {"key": "+1"}, {"key": "+31"}]}},
        "number": {"type": "text"}}
    for fields in [t["fields"] for t in types.values()]:
        assert not {"id", "created_date", "modified_date"} & set(fields)
    assert types["comments"]["fields"]["ticket"]["reference"] == {"refers_to": {"#record:tickets": {}}}
    notes = result.stderr.splitlines()
    assert notes[0] == "inferred 3 record types from 30 samples"
    assert "  tickets.assignee: reference to users (11 of 11 values are users ids in the samples)" in notes
    assert "  tickets.assignee: not required: missing or null in 1 of 12 samples" in notes
    assert ("  comments.author_email: reference to users by email (10 of 10 values are users.email values"
            " in the samples)") in notes
    assert ("  tickets.status: enum of 3 keys from 12 values (at most 20 distinct values, each seen 2+ times"
            " on average)") in notes


def test_infer_is_deterministic(binary):
    first = run(binary, "infer", API_SAMPLES)
    second = run(binary, "infer", API_SAMPLES)
    assert first.returncode == second.returncode == 0
    assert (first.stdout, first.stderr) == (second.stdout, second.stderr)
    assert first.stdout.startswith('{\n  "schema_version": "v0.2.0",\n  "record_types": {\n    "comments": {\n')


def test_infer_reads_gzip_batches_and_extractor_names(binary, tmp_path):
    """The same samples split into gzipped batches with extractor-style names give the same types."""
    (tmp_path / "extractor_users_1712345.json.gz").write_bytes(gzip.compress((API_SAMPLES / "users.json").read_bytes()))
    lines = (API_SAMPLES / "tickets.jsonl").read_text().splitlines(keepends=True)
    (tmp_path / "tickets-1.jsonl.gz").write_bytes(gzip.compress("".join(lines[:5]).encode()))
    (tmp_path / "tickets-2.jsonl").write_text("".join(lines[5:]))
    shutil.copy(API_SAMPLES / "comments.json", tmp_path / "comments.json")
    original, _ = infer(binary, API_SAMPLES)
    batched, result = infer(binary, tmp_path)
    assert result.stderr.splitlines()[0] == "inferred 3 record types from 30 samples"
    assert sorted(batched["record_types"]) == ["comments", "tickets", "users"]
    for name, declared in original["record_types"].items():
        assert batched["record_types"][name] == declared, name


def test_infer_reports_unreadable_samples_with_positions(binary, tmp_path):
    (tmp_path / "users.jsonl").write_text('{"id": "u1", "email": "a@example.com"}\n"oops"\n{"id": "u2", "email": }\n')
    result = run(binary, "infer", tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout)["record_types"]["users"]["fields"]["email"] == {"type": "text", "is_required": True}
    errors = [line for line in result.stderr.splitlines() if line.startswith("metadata-lint: ")]
    assert errors == [
        f"metadata-lint: {tmp_path}/users.jsonl:2: a sample is a JSON object, not a string (skipped)",
        f"metadata-lint: {tmp_path}/users.jsonl:3:23: unexpected '}}'; expected a JSON value (the value is skipped)",
    ]


def test_infer_without_samples_is_exit_two(binary, tmp_path):
    shutil.copy(FULL_METADATA, tmp_path / "metadata.json")
    result = run(binary, "infer", tmp_path)
    assert result.returncode == 2
    assert "no samples to infer from" in result.stderr and "it is a metadata file" in result.stderr


def test_infer_round_trips_sample_output(binary, tmp_path):
    """Items generated from a metadata file infer back to a draft that validates clean."""
    out = tmp_path / "items"
    assert run(binary, "sample", "--all", "--count", "40", "--output", out, FULL_METADATA).returncode == 0
    (out / "attachments.jsonl").unlink()
    draft = tmp_path / "draft.json"
    assert run(binary, "infer", "--output", draft, out).returncode == 0
    assert run(binary, "validate", "--no-config", draft).returncode == 0
    fields = json.loads(draft.read_text())["record_types"]["tickets"]["fields"]
    assert fields["owner"]["reference"] == {"refers_to": {"#record:users": {}}}
    assert fields["reporter"]["reference"] == {"refers_to": {"#record:users": {"by_field": "email"}}}
    assert fields["status"]["enum"]["values"] in ([{"key": "open"}, {"key": "done"}], [{"key": "done"}, {"key": "open"}])
    assert fields["access"]["type"] == "permission" and fields["access"]["collection"] == {}
    assert fields["duplicate_of"]["type"] == "typed_reference"
    assert fields["location"]["type"] == "struct"
    # Required fields are always present; whether a sample left an optional one out is chance.
    assert all(fields[name].get("is_required") for name in ("title", "status", "owner", "location"))


@pytest.mark.skipif(not (CORPUS / "chef-cli-demo").is_dir(), reason="../shared/corpus is not present")
def test_infer_on_chef_cli_demo_matches_its_metadata(binary, tmp_path):
    demo = CORPUS / "chef-cli-demo"
    target = tmp_path / "draft.json"
    result = run(binary, "infer", "--output", target, demo)
    assert result.returncode == 0, result.stderr
    assert run(binary, "validate", "--no-config", target).returncode == 0
    draft = json.loads(target.read_text())["record_types"]
    official = json.loads((demo / "metadata.json").read_text())["record_types"]
    assert sorted(draft) == sorted(official)
    differences = []
    for name, record_type in official.items():
        for key, field in record_type["fields"].items():
            got = draft[name]["fields"].get(key)
            if got is None:
                differences.append(f"{name}.{key}: missing")
                continue
            for aspect in ("type", "collection", "is_required"):
                if (field.get(aspect) is not None) != (got.get(aspect) is not None) or \
                        (aspect == "type" and field["type"] != got["type"]) or \
                        (aspect == "is_required" and bool(field.get(aspect)) != bool(got.get(aspect))):
                    differences.append(f"{name}.{key}: {aspect}")
            block = field.get("reference") or field.get("permission", {}).get("member_id")
            got_block = got.get("reference") or got.get("permission", {}).get("member_id")
            if block and set(block["refers_to"]) != set(got_block["refers_to"]):
                differences.append(f"{name}.{key}: targets")
    # The demo's knowledge pages carry no title (chef-cli's own demo data fails its metadata), and
    # every page lists who may access it, so infer calls accessible_to required.
    assert differences == ["knowledge_page.accessible_to: is_required", "knowledge_page.title: missing"]
    # The draft checks the demo's own data with no error.
    files = [demo / f for f in ("comment.json", "incident.json", "issue.json", "knowledge_page.json", "user.json")]
    checked = run(binary, "check-artifacts", "--no-config", "--metadata", target, *files)
    assert checked.returncode == 0, checked.stdout


def test_infer_on_bench_data_matches_the_bench_metadata(binary, tmp_path):
    generated = subprocess.run(["python3", str(ROOT / "bench" / "generate.py"), str(tmp_path), "0.005"],
                               capture_output=True, text=True, timeout=120)
    assert generated.returncode == 0, generated.stderr
    draft, result = infer(binary, tmp_path / "artifacts")
    bench = json.loads((tmp_path / "metadata.json").read_text())["record_types"]
    for name, record_type in bench.items():
        got = draft["record_types"][name]["fields"]
        assert list(got) == list(record_type["fields"]), name
        for key, field in record_type["fields"].items():
            expected_type = field["type"]
            if (name, key) == ("epics", "labels"):
                expected_type = "enum"  # 14 words that repeat: an enum by the threshold
            assert got[key]["type"] == expected_type, f"{name}.{key}"
            assert ("collection" in got[key]) == ("collection" in field), f"{name}.{key}"
    assert draft["record_types"]["comments"]["fields"]["author"]["reference"] == {
        "refers_to": {"#record:users": {"by_field": "email"}}}
    assert draft["record_types"]["comments"]["fields"]["epic"]["reference"] == {"refers_to": {"#record:epics": {}}}
    assert draft["record_types"]["users"]["fields"]["email"]["is_identifier"] is True
    assert "ssor_attachment.jsonl: skipped" in result.stderr


# --- sample -----------------------------------------------------------------------------------

def sample_all(binary, metadata, out, count=12, seed=3):
    result = run(binary, "sample", "--all", "--count", count, "--seed", seed, "--output", out, metadata)
    assert result.returncode == 0, result.stderr
    return result


def assert_artifacts_clean(binary, metadata, out):
    checked = run(binary, "check-artifacts", "--no-config", "--format", "json", "--metadata", metadata, out)
    findings = json.loads(checked.stdout)
    errors = [f for f in findings if f["severity"] == "error"]
    assert errors == [] and checked.returncode == 0, errors[:5]
    # Every reference could be checked: all their targets were generated.
    assert not [f for f in findings if f["rule"] == "references-not-checked"]


@pytest.mark.parametrize("metadata", metadata_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_sample_passes_check_artifacts_for_every_fixture(binary, tmp_path, metadata):
    require_clean_metadata(binary, metadata)
    sample_all(binary, metadata, tmp_path / "out")
    assert_artifacts_clean(binary, metadata, tmp_path / "out")


@pytest.mark.parametrize("metadata", corpus_metadata_files(), ids=lambda p: p.name)
def test_sample_passes_check_artifacts_for_the_corpus(binary, tmp_path, metadata):
    require_clean_metadata(binary, metadata)
    sample_all(binary, metadata, tmp_path / "out")
    assert_artifacts_clean(binary, metadata, tmp_path / "out")


def test_corpus_files_are_found_when_present():
    if CORPUS.is_dir():
        assert len(corpus_metadata_files()) >= 9
    else:
        assert corpus_metadata_files() == []


def test_sample_items_are_shaped_as_the_sdk_writes_them(binary, tmp_path):
    out = tmp_path / "out"
    sample_all(binary, FULL_METADATA, out, count=30, seed=11)
    assert sorted(p.name for p in out.iterdir()) == ["attachments.jsonl", "comments.jsonl", "tickets.jsonl", "users.jsonl"]
    users = read_jsonl(out / "users.jsonl")
    tickets = read_jsonl(out / "tickets.jsonl")
    assert [u["id"] for u in users] == [f"users-{k}" for k in range(30)]
    for item in tickets:
        assert list(item)[:3] == ["id", "created_date", "modified_date"] and list(item)[-1] == "data"
        assert item["created_date"] <= item["modified_date"]
    emails = {u["data"]["email"] for u in users}
    assert len(emails) == 30
    reporters = [t["data"]["reporter"] for t in tickets if t["data"].get("reporter")]
    assert reporters and set(reporters) <= emails
    ids = {u["id"] for u in users}
    assert {t["data"]["owner"] for t in tickets} <= ids
    generated = {(name, item["id"]) for name in ("users", "tickets", "comments") for item in read_jsonl(out / f"{name}.jsonl")}
    mentions = [part for t in tickets for part in (t["data"].get("body") or []) if isinstance(part, dict)]
    assert mentions and all((m["ref_type"], m["id"]) in generated for m in mentions)
    typed = [t["data"]["duplicate_of"] for t in tickets if t["data"].get("duplicate_of")]
    assert typed and all(ref["ref_type"] == "tickets" and ("tickets", ref["id"]) in generated for ref in typed)
    members = [a["member_id"] for t in tickets for a in (t["data"].get("access") or [])]
    assert members and set(members) <= ids
    assert all(1 <= len(t["data"]["labels"]) <= 4 for t in tickets if t["data"].get("labels") is not None)
    assert all(0 <= t["data"]["points"] <= 13 for t in tickets if t["data"].get("points") is not None)
    assert {t["data"]["status"] for t in tickets} <= {"open", "done"}  # never the deprecated key
    operations = {t.get("operation") for t in tickets}
    assert None in operations and "created" in operations
    attachments = read_jsonl(out / "attachments.jsonl")
    all_ids = ids | {t["id"] for t in tickets} | {c["id"] for c in read_jsonl(out / "comments.jsonl")}
    assert attachments and all(a["parent_id"] in all_ids for a in attachments)
    assert list(attachments[0])[:4] == ["url", "id", "file_name", "parent_id"]


def test_sample_is_deterministic_per_seed(binary, tmp_path):
    def one(seed):
        result = run(binary, "sample", "--record-type", "tickets", "--count", "5", "--seed", seed, FULL_METADATA)
        assert result.returncode == 0, result.stderr
        return result.stdout
    assert one(5) == one(5)
    assert one(5) != one(6)
    assert len(one(5).splitlines()) == 5
    # A type's items do not depend on which other types are generated with it.
    out = tmp_path / "all"
    sample_all(binary, FULL_METADATA, out, count=5, seed=5)
    assert (out / "tickets.jsonl").read_text() == one(5)


def test_sample_refuses_to_overwrite_and_broken_metadata(binary, tmp_path):
    out = tmp_path / "out"
    sample_all(binary, FULL_METADATA, out)
    again = run(binary, "sample", "--all", "--output", out, FULL_METADATA)
    assert again.returncode == 2 and "already exists: pass --force to overwrite it" in again.stderr
    assert run(binary, "sample", "--all", "--force", "--output", out, FULL_METADATA).returncode == 0
    broken = run(binary, "sample", "--all", "--output", tmp_path / "b", ROOT / "fixtures/example/broken_external_domain_metadata.json")
    assert broken.returncode == 1
    assert "has 8 error(s): fix them first" in broken.stderr
    assert not (tmp_path / "b").exists()
    unknown = run(binary, "sample", "--record-type", "ticket", FULL_METADATA)
    assert unknown.returncode == 2 and 'did you mean "tickets"?' in unknown.stderr
    assert run(binary, "sample", FULL_METADATA).returncode == 2
    assert run(binary, "sample", "--all", FULL_METADATA).returncode == 2


# --- json-schema ------------------------------------------------------------------------------

def schema_for(binary, metadata, record_type):
    result = run(binary, "json-schema", "--record-type", record_type, metadata)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("metadata", metadata_files() + corpus_metadata_files(), ids=lambda p: p.name if CORPUS in p.parents else str(p.relative_to(ROOT)))
def test_json_schema_accepts_sample_output(binary, tmp_path, metadata):
    require_clean_metadata(binary, metadata)
    sample_all(binary, metadata, tmp_path / "out", count=25)
    for record_type in json.loads(metadata.read_text())["record_types"]:
        check = validator(schema_for(binary, metadata, record_type))
        for item in read_jsonl(tmp_path / "out" / f"{record_type}.jsonl"):
            errors = [e.message for e in check.iter_errors(item)]
            assert errors == [], (record_type, item["id"], errors)


def test_format_checking_is_on():
    """date-time is checked only when rfc3339-validator is installed; without it the faults that only
    a calendar catches (hour 24, 29 February of a common year) would pass silently."""
    check = validator({"type": "string", "format": "date-time"})
    assert list(check.iter_errors("2024-03-01T24:00:00Z"))
    assert list(validator({"type": "string", "format": "date"}).iter_errors("2023-02-29"))


def test_json_schema_types_dates_as_dates(binary):
    schema = schema_for(binary, FULL_METADATA, "tickets")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$defs"]["date"]["format"] == "date"
    assert schema["$defs"]["timestamp"]["format"] == "date-time"
    assert schema["$defs"]["data"]["properties"]["due"] == {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/date"}]}
    assert schema["$defs"]["data"]["properties"]["points"] == {"type": ["integer", "null"], "minimum": 0, "maximum": 13}
    assert schema["then"] == {"properties": {"data": {"$ref": "#/$defs/data.required"}}}
    assert schema["$defs"]["data.required"]["required"] == ["title", "status", "owner", "location"]


BASE_TICKET = {
    "id": "tickets-1",
    "created_date": "2024-03-01T10:00:00Z",
    "modified_date": "2024-03-02T10:00:00+01:00",
    "data": {
        "title": "Login fails",
        "summary": "Users cannot log in",
        "body": ["See ", {"ref_type": "users", "id": "users-0"}, " for details"],
        "status": "open",
        "points": 3,
        "progress": 0.5,
        "is_blocked": False,
        "due": "2024-02-29",
        "resolved_at": "2024-03-01T12:00:00.250Z",
        "owner": "users-0",
        "reporter": "users0@example.com",
        "watchers": ["users-1"],
        "labels": ["bug"],
        "duplicate_of": {"id": "tickets-2", "ref_type": "tickets"},
        "location": {"city": "Paris", "postcode": "75001"},
        "access": [{"member_id": "users-1", "role": "editor"}],
    },
}


def fault(change):
    item = copy.deepcopy(BASE_TICKET)
    change(item)
    return item


def setter(path, value):
    def change(item):
        target = item
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def deleter(*path):
    def change(item):
        target = item
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


def both(*changes):
    def change(item):
        for one in changes:
            one(item)
    return change


# One fault per check: (name, change, the rule check-artifacts reports for the same item).
FAULTS = [
    ("int-as-string", setter(["data", "points"], "3"), "field-value-type"),
    ("float-as-string", setter(["data", "progress"], "0.5"), "field-value-type"),
    ("bool-as-string", setter(["data", "is_blocked"], "true"), "field-value-type"),
    ("text-as-number", setter(["data", "title"], 42), "field-value-type"),
    ("bad-enum-key", setter(["data", "status"], "closed"), "invalid-enum-value"),
    ("int-above-max", setter(["data", "points"], 14), "value-out-of-bounds"),
    ("int-below-min", setter(["data", "points"], -1), "value-out-of-bounds"),
    ("float-above-max", setter(["data", "progress"], 1.5), "value-out-of-bounds"),
    ("text-too-long", setter(["data", "title"], "x" * 61), "value-out-of-bounds"),
    ("text-too-short", setter(["data", "summary"], "abcd"), "value-out-of-bounds"),
    ("collection-too-long", setter(["data", "watchers"], ["users-1", "users-2", "users-3", "users-4"]), "value-out-of-bounds"),
    ("collection-too-short", setter(["data", "labels"], []), "value-out-of-bounds"),
    ("scalar-for-collection", setter(["data", "watchers"], "users-1"), "field-value-type"),
    ("array-for-scalar", setter(["data", "owner"], ["users-0"]), "field-value-type"),
    ("empty-reference", setter(["data", "owner"], ""), "field-value-type"),
    ("number-reference", setter(["data", "owner"], 7), "field-value-type"),
    ("missing-required-on-created", both(setter(["operation"], "created"), deleter("data", "title")), "missing-required-field"),
    ("missing-required-without-operation", deleter("data", "owner"), "missing-required-field"),
    ("null-required", setter(["data", "status"], None), "missing-required-field"),
    ("extra-data-key", setter(["data", "priority"], "P1"), "undeclared-data-field"),
    ("bad-date", setter(["data", "due"], "2023-02-29"), "invalid-date-value"),
    ("timestamp-in-date-field", setter(["data", "due"], "2024-02-29T00:00:00Z"), "invalid-date-value"),
    ("timestamp-without-offset", setter(["data", "resolved_at"], "2024-03-01T12:00:00"), "invalid-date-value"),
    ("timestamp-bad-hour", setter(["data", "resolved_at"], "2024-03-01T24:00:00Z"), "invalid-date-value"),
    ("envelope-date-not-timestamp", setter(["created_date"], "2024-03-01"), "invalid-date-value"),
    ("struct-unknown-key", setter(["data", "location", "country"], "FR"), "undeclared-data-field"),
    ("struct-missing-required", deleter("data", "location", "city"), "missing-required-field"),
    ("struct-not-object", setter(["data", "location"], "Paris"), "field-value-type"),
    ("struct-text-too-short", setter(["data", "location", "postcode"], "75"), "value-out-of-bounds"),
    ("typed-reference-without-ref-type", setter(["data", "duplicate_of"], {"id": "tickets-2"}), "field-value-type"),
    ("typed-reference-extra-key", setter(["data", "duplicate_of", "url"], "x"), "field-value-type"),
    ("mention-without-id", setter(["data", "body"], ["See ", {"ref_type": "users"}]), "field-value-type"),
    ("rich-text-as-string", setter(["data", "body"], "See users-0"), "field-value-type"),
    ("permission-bad-role", setter(["data", "access"], [{"member_id": "users-1", "role": "owner"}]), "invalid-enum-value"),
    ("permission-without-member", setter(["data", "access"], [{"role": "viewer"}]), "field-value-type"),
    ("id-not-string", setter(["id"], 5), "item-envelope"),
    ("id-empty", setter(["id"], ""), "item-envelope"),
    ("missing-envelope-key", deleter("modified_date"), "item-envelope"),
    ("extra-top-level-key", setter(["priority"], "P1"), "item-envelope"),
    ("bad-operation", setter(["operation"], "removed"), "item-envelope"),
    ("data-not-object", setter(["data"], []), "item-envelope"),
]

# Items both accept: required fields are not enforced on partial updates, optional ones may be null.
ACCEPTED = [
    ("base", lambda item: None),
    ("updated-without-required", both(setter(["operation"], "updated"),
                                      setter(["data"], {"location": {"postcode": "75001"}}))),
    ("deleted-bare", both(setter(["operation"], "deleted"), setter(["data"], {}))),
    ("optional-nulls", both(*[setter(["data", key], None) for key in
                              ("summary", "body", "points", "progress", "is_blocked", "due", "resolved_at",
                               "reporter", "watchers", "labels", "duplicate_of", "access")])),
    ("null-collection-elements", setter(["data", "watchers"], [None, "users-1"])),
    ("struct-optional-null", setter(["data", "location", "street"], None)),
    ("mention-with-fallback", setter(["data", "body"], [{"ref_type": "users", "id": "users-0", "fallback_record_name": None}, "x"])),
    ("timestamp-lower-case", setter(["data", "resolved_at"], "2024-03-01t12:00:00z")),
]


@pytest.fixture(scope="module")
def ticket_schema(binary):
    return validator(schema_for(binary, FULL_METADATA, "tickets"))


def check_one(binary, tmp_path, item):
    folder = tmp_path / "items"
    folder.mkdir(exist_ok=True)
    (folder / "tickets.jsonl").write_text(json.dumps(item) + "\n")
    result = run(binary, "check-artifacts", "--no-config", "--format", "json", "--metadata", FULL_METADATA, folder)
    # A JSON Schema sees one item; references between items (here duplicate_of's "tickets-2", which
    # a folder of one ticket cannot hold) are check-artifacts' alone.
    errors = [f["rule"] for f in json.loads(result.stdout) if f["severity"] == "error" and f["rule"] != "dangling-reference"]
    return (1 if errors else 0), errors


@pytest.mark.parametrize("name,change,rule", FAULTS, ids=[f[0] for f in FAULTS])
def test_json_schema_rejects_planted_fault_as_check_artifacts_does(binary, tmp_path, ticket_schema, name, change, rule):
    item = fault(change)
    assert list(ticket_schema.iter_errors(item)), f"the schema accepts {name}"
    code, rules = check_one(binary, tmp_path, item)
    assert code == 1 and rule in rules, rules


@pytest.mark.parametrize("name,change", ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_json_schema_accepts_what_check_artifacts_accepts(binary, tmp_path, ticket_schema, name, change):
    item = fault(change)
    assert [e.message for e in ticket_schema.iter_errors(item)] == []
    assert check_one(binary, tmp_path, item) == (0, [])


# --- README -----------------------------------------------------------------------------------

def readme_examples():
    """The `$ metadata-lint ...` commands of the README's Authoring section, with the output shown."""
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## Authoring", 1)[1].split("\n## ", 1)[0]
    examples = []
    for block in re.findall(r"```text\n(.*?)```", section, re.S):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.startswith("$ metadata-lint "):
                command, _, output = chunk.partition("\n")
                examples.append((shlex.split(command[2:])[1:], output))
    return examples


def test_readme_authoring_workflow_runs_as_shown(binary, tmp_path):
    examples = readme_examples()
    assert [words[0] for words, _ in examples] == ["init", "infer", "validate", "sample", "check-artifacts", "json-schema"]
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    for words, expected in examples:
        result = run(binary, *words, cwd=tmp_path)
        assert result.returncode == 0, (words, result.stderr)
        assert result.stdout + result.stderr == expected, words
    schema = validator(json.loads((tmp_path / "draft" / "tickets.schema.json").read_text()))
    for item in read_jsonl(tmp_path / "draft" / "extracted" / "tickets.jsonl"):
        assert [e.message for e in schema.iter_errors(item)] == []
