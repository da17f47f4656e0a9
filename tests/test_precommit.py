"""A real pre-commit (from PyPI) in a scratch git repository, with this repository at its HEAD
commit as the hook repository: a broken external_domain_metadata.json is blocked, a fixed one is
committed. The `metadata-lint` hook runs the binary under test from the PATH. The
`metadata-lint-swift` hook builds this repository with the Swift toolchain, which takes minutes:
it runs only with METADATA_LINT_TEST_SWIFT_HOOK=1."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

PRE_COMMIT = str(pathlib.Path(sys.executable).with_name("pre-commit"))
BROKEN = ROOT / "fixtures/example/broken_external_domain_metadata.json"
FIXED = ROOT / "fixtures/example/external_domain_metadata.json"


def head_commit():
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def environment(tmp_path, path_first=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PRE_COMMIT"}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.com",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.com")
    # The hook must find the binary under test, and nothing else called metadata-lint.
    dirs = [d for d in env["PATH"].split(os.pathsep) if not (pathlib.Path(d) / "metadata-lint").exists()]
    env["PATH"] = os.pathsep.join(([path_first] if path_first else []) + dirs)
    return env


def scratch_project(tmp_path, hook_id):
    project = tmp_path / "snap-in"
    (project / "code").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {head_commit()}\n"
        "    hooks:\n"
        f"      - id: {hook_id}\n")
    return project


def commit(project, env, message):
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=project, capture_output=True, text=True,
                          env=env, timeout=1200)


def commits(project, env):
    result = subprocess.run(["git", "log", "--format=%s"], cwd=project, capture_output=True, text=True, env=env)
    return result.stdout.split()


def block_then_pass(project, env):
    subprocess.run([PRE_COMMIT, "install"], cwd=project, check=True, capture_output=True, env=env)
    target = project / "code/external_domain_metadata.json"
    shutil.copy(BROKEN, target)
    blocked = commit(project, env, "broken")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "metadata-lint validate" in output and "Failed" in output
    assert "- exit code: 1" in output
    assert "code/external_domain_metadata.json:31:19: error[undeclared-category]" in output
    assert commits(project, env) == []

    # The same verdict from `pre-commit run`, the command CI uses.
    run = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=project, capture_output=True, text=True,
                         env=env, timeout=600)
    assert run.returncode == 1
    assert "error[undeclared-category]" in run.stdout

    shutil.copy(FIXED, target)
    passed = commit(project, env, "fixed")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert commits(project, env) == ["fixed"]


def test_hook_with_the_binary_on_the_path(binary, tmp_path):
    project = scratch_project(tmp_path, "metadata-lint")
    env = environment(tmp_path, path_first=str(pathlib.Path(binary).parent))
    block_then_pass(project, env)


def test_hook_fails_clearly_without_the_binary(tmp_path):
    project = scratch_project(tmp_path, "metadata-lint")
    env = environment(tmp_path)
    shutil.copy(BROKEN, project / "code/external_domain_metadata.json")
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    run = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=project, capture_output=True, text=True,
                         env=env, timeout=600)
    assert run.returncode == 1
    assert "Executable `metadata-lint` not found" in run.stdout


@pytest.mark.skipif(os.environ.get("METADATA_LINT_TEST_SWIFT_HOOK") != "1",
                    reason="builds the package in release mode (minutes): set METADATA_LINT_TEST_SWIFT_HOOK=1")
def test_hook_that_builds_from_source(tmp_path):
    project = scratch_project(tmp_path, "metadata-lint-swift")
    env = environment(tmp_path)
    block_then_pass(project, env)
