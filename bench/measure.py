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
    artifacts = os.path.join(data, 'artifacts')
    files = sorted(os.path.join(artifacts, f) for f in os.listdir(artifacts) if f.endswith('.jsonl'))
    size = sum(os.path.getsize(f) for f in files)
    records = sum(1 for f in files for _ in open(f, 'rb'))
    rows = [
        ('metadata-lint check-artifacts', [binary, 'check-artifacts', '--no-config', '--metadata', os.path.join(data, 'metadata.json'), artifacts]),
        ('metadata-lint check-artifacts --workers 1', [binary, 'check-artifacts', '--no-config', '--workers', '1', '--metadata', os.path.join(data, 'metadata.json'), artifacts]),
        ('metadata-lint check-artifacts + 1 custom jq rule on epics', [binary, 'check-artifacts', '--config', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'custom-rule.yml'), '--metadata', os.path.join(data, 'metadata.json'), artifacts]),
        ('jq -c . (parse + print only)', 'jq -c . ' + ' '.join(files) + ' > /dev/null'),
        ('jsonschema-rs, one schema per item type', [python, os.path.join(os.path.dirname(__file__), 'jsonschema_peer.py'), data]),
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
    measured = [(name, min(results[name])) for name, _ in rows]
    jq = next(r for n, r in measured if n.startswith('jq'))
    cpu = next((line.split(':', 1)[1].strip() for line in open('/proc/cpuinfo') if line.startswith('model name')), platform.machine())
    print(f'\n{len(files)} files, {size / 1e6:.1f} MB, {records} records; {cpu}, {os.cpu_count()} cores, '
          f'{platform.python_version()} python; best of {repeats} interleaved rounds\n')
    print('| tool | wall s | CPU s | CPU % | peak RSS MiB | MB/s | wall vs jq |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name, (wall, cpu, rss) in measured:
        print(f'| {name} | {wall:.2f} | {cpu:.2f} | {100 * cpu / wall:.0f} | {rss / 2**20:.0f} | {size / 1e6 / wall:.0f} | {wall / jq[0]:.3f} |')
    lint = measured[0][1]
    peer = next(r for n, r in measured if n.startswith('jsonschema'))
    print(f'\nmetadata-lint: {jq[0] / lint[0]:.1f}x faster than jq -c ., {peer[0] / lint[0]:.1f}x faster than jsonschema-rs')

if __name__ == '__main__':
    main()
