#!/usr/bin/env python3
"""Runs each tool on the same data in one session and prints a table: best wall time of N runs,
CPU time, CPU utilisation and peak RSS (from wait4), and the ratio to jq."""
import os, resource, subprocess, sys, time, platform

def run(cmd, stdout=subprocess.DEVNULL):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, shell=isinstance(cmd, str))
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors='replace')
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, code, err

def best(cmd, repeats, ok_codes=(0,)):
    results = []
    for _ in range(repeats):
        wall, cpu, rss, code, err = run(cmd)
        if code not in ok_codes:
            sys.exit(f'{cmd}: exit {code}\n{err}')
        results.append((wall, cpu, rss))
    results.sort()
    return results[0]

def main():
    data, binary, python, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    load = os.getloadavg()[0]
    here = os.path.dirname(os.path.abspath(__file__))
    artifacts = os.path.join(data, 'artifacts')
    metadata = os.path.join(data, 'metadata.json')
    files = sorted(os.path.join(artifacts, f) for f in os.listdir(artifacts) if f.endswith('.jsonl'))
    size = sum(os.path.getsize(f) for f in files)
    records = sum(1 for f in files for _ in open(f, 'rb'))
    cores = os.cpu_count() or 1
    lint = [binary, 'check-artifacts', '--no-config', '--metadata', metadata]
    rows = [
        ('metadata-lint check-artifacts', lint + [artifacts]),
        ('metadata-lint check-artifacts --workers 1', lint + ['--workers', '1', artifacts]),
        ('metadata-lint check-artifacts + 1 custom jq rule on epics',
         [binary, 'check-artifacts', '--config', os.path.join(here, 'custom-rule.yml'), '--metadata', metadata, artifacts]),
        ('jq -c . (parse + print only)', 'jq -c . ' + ' '.join(files) + ' > /dev/null'),
        ('jsonschema-rs, one schema per item type', [python, os.path.join(here, 'jsonschema_peer.py'), data]),
        ('DuckDB read_json + SQL checks, 1 thread', [python, os.path.join(here, 'duckdb_peer.py'), data, '1']),
        (f'DuckDB read_json + SQL checks, {cores} threads', [python, os.path.join(here, 'duckdb_peer.py'), data, str(cores)]),
    ]
    extra = os.environ.get('BENCH_EXTRA')
    if extra:
        name, _, command = extra.partition('=')
        rows.insert(2, (name, command))
    # Rounds run every tool once, in turn, so a change in the host's load hits all of them alike;
    # each tool's best round is reported.
    results = {name: [] for name, _ in rows}
    for _ in range(repeats):
        for name, cmd in rows:
            results[name].append(best(cmd, 1))
    measured = dict((name, min(results[name])) for name, _ in rows)
    names = [name for name, _ in rows]
    jq = measured[names[3 + bool(extra)]]
    cpu = next((line.split(':', 1)[1].strip() for line in open('/proc/cpuinfo') if line.startswith('model name')), platform.machine())
    print(f'\n{len(files)} files, {size / 1e6:.1f} MB, {records} records; {cpu}, {cores} cores, '
          f'{platform.python_version()} python; best of {repeats} interleaved rounds\n')
    print('| tool | wall s | CPU s | CPU % | peak RSS MiB | MB/s | wall vs jq |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name in names:
        wall, cpu_s, rss = measured[name]
        print(f'| {name} | {wall:.3f} | {cpu_s:.3f} | {100 * cpu_s / wall:.0f} | {rss / 2**20:.0f} | {size / 1e6 / wall:.0f} | {wall / jq[0]:.3f} |')
    both, one = measured[names[0]], measured[names[1]]
    schema = measured['jsonschema-rs, one schema per item type']
    duck1 = measured['DuckDB read_json + SQL checks, 1 thread']
    duckn = measured[f'DuckDB read_json + SQL checks, {cores} threads']
    print(f'\nmetadata-lint: {size / 1e6 / one[0]:.0f} MB/s on one core, {size / 1e6 / both[0]:.0f} MB/s on {cores} cores '
          f'({size / 1e6 / both[0] / cores:.0f} MB/s per core), {one[0] / both[0]:.2f}x speed-up from {cores} cores')
    print(f'metadata-lint / jq wall: {both[0] / jq[0]:.3f} ({jq[0] / both[0]:.1f}x faster); '
          f'{schema[0] / both[0]:.1f}x faster than jsonschema-rs')
    print(f'DuckDB / metadata-lint wall: {duck1[0] / one[0]:.2f}x with one thread each, '
          f'{duckn[0] / both[0]:.2f}x with {cores} threads each')
    # On a shared host whose other load takes the cores away, CPU time is the steadier measure.
    print(f'by CPU time: metadata-lint / jq {one[1] / jq[1]:.3f}, DuckDB / metadata-lint {duck1[1] / one[1]:.2f}x '
          f'(one thread each), {duckn[1] / both[1]:.2f}x ({cores} threads each); load average before the run '
          f'{load:.1f} on {cores} cores')

    same_findings(lint + [artifacts])


def same_findings(cmd):
    """The one-pass check of clean records must not change a finding: the bench data's findings
    (none, unless the data were changed) with and without it, byte for byte."""
    fast = subprocess.run(cmd + ['--format', 'json'], capture_output=True)
    full = subprocess.run(cmd + ['--format', 'json'], capture_output=True,
                          env=dict(os.environ, METADATA_LINT_NO_CLEAN_PASS='1'))
    if fast.stdout != full.stdout or fast.returncode != full.returncode:
        sys.exit('the one-pass check changed the findings on the bench data')
    print(f'same findings with and without the one-pass check ({len(fast.stdout)} bytes of JSON output, exit {fast.returncode})')


if __name__ == '__main__':
    main()
