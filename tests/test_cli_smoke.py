"""The binary runs as a user runs it: exit codes on the shipped example."""
import subprocess

from conftest import ROOT


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_example_is_clean(binary, root):
    result = run(binary, "validate", str(root / "fixtures/example/external_domain_metadata.json"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_example_exits_one_with_positions(binary, root):
    result = run(binary, "validate", "fixtures/example/broken_external_domain_metadata.json")
    assert result.returncode == 1
    assert "broken_external_domain_metadata.json:31:19: error[undeclared-category]" in result.stdout


def test_missing_file_is_exit_two(binary):
    result = run(binary, "validate", "no/such/file.json")
    assert result.returncode == 2
    assert "no such file" in result.stderr
