"""Every rule's SARIF helpUri resolves: docs/rules.md is generated from the binary, is current,
and has a heading whose GitHub anchor is the rule id."""
import collections
import importlib.util
import json
import re
import subprocess

from conftest import ROOT

DOCS = ROOT / "docs/rules.md"
spec = importlib.util.spec_from_file_location("generate_rules", ROOT / "docs/generate_rules.py")
generate_rules = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate_rules)


def github_anchor(heading):
    """GitHub's heading slug: lower case, punctuation other than - and _ dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown):
    counts = collections.Counter(github_anchor(line.lstrip("#")) for line in markdown.splitlines()
                                 if re.match(r"#{1,6} ", line))
    duplicated = [a for a, n in counts.items() if n > 1]
    assert not duplicated, f"GitHub would suffix these anchors with -1: {duplicated}"
    return set(counts)


def test_docs_rules_md_is_current(binary):
    assert DOCS.read_text() == generate_rules.markdown(binary), "docs/rules.md is stale: run `make docs`"


def test_every_help_uri_resolves_to_a_heading(binary):
    result = subprocess.run([binary, "validate", "--no-config", "--format", "sarif",
                             "fixtures/example/external_domain_metadata.json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    present = anchors(DOCS.read_text())
    prefix = "https://github.com/metadata-lint/metadata-lint/blob/main/docs/rules.md#"
    for rule in rules:
        assert rule["helpUri"].startswith(prefix)
        assert rule["helpUri"][len(prefix):] in present, rule["id"]
    assert len(rules) == len(json.loads(subprocess.run([binary, "rules", "--json"], capture_output=True,
                                                        text=True, cwd="/", timeout=60).stdout))
