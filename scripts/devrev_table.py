#!/usr/bin/env python3
"""Writes the compiled-in Swift form of data/devrev-object-types.json (DevRev's table of stock
object types). Run by `make devrev-table`; the test DevRevTableTests checks the two agree."""
import json
import sys

TYPES = {
    "bool": "bool", "int": "int", "float": "float", "text": "text", "rich_text": "richText",
    "reference": "reference", "typed_reference": "typedReference", "enum": "enum", "date": "date",
    "timestamp": "timestamp", "struct": "struct", "permission": "permission", "type_key": "typeKey",
    "record_type_privilege": "recordTypePrivilege", "field_privilege": "fieldPrivilege",
    "conditional_privilege": "conditionalPrivilege",
}


def literal(value):
    return json.dumps(value, ensure_ascii=False)


def strings(values):
    return "[" + ", ".join(literal(v) for v in values) + "]"


def dictionary(values):
    if not values:
        return "[:]"
    return "[" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in sorted(values.items())) + "]"


def main(source, target):
    with open(source, encoding="utf-8") as f:
        table = json.load(f)
    meta = table["source"]
    out = [
        f"// Generated from {source} by scripts/devrev_table.py (`make devrev-table`): do not edit.",
        "import LintModel",
        "",
        "extension DevRevObjectTable {",
        f"    /// {meta['repository']} {meta['path']}, {meta['date']}.",
        "    public static let shipped = DevRevObjectTable(",
        f"        repository: {literal(meta['repository'])},",
        f"        path: {literal(meta['path'])},",
        f"        commit: {literal(meta['commit'])},",
        f"        date: {literal(meta['date'])},",
        f"        renamed: {dictionary(table.get('renamed_leaf_types', {}))},",
        "        leafTypes: [",
    ]
    for name, leaf in table["leaf_types"].items():
        out.append(f"            DevRevLeafType(")
        out.append(f"                name: {literal(name)}, hierarchy: {strings(leaf['hierarchy'])},")
        out.append(f"                resourceTypes: {strings(leaf['resource_types'])},")
        out.append(f"                canLoad: {str(leaf['can_load']).lower()}, canExtract: {str(leaf['can_extract']).lower()}, "
                   f"canSubtype: {str(leaf['can_subtype']).lower()},")
        out.append(f"                fixedFields: {dictionary(leaf.get('fixed_fields', {}))},")
        out.append("                fields: [")
        for field_name, field in leaf["fields"].items():
            values = field.get("values")
            values_text = "nil" if values is None else strings(values)
            out.append(
                f"                    DevRevField(name: {literal(field_name)}, type: .{TYPES[field['type']]}, "
                f"isCollection: {str(field.get('collection', False)).lower()}, "
                f"isRequired: {str(field.get('required', False)).lower()}, "
                f"targets: {strings(field.get('targets', []))}, values: {values_text}),")
        out.append("                ]),")
    out += ["        ])", "}", ""]
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
