#!/usr/bin/env python3
"""Writes the benchmark's metadata, ~130 MB of realistic artifacts and, for the jsonschema-rs
peer, an equivalent JSON Schema per item type. Deterministic (seeded) so runs compare."""
import datetime, json, os, random, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), 'data')
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
os.makedirs(os.path.join(out, 'artifacts'), exist_ok=True)
os.makedirs(os.path.join(out, 'schemas'), exist_ok=True)
rng = random.Random(42)

PRIORITIES = ['P0', 'P1', 'P2', 'P3']
STATUSES = ['open', 'in_progress', 'review', 'done', 'wont_do']
metadata = {
    'schema_version': 'v0.2.0',
    'record_type_categories': {'work': {'name': 'Work'}},
    'record_types': {
        'users': {'name': 'User', 'fields': {
            'email': {'type': 'text', 'is_identifier': True, 'is_required': True},
            'display_name': {'type': 'text', 'text': {'min_length': 1, 'max_length': 80}},
            'active': {'type': 'bool'},
            'joined': {'type': 'date'},
        }},
        'epics': {'name': 'Epic', 'category': 'work', 'fields': {
            'title': {'type': 'text', 'is_required': True, 'text': {'max_length': 200}},
            'body': {'type': 'rich_text'},
            'priority': {'type': 'enum', 'is_required': True, 'enum': {'values': [{'key': k} for k in PRIORITIES]}},
            'status': {'type': 'enum', 'enum': {'values': [{'key': k} for k in STATUSES]}},
            'points': {'type': 'int', 'int': {'min': 0, 'max': 100}},
            'progress': {'type': 'float', 'float': {'min': 0, 'max': 1}},
            'owner': {'type': 'reference', 'is_required': True, 'reference': {'refers_to': {'#record:users': {}}}},
            'assignees': {'type': 'reference', 'collection': {'max_length': 5},
                          'reference': {'refers_to': {'#record:users': {}}}},
            'labels': {'type': 'text', 'collection': {}},
            'due': {'type': 'date'},
            'resolved_at': {'type': 'timestamp'},
        }},
        'comments': {'name': 'Comment', 'fields': {
            'body': {'type': 'rich_text', 'is_required': True},
            'author': {'type': 'reference', 'is_required': True,
                       'reference': {'refers_to': {'#record:users': {'by_field': 'email'}}}},
            'epic': {'type': 'reference', 'is_required': True,
                     'reference': {'refers_to': {'#category:work': {}}, 'reference_type': 'parent'}},
        }},
    },
}
json.dump(metadata, open(os.path.join(out, 'metadata.json'), 'w'), indent=2)

BASE = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)

def ts(day, sec):
    # Monotonic in both arguments, so a later (day, sec) is a later time: modified_date never
    # precedes created_date (check-artifacts warns about that, as real snap-ins shipped it).
    return (BASE + datetime.timedelta(seconds=day * 60 + sec)).strftime('%Y-%m-%dT%H:%M:%SZ')

WORDS = 'alpha beta gamma delta sync import mapping record field enum value export ticket customer'.split()
def words(n):
    return ' '.join(rng.choice(WORDS) for _ in range(n))

n_users = int(140_000 * scale)
n_epics = int(105_000 * scale)
n_comments = int(185_000 * scale)
n_attachments = int(45_000 * scale)

def write(name, rows):
    with open(os.path.join(out, 'artifacts', name), 'w') as f:
        for row in rows:
            f.write(json.dumps(row, separators=(',', ':')))
            f.write('\n')

write('users.jsonl', ({'id': 'user-%d' % i, 'created_date': ts(i, i), 'modified_date': ts(i + 3, i + 5),
                       'data': {'email': 'user%d@example.com' % i, 'display_name': words(2),
                                'active': i % 7 != 0, 'joined': '2023-%02d-%02d' % (1 + i % 12, 1 + i % 28)}}
                      for i in range(n_users)))
write('epics.jsonl', ({'id': 'epic-%d' % i, 'created_date': ts(i, i), 'modified_date': ts(i + 1, i + 9),
                       **({'operation': 'created'} if i % 3 else {}),
                       'data': {'title': words(5), 'body': [words(12), {'ref_type': 'users', 'id': 'user-%d' % (i % n_users)}],
                                'priority': PRIORITIES[i % 4], 'status': STATUSES[i % 5], 'points': i % 13,
                                'progress': (i % 100) / 100, 'owner': 'user-%d' % ((i * 7) % n_users),
                                'assignees': ['user-%d' % ((i + k) % n_users) for k in range(i % 4)],
                                'labels': [rng.choice(WORDS) for _ in range(i % 3)],
                                'due': '2024-%02d-%02d' % (1 + i % 12, 1 + i % 28),
                                'resolved_at': ts(i + 2, i) if i % 2 else None}}
                      for i in range(n_epics)))
write('comments.jsonl', ({'id': 'comment-%d' % i, 'created_date': ts(i, i), 'modified_date': ts(i, i + 1),
                          'data': {'body': [words(10)], 'author': 'user%d@example.com' % ((i * 13) % n_users),
                                   'epic': 'epic-%d' % ((i * 3) % n_epics)}}
                         for i in range(n_comments)))
write('ssor_attachment.jsonl', ({'id': {'devrev': 'don:core:dvrv-us-1:devo/1:artifact/%d' % i, 'external': 'att-%d' % i},
                                 'parent_id': {'external': 'epic-%d' % (i % n_epics)},
                                 'actor_id': {'external': 'user-%d' % (i % n_users)}}
                                for i in range(n_attachments)))

# The equivalent JSON Schema a user would otherwise write for each item type.
TYPE = {'text': {'type': 'string'}, 'rich_text': {'type': 'array', 'items': {'type': ['string', 'object']}},
        'bool': {'type': 'boolean'}, 'int': {'type': 'integer'}, 'float': {'type': 'number'},
        'reference': {'type': 'string', 'minLength': 1},
        'date': {'type': 'string', 'pattern': r'^\d{4}-\d{2}-\d{2}$'},
        'timestamp': {'type': 'string', 'pattern': r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$'}}
TS = TYPE['timestamp']
for name, rt in metadata['record_types'].items():
    props, required = {}, []
    for key, f in rt['fields'].items():
        s = dict(TYPE.get(f['type'], {}))
        if f['type'] == 'enum':
            s = {'enum': [v['key'] for v in f['enum']['values']]}
        if 'text' in f:
            s.update({k.replace('_length', 'Length'): v for k, v in f['text'].items()})
        for block in ('int', 'float'):
            if block in f:
                s.update({{'min': 'minimum', 'max': 'maximum'}[k]: v for k, v in f[block].items()})
        if 'collection' in f:
            s = {'type': 'array', 'items': s}
            if 'max_length' in f['collection']:
                s['maxItems'] = f['collection']['max_length']
        s = {'anyOf': [s, {'type': 'null'}]}
        props[key] = s
        if f.get('is_required'):
            required.append(key)
    schema = {'type': 'object', 'additionalProperties': False, 'required': ['id', 'created_date', 'modified_date', 'data'],
              'properties': {'id': {'type': 'string', 'minLength': 1}, 'created_date': TS, 'modified_date': TS,
                             'operation': {'enum': ['created', 'updated', 'deleted', None]},
                             'data': {'type': 'object', 'additionalProperties': False, 'properties': props, 'required': required}}}
    json.dump(schema, open(os.path.join(out, 'schemas', name + '.json'), 'w'))
ext = {'type': 'object', 'required': ['external'], 'additionalProperties': False, 'properties': {'external': {'type': 'string'}}}
json.dump({'type': 'object', 'additionalProperties': False, 'required': ['id', 'parent_id', 'actor_id'],
           'properties': {'id': {'type': 'object', 'required': ['devrev', 'external'],
                                 'properties': {'devrev': {'type': 'string', 'pattern': '^don:core:[^:]+:devo/[^:]+:artifact/[^:]+$'},
                                                'external': {'type': 'string'}}},
                          'parent_id': ext, 'actor_id': ext, 'inline': {'type': 'boolean'}}},
          open(os.path.join(out, 'schemas', 'ssor_attachment.json'), 'w'))
total = sum(os.path.getsize(os.path.join(out, 'artifacts', f)) for f in os.listdir(os.path.join(out, 'artifacts')))
print('wrote %.1f MB of artifacts, %d records' % (total / 1e6, n_users + n_epics + n_comments + n_attachments))
