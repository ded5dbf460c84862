#!/usr/bin/env python3
"""Validates a JSON file against one of the schemas in Resources/schemas.

Usage: check-json-schema.py SCHEMA_DIR SCHEMA_FILE JSON_FILE
Exit 0: valid. 1: not valid (every error on standard error, one a line). 2: bad use or
unreadable input. 77: the `jsonschema` package is not installed (the caller skips).
Schemas refer to each other by file name ("record.schema.json"), so all of them are loaded
into one registry under those names.
"""
import json
import pathlib
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:
    print(f"jsonschema is not installed ({error}); pip install jsonschema", file=sys.stderr)
    sys.exit(77)


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    folder, schema_name, document_path = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("*.schema.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items())
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(pathlib.Path(document_path).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schemas[schema_name], registry=registry)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        print(f"{schema_name}: {where}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
