#!/usr/bin/env python3
"""What a user would otherwise script: validate each line of each artifact against the JSON
Schema of its item type with jsonschema-rs. References and duplicate ids are not checked."""
import json, os, sys
import jsonschema_rs

data = sys.argv[1]
errors = records = 0
for name in sorted(os.listdir(os.path.join(data, 'artifacts'))):
    item_type = name.split('.')[0]
    schema = json.load(open(os.path.join(data, 'schemas', item_type + '.json')))
    validator = jsonschema_rs.validator_for(schema)
    with open(os.path.join(data, 'artifacts', name), 'rb') as f:
        for line in f:
            records += 1
            if not validator.is_valid(json.loads(line)):
                errors += 1
print(f'{records} records, {errors} invalid')
