#!/usr/bin/env python3
"""What a data engineer would write instead of check-artifacts: DuckDB's read_json with declared
column types (derived from the metadata), then SQL for required fields, enum keys, bounds,
duplicate ids and references (anti-joins). Usage: duckdb_peer.py DATA THREADS."""
import json, os, sys
import duckdb

data, threads = sys.argv[1], int(sys.argv[2])
metadata = json.load(open(os.path.join(data, 'metadata.json')))
artifacts = os.path.join(data, 'artifacts')
SQL_TYPE = {'text': 'VARCHAR', 'rich_text': 'JSON', 'bool': 'BOOLEAN', 'int': 'BIGINT', 'float': 'DOUBLE',
            'reference': 'VARCHAR', 'enum': 'VARCHAR', 'date': 'DATE', 'timestamp': 'TIMESTAMPTZ'}
ENVELOPE = {'id': 'VARCHAR', 'created_date': 'TIMESTAMPTZ', 'modified_date': 'TIMESTAMPTZ', 'operation': 'VARCHAR'}

def q(name):
    return '"' + name.replace('"', '""') + '"'

def lit(text):
    return "'" + str(text).replace("'", "''") + "'"

def struct(columns):
    return '{' + ', '.join(f'{lit(k)}: {lit(v)}' for k, v in columns.items()) + '}'

db = duckdb.connect()
db.execute(f'SET threads={threads}')
# Insertion order does not matter to the checks; without this DuckDB reads each file on one thread.
db.execute('SET preserve_insertion_order=false')

types = metadata['record_types']
for name, rt in types.items():
    members = ', '.join(f'{q(k)} {SQL_TYPE[f["type"]]}{"[]" if "collection" in f else ""}' for k, f in rt['fields'].items())
    columns = dict(ENVELOPE, data=f'STRUCT({members})')
    db.execute(f"CREATE TABLE {q(name)} AS SELECT * FROM read_json({lit(os.path.join(artifacts, name + '.jsonl'))}, "
               f"format='newline_delimited', columns={struct(columns)})")
db.execute(f"CREATE TABLE ssor_attachment AS SELECT * FROM read_json({lit(os.path.join(artifacts, 'ssor_attachment.jsonl'))}, "
           "format='newline_delimited', columns={'id': 'STRUCT(devrev VARCHAR, external VARCHAR)', "
           "'parent_id': 'STRUCT(external VARCHAR)', 'actor_id': 'STRUCT(external VARCHAR)', 'inline': 'BOOLEAN'})")

def targets(spec):
    """(table, key expression) pairs a reference resolves against, categories expanded."""
    result = []
    for target, options in spec['refers_to'].items():
        kind, _, key = target.partition(':')
        names = [key] if kind == '#record' else [n for n, rt in types.items() if rt.get('category') == key]
        for n in names:
            by = (options or {}).get('by_field')
            result.append((n, f'data.{q(by)}' if by else 'id'))
    return result

findings = {}
def count(label, sql):
    findings[label] = db.execute(sql).fetchone()[0]

for name, rt in types.items():
    t = q(name)
    count(f'{name}: envelope', f'SELECT count(*) FROM {t} WHERE id IS NULL OR id = \'\' OR created_date IS NULL '
                                f'OR modified_date IS NULL OR data IS NULL')
    count(f'{name}: duplicate ids', f'SELECT count(*) FROM (SELECT id FROM {t} GROUP BY id HAVING count(*) > 1)')
    for key, f in rt['fields'].items():
        col = f'data.{q(key)}'
        if f.get('is_required'):
            count(f'{name}.{key}: required', f"SELECT count(*) FROM {t} WHERE {col} IS NULL "
                                             f"AND coalesce(operation, 'created') NOT IN ('updated', 'deleted')")
        values = f'unnest({col})' if 'collection' in f else col
        if f['type'] == 'enum':
            keys = ', '.join(lit(v['key']) for v in f['enum']['values'])
            count(f'{name}.{key}: enum', f'SELECT count(*) FROM (SELECT {values} AS v FROM {t}) WHERE v NOT IN ({keys})')
        for block, measure in (('int', 'v'), ('float', 'v'), ('text', 'length(v)')):
            bounds = f.get(block, {})
            low, high = bounds.get('min', bounds.get('min_length')), bounds.get('max', bounds.get('max_length'))
            if f['type'] == block and (low is not None or high is not None):
                cond = ' OR '.join(c for c in (low is not None and f'{measure} < {low}', high is not None and f'{measure} > {high}') if c)
                count(f'{name}.{key}: bounds', f'SELECT count(*) FROM (SELECT {values} AS v FROM {t}) WHERE {cond}')
        if 'max_length' in f.get('collection', {}):
            count(f'{name}.{key}: collection bounds', f'SELECT count(*) FROM {t} WHERE len({col}) > {f["collection"]["max_length"]}')
        if f['type'] == 'reference':
            keys = ' UNION ALL '.join(f'SELECT {expr} AS k FROM {q(n)}' for n, expr in targets(f['reference']))
            count(f'{name}.{key}: dangling references',
                  f'SELECT count(*) FROM (SELECT {values} AS v FROM {t}) r ANTI JOIN ({keys}) k ON r.v = k.k WHERE r.v IS NOT NULL')

every_id = ' UNION ALL '.join(f'SELECT id AS k FROM {q(n)}' for n in types)
count('ssor_attachment: dangling parents',
      f'SELECT count(*) FROM ssor_attachment a ANTI JOIN ({every_id}) k ON a.parent_id.external = k.k')
count('ssor_attachment: envelope', 'SELECT count(*) FROM ssor_attachment WHERE id.devrev IS NULL OR id.external IS NULL '
                                   'OR parent_id.external IS NULL OR actor_id.external IS NULL')
rows = sum(db.execute(f'SELECT count(*) FROM {q(n)}').fetchone()[0] for n in list(types) + ['ssor_attachment'])
print(f'{rows} records, {sum(findings.values())} findings in {len(findings)} checks')
if '-v' in sys.argv:
    for label, n in findings.items():
        print(f'  {label}: {n}')
