"""check-artifacts on local extractor output, as a user runs it: the SDK writes the metadata it
pushes as extracted_files/extractor_external_domain_metadata_<ms>.json beside the data."""
import gzip
import json
import subprocess

from conftest import ROOT

STAMP = {"created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-02T10:00:00Z"}
METADATA = {"record_types": {"users": {"fields": {"email": {"type": "text", "is_required": True}}}}}


def run(binary, *args, cwd=ROOT):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def extracted_files(tmp_path, metadata=METADATA, users=({"email": "a@example.com"},), stamp="1716000000000"):
    out = tmp_path / "extracted_files"
    out.mkdir()
    (out / f"extractor_external_domain_metadata_{stamp}.json").write_text(json.dumps(metadata, separators=(",", ":")) + "\n")
    lines = [json.dumps({"id": f"u{n}", **STAMP, "data": data}) for n, data in enumerate(users)]
    (out / "extractor_users_1716000000001.jsonl").write_text("\n".join(lines) + "\n")
    return out


def test_one_command_checks_local_output_against_the_extractors_metadata(binary, tmp_path):
    out = extracted_files(tmp_path)
    result = run(binary, "check-artifacts", "--no-config", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "records: users: 1" in result.stdout


def test_without_metadata_or_copy_is_a_usage_error_naming_the_option(binary, tmp_path):
    (tmp_path / "users.jsonl").write_text(json.dumps({"id": "u1", **STAMP, "data": {}}) + "\n")
    result = run(binary, "check-artifacts", "--no-config", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--metadata" in result.stderr and "extractor_external_domain_metadata" in result.stderr


def test_metadata_errors_and_data_errors_are_both_reported(binary, tmp_path):
    metadata = {"record_types": {"users": {"fields": {"id": {"type": "text"}, "email": {"type": "text", "is_required": True}}}}}
    out = extracted_files(tmp_path, metadata=metadata, users=({},))
    result = run(binary, "check-artifacts", "--no-config", "--format", "json", str(out))
    assert result.returncode == 1
    found = sorted((d["rule"], d["file"].rsplit("/", 1)[-1], d["line"]) for d in json.loads(result.stdout))
    assert found == [
        ("missing-required-field", "extractor_users_1716000000001.jsonl", 1),
        ("reserved-field-name", "extractor_external_domain_metadata_1716000000000.json", 1),
    ]


def test_unreadable_metadata_stops_before_the_data(binary, tmp_path):
    out = extracted_files(tmp_path, metadata=["not", "metadata"], users=({},))
    result = run(binary, "check-artifacts", "--no-config", str(out))
    assert result.returncode == 1
    assert "the metadata cannot be read: fix it first; no artifact was checked" in result.stdout
    assert "missing-required-field" not in result.stdout


def test_a_differing_copy_is_a_warning_and_the_given_metadata_wins(binary, tmp_path):
    out = extracted_files(tmp_path, users=({"email": "a@example.com", "nick": "A"},))
    given = tmp_path / "external_domain_metadata.json"
    changed = json.loads(json.dumps(METADATA))
    changed["record_types"]["users"]["fields"]["nick"] = {"type": "text"}
    given.write_text(json.dumps(changed, indent=2))
    result = run(binary, "check-artifacts", "--no-config", "--metadata", str(given), str(out))
    assert result.returncode == 0, result.stdout
    assert "warning[metadata-copy-differs]" in result.stdout
    assert "at /record_types/users/fields/nick" in result.stdout
    assert "undeclared-data-field" not in result.stdout
    # The same metadata in another layout is no difference.
    given.write_text(json.dumps(METADATA, indent=4, sort_keys=True))
    (out / "extractor_users_1716000000001.jsonl").write_text(json.dumps({"id": "u1", **STAMP, "data": {"email": "a@x"}}) + "\n")
    result = run(binary, "check-artifacts", "--no-config", "--metadata", str(given), str(out))
    assert result.returncode == 0 and "metadata-copy-differs" not in result.stdout, result.stdout


def test_several_copies_use_the_newest_with_a_note(binary, tmp_path):
    out = extracted_files(tmp_path, users=({"email": "a@example.com", "nick": "A"},), stamp="1716000000000")
    newer = json.loads(json.dumps(METADATA))
    newer["record_types"]["users"]["fields"]["nick"] = {"type": "text"}
    (out / "extractor_external_domain_metadata_1716000000500.json").write_text(json.dumps(newer))
    result = run(binary, "check-artifacts", "--no-config", "--strict", str(out))
    assert result.returncode == 0, result.stdout
    assert "extractor_external_domain_metadata_1716000000500.json: note[metadata-copy-chosen]" in result.stdout
    assert "undeclared-data-field" not in result.stdout


def test_an_uploaded_gzip_metadata_artifact_is_metadata_too(binary, tmp_path):
    (tmp_path / "external_domain_metadata.jsonl.gz").write_bytes(gzip.compress(json.dumps(METADATA).encode()))
    (tmp_path / "users.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "u1", **STAMP, "data": {}}) + "\n").encode()))
    result = run(binary, "check-artifacts", "--no-config", str(tmp_path))
    assert result.returncode == 1
    assert "users.jsonl.gz:1:" in result.stdout and "missing-required-field" in result.stdout


def test_a_file_named_and_found_in_a_directory_named_is_read_once(binary, tmp_path):
    out = extracted_files(tmp_path, users=({"email": "a@example.com"}, {}))
    users = next(out.glob("extractor_users_*.jsonl"))
    once = run(binary, "check-artifacts", "--no-config", str(out))
    twice = run(binary, "check-artifacts", "--no-config", str(out), str(users), str(out / "." / users.name))
    assert once.returncode == twice.returncode == 1, once.stdout + twice.stdout
    assert "records: users: 2" in twice.stdout
    assert twice.stdout.count("error[") == once.stdout.count("error[") == 1, twice.stdout
