"""The release tarball (`make dist`): a stripped binary that carries the Swift runtime, so it runs
with the toolchain's libraries out of reach, plus man page, completions, problem matcher, license,
readme and changelog; `make install` puts the same files under a prefix; the README's install
steps run as written.

`make dist-test` builds the tarball and runs this file on it (CI does, from `make test`). In a
plain `make test` these tests use dist/'s tarball for this version if `make dist` made one, and
skip otherwise: building one takes a static release build."""
import json
import os
import platform
import re
import shutil
import stat
import subprocess
import tarfile

import pytest

from conftest import ROOT

VERSION = re.search(r'static let current = "([^"]+)"', (ROOT / "Sources/LintSupport/Version.swift").read_text())[1]
NAME = f"metadata-lint-{VERSION}-linux-{platform.machine()}"
FILES = {
    "bin/metadata-lint",
    "share/man/man1/metadata-lint.1",
    "share/bash-completion/completions/metadata-lint",
    "share/zsh/site-functions/_metadata-lint",
    "share/fish/vendor_completions.d/metadata-lint.fish",
    "share/metadata-lint/metadata-lint-matcher.json",
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
}


@pytest.fixture(scope="module")
def tarball():
    named = os.environ.get("METADATA_LINT_DIST")
    if named:
        assert os.path.isfile(named), f"METADATA_LINT_DIST={named} does not exist"
        return named
    path = ROOT / "dist" / f"{NAME}.tar.gz"
    if not path.exists():
        pytest.skip(f"no {path.relative_to(ROOT)}: `make dist-test` builds and tests it")
    return str(path)


@pytest.fixture(scope="module")
def unpacked(tarball, tmp_path_factory):
    target = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["tar", "-xzf", tarball, "-C", str(target)], check=True)
    return target / NAME


def test_tarball_holds_one_folder_with_the_documented_files(tarball):
    with tarfile.open(tarball) as archive:
        members = archive.getmembers()
    files = {m.name for m in members if m.isfile()}
    assert files == {f"{NAME}/{f}" for f in FILES}
    assert all(m.uid == 0 and m.gid == 0 for m in members)
    [binary] = [m for m in members if m.name.endswith("bin/metadata-lint")]
    assert stat.S_IMODE(binary.mode) == 0o755


def test_binary_is_stripped_and_needs_no_swift_library(unpacked):
    binary = str(unpacked / "bin/metadata-lint")
    sections = subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True, check=True).stdout
    assert ".symtab" not in sections and ".debug_info" not in sections
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    assert "swift" not in ldd.lower(), ldd
    assert "not found" not in ldd, ldd
    # What it does need: libjq (libjq1), zlib, the C++ runtime and glibc, all Debian packages.
    needed = {line.split()[0] for line in ldd.splitlines() if "=>" in line}
    assert "libjq.so.1" in needed and "libz.so.1" in needed


def toolchain_root():
    """The Swift toolchain's root (/opt/swift here): what the portable binary must not need."""
    swift = shutil.which("swift")
    assert swift, "the tests need the Swift toolchain that built the debug binary"
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(swift))))


def hidden(*command):
    """Runs a command in a private mount namespace with an empty directory mounted over the
    toolchain root, so nothing under it can be loaded."""
    empty = "/tmp/metadata-lint-empty"
    os.makedirs(empty, exist_ok=True)
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--mount", "--map-root-user"]
    script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    return subprocess.run([*unshare, "sh", "-c", script, "sh", empty, toolchain_root(), *command],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def hiding_works(binary):
    probe = hidden("ls", "-A", toolchain_root())
    if probe.returncode != 0 and "unshare" in probe.stderr:
        pytest.skip(f"cannot make a mount namespace here: {probe.stderr.strip()}")
    assert probe.returncode == 0 and probe.stdout == "", probe.stderr
    # The trick really hides the toolchain: the debug binary, linked against its libraries, fails.
    debug = hidden(binary, "--version")
    assert debug.returncode == 127, debug.stdout + debug.stderr
    assert "error while loading shared libraries: libswift" in debug.stderr


def test_runs_with_the_toolchain_out_of_reach(unpacked, hiding_works):
    binary = str(unpacked / "bin/metadata-lint")
    version = hidden(binary, "--version")
    assert version.returncode == 0, version.stderr
    assert re.fullmatch(rf"{re.escape(VERSION)} \(libjq 1\.[0-9.]+[^)]*\)\n", version.stdout), version.stdout
    clean = hidden(binary, "validate", "fixtures/example/external_domain_metadata.json")
    assert (clean.returncode, clean.stdout) == (0, "no problems found in 1 file\n"), clean.stderr
    broken = hidden(binary, "validate", "fixtures/example/broken_external_domain_metadata.json")
    assert broken.returncode == 1
    assert "broken_external_domain_metadata.json:31:19: error[undeclared-category]" in broken.stdout
    artifacts = hidden(binary, "check-artifacts", "--metadata", "fixtures/artifacts/metadata.json",
                       "fixtures/artifacts/value-out-of-bounds/fail")
    assert artifacts.returncode == 1
    assert "epics.jsonl:4:148: error[value-out-of-bounds]" in artifacts.stdout
    query = hidden(binary, "query", "-c", ".schema_version", "fixtures/example/external_domain_metadata.json")
    assert (query.returncode, query.stdout) == (0, '"v0.2.0"\n'), query.stderr


def test_man_page_and_completions(unpacked):
    page = (unpacked / "share/man/man1/metadata-lint.1").read_text()
    assert ".Dt METADATA-LINT 1" in page
    for subcommand in ["validate", "check-artifacts", "query", "rules", "explain"]:
        assert f".It Em {subcommand}" in page
    rendered = subprocess.run(["groff", "-mandoc", "-Tutf8", "-ww", str(unpacked / "share/man/man1/metadata-lint.1")],
                              capture_output=True, text=True)
    assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
    assert "check-artifacts" in re.sub(".\b", "", rendered.stdout)  # drop the overstrike bold

    bash = unpacked / "share/bash-completion/completions/metadata-lint"
    subprocess.run(["bash", "-n", str(bash)], check=True)
    # Complete `metadata-lint che` the way bash does, with the unpacked binary on the PATH.
    script = f'source "{bash}"; COMP_WORDS=(metadata-lint che); COMP_CWORD=1; COMP_LINE="metadata-lint che"; ' \
             f'COMP_POINT=${{#COMP_LINE}}; _metadata-lint metadata-lint che metadata-lint; printf "%s\\n" "${{COMPREPLY[@]}}"'
    env = {**os.environ, "PATH": f"{unpacked / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    completed = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert completed.stdout.split() == ["check-artifacts"], completed.stdout + completed.stderr
    assert (unpacked / "share/zsh/site-functions/_metadata-lint").read_text().startswith("#compdef metadata-lint")
    assert "complete -c 'metadata-lint'" in (unpacked / "share/fish/vendor_completions.d/metadata-lint.fish").read_text()
    assert json.loads((unpacked / "share/metadata-lint/metadata-lint-matcher.json").read_text())["problemMatcher"]


def test_license_readme_changelog(unpacked):
    assert "Apache License\n                           Version 2.0, January 2004" in (unpacked / "LICENSE").read_text()
    assert (unpacked / "README.md").read_text().startswith("# metadata-lint\n")
    assert f"## [{VERSION}]" in (unpacked / "CHANGELOG.md").read_text()
    if os.environ.get("METADATA_LINT_DIST"):  # a fresh tarball: the same files as the checkout
        for name, source in [("LICENSE", "LICENSE"), ("README.md", "README.md"), ("CHANGELOG.md", "CHANGELOG.md"),
                             ("share/metadata-lint/metadata-lint-matcher.json", ".github/metadata-lint-matcher.json")]:
            assert (unpacked / name).read_text() == (ROOT / source).read_text(), name


def readme_install_block():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S)[1]


def test_readme_install_steps_run_as_written(tarball, tmp_path, hiding_works):
    block = readme_install_block()
    assert f"{NAME.replace(platform.machine(), 'x86_64')}.tar.gz" in block, "README names another version"
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    # Installing packages needs root and the network: check the package is there instead.
    apt = [line for line in lines if "apt-get install" in line]
    assert apt == ["sudo apt-get install -y libjq1"]
    assert subprocess.run(["dpkg", "-s", "libjq1"], capture_output=True).returncode == 0
    steps = "\n".join(line for line in lines if line and "apt-get" not in line).replace("x86_64", platform.machine())
    shutil.copy(tarball, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = hidden("env", f"HOME={home}", "sh", "-e", "-x", "-c", f'cd "{tmp_path}"\n{steps}')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{VERSION} (libjq 1."), result.stdout
    assert (home / ".local/bin/metadata-lint").exists()
    assert (home / ".local/share/man/man1/metadata-lint.1").exists()


def test_make_install_puts_everything_under_the_prefix(tmp_path):
    if not os.environ.get("METADATA_LINT_DIST"):
        pytest.skip("runs from `make dist-test`, where the release build it installs is current")
    result = subprocess.run(["make", "-s", "install", f"DESTDIR={tmp_path}", "PREFIX=/opt/ml"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    installed = {str(p.relative_to(tmp_path / "opt/ml")) for p in (tmp_path / "opt/ml").rglob("*") if p.is_file()}
    assert installed == FILES - {"LICENSE", "README.md", "CHANGELOG.md"}
    version = subprocess.run([str(tmp_path / "opt/ml/bin/metadata-lint"), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith(VERSION + " (libjq")
