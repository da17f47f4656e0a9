"""CI output: GitHub workflow commands that checked content cannot forge, and the problem matcher
for the text output."""
import json
import re
import subprocess

import pytest

from conftest import ROOT


class Result:
    """stdout and stderr decoded as they are: text mode would turn a raw CR into LF."""
    def __init__(self, completed):
        self.returncode = completed.returncode
        self.stdout = completed.stdout.decode()
        self.stderr = completed.stderr.decode()


def run(binary, *args, cwd=ROOT):
    return Result(subprocess.run([binary, *args], capture_output=True, timeout=60, cwd=cwd))


def workflow_commands(stream):
    """The lines the Actions runner would take for workflow commands: it reads lines ending at LF,
    CR or CR LF, and skips everything between `::stop-commands::TOKEN` and `::TOKEN::`."""
    commands, stopped = [], None
    for line in re.split(r"\r\n|\r|\n", stream):
        line = line.strip()
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        if line.startswith("::stop-commands::"):
            stopped = line[len("::stop-commands::"):]
            assert len(stopped) >= 16, "the token must not be guessable"
            continue
        if line.startswith("::"):
            commands.append(line)
    assert stopped is None, "commands were never resumed"
    return commands


@pytest.mark.parametrize("newline", ["\\r\\n", "\\n", "\\r"])
def test_a_key_with_a_line_break_cannot_forge_a_command(binary, tmp_path, newline):
    key = f"x{newline}::error file=forged.json,line=1::pwned 100%"
    text = '{"schema_version": "v0.2.0", "record_types": {"a": {"fields": {}, "' + key + '": 1}}}'
    (tmp_path / "m.json").write_text(text)
    column = text.index('"x') + 1
    result = run(binary, "validate", "--no-config", "--format", "github", "m.json", cwd=tmp_path)
    assert result.returncode == 1
    decoded = newline.replace("\\r", "%0D").replace("\\n", "%0A")
    assert workflow_commands(result.stdout) == [
        f"::error file=m.json,line=1,col={column},title=unknown-key::unknown key \"x" + decoded
        + "::error file=forged.json,line=1::pwned 100%25\" in record type \"a\": remove it (allowed: attachments, "
        "category, conditions, description, fields, is_loadable, is_snapshot, link_naming_data, name, no_identifier, "
        "scope, stage_diagram)"
    ]
    # The full text report on stderr quotes the key as it is, inside a stop-commands block.
    assert "::error file=forged.json" in result.stderr
    assert workflow_commands(result.stderr) == []


def test_file_and_title_properties_escape_colon_and_comma(binary, tmp_path):
    (tmp_path / "a,b:c%.json").write_text('{"schema_version": "v0.2.0", "record_types": {"a": {"fields": {}, "t": 1}}}')
    result = run(binary, "validate", "--no-config", "--format", "github", "a,b:c%.json", cwd=tmp_path)
    [command] = workflow_commands(result.stdout)
    assert command.startswith("::error file=a%2Cb%3Ac%25.json,line=1,col=67,title=unknown-key::unknown key \"t\"")


MATCHER = json.loads((ROOT / ".github/metadata-lint-matcher.json").read_text())


def match(line):
    """What the runner's problem matchers make of a line: (owner, fields) or None."""
    found = []
    for matcher in MATCHER["problemMatcher"]:
        [pattern] = matcher["pattern"]
        m = re.match(pattern["regexp"], line)
        if m:
            fields = {k: m.group(v) for k, v in pattern.items() if k != "regexp"}
            found.append((matcher["owner"], fields))
    assert len(found) <= 1, f"two matchers fire on {line!r}"
    return found[0] if found else None


def test_problem_matcher_reads_the_text_output(binary):
    result = run(binary, "validate", "--no-config", "fixtures/example/broken_external_domain_metadata.json")
    lines = result.stdout.splitlines()
    matched = [m for m in map(match, lines) if m]
    assert len(matched) == 8, result.stdout
    assert matched[0] == ("metadata-lint", {
        "file": "fixtures/example/broken_external_domain_metadata.json", "line": "31", "column": "19",
        "severity": "error", "code": "undeclared-category",
        "message": 'record type "epics" has category "ticket", which is not declared in record_type_categories: '
                   'did you mean "tickets"?',
    })
    # Snippet, caret and summary lines are not findings.
    assert match(' 31 |       "category": "ticket",') is None
    assert match("8 errors, 0 warnings in 1 file") is None


def test_problem_matcher_reads_file_level_findings_and_leaves_notes_out(binary, tmp_path):
    (tmp_path / "bogus.jsonl").write_text("{}\n")
    result = run(binary, "check-artifacts", "--no-config", "--metadata", str(ROOT / "fixtures/artifacts/metadata.json"),
                 "bogus.jsonl", cwd=tmp_path)
    first = result.stdout.splitlines()[0]
    assert first.startswith("bogus.jsonl: error[unknown-item-type]: ")
    owner, fields = match(first)
    assert owner == "metadata-lint-file"
    assert (fields["file"], fields["severity"], fields["code"]) == ("bogus.jsonl", "error", "unknown-item-type")
    assert match("a.jsonl:3:1: note[references-not-checked]: x") is None
    assert match("a.jsonl: note[items-not-checked]: x") is None
    assert match("dir:1/a,b.json:3:7: warning[empty-enum]: x")[1]["file"] == "dir:1/a,b.json"
