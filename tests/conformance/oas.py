"""HashiCorp's OpenAPI document of the TFE API (the pinned copy in oas/), its schemas read as
JSON Schema draft 4: `nullable: true` admits null (also beside `allOf`); members beside a
`$ref` are ignored, as OpenAPI 3.0 says; a `readOnly` property is required only in answers
and may not be sent, a `writeOnly` one is required only in requests and may not come back."""

import datetime
import hashlib
import json
import os
import sys

import jsonschema
import referencing
import referencing.jsonschema

SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "oas", "spec.json")
# The pinned copy (oas/README.md): a changed file is a new yardstick, taken on purpose.
SPEC_SHA256 = "ce142a02859559a8d5feaad766d1359de7a84993b254a616a18d9d934af321cb"
JSONAPI = "application/vnd.api+json"


def pointer(*parts):
    return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Document:
    """The OpenAPI document, its schemas as JSON Schema for answers and for requests."""

    def __init__(self, path):
        with open(path, "rb") as f:
            raw = f.read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != SPEC_SHA256:
            sys.exit(f"{path}: sha256 {digest}, not the pinned {SPEC_SHA256}")
        self.doc = json.loads(raw)
        formats = jsonschema.FormatChecker(formats=())

        @formats.checks("date-time", raises=ValueError)
        def date_time(value):
            # RFC 3339: a date, a time and an offset.
            if not isinstance(value, str):
                return True
            return "T" in value.upper() and datetime.datetime.fromisoformat(value).tzinfo is not None

        self.formats = formats
        registry = referencing.Registry()
        for direction in ("response", "request"):
            resource = referencing.Resource.from_contents(
                convert(self.doc, direction), default_specification=referencing.jsonschema.DRAFT4
            )
            registry = registry.with_resource(f"urn:oas:{direction}", resource)
        self.registry = registry

    def operation(self, method, template):
        return self.doc["paths"].get(template, {}).get(method.lower())

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = self.at(node["$ref"])
        return node

    def at(self, ref):
        node = self.doc
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def query_parameters(self, method, template):
        item = self.doc["paths"][template]
        params = item.get("parameters", []) + item[method.lower()].get("parameters", [])
        return {p["name"] for p in map(self.resolve, params) if p.get("in") == "query"}

    def errors(self, instance, direction, ref):
        validator = jsonschema.Draft4Validator(
            {"$ref": f"urn:oas:{direction}#{ref}"}, registry=self.registry, format_checker=self.formats
        )
        return sorted(
            (describe(e) for e in validator.iter_errors(instance)), key=len
        )


def describe(error):
    where = "/" + "/".join(str(p) for p in error.absolute_path)
    forbidden = error.schema.get("x-forbidden") if isinstance(error.schema, dict) else None
    if forbidden:
        return f"{where}: {forbidden}"
    if error.validator == "anyOf" and error.context:
        # A nullable member: the interesting reason is the non-null branch's.
        inner = [describe(e) for e in error.context if e.validator != "type" or e.validator_value != "null"]
        if inner:
            return inner[0]
    return f"{where}: {error.message[:300]}"


def convert(node, direction):
    """An OpenAPI 3.0 schema (or any part of the document) as JSON Schema draft 4."""
    if isinstance(node, list):
        return [convert(n, direction) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        # OpenAPI 3.0: a Reference Object's other members are ignored.
        return {"$ref": node["$ref"]}
    out = {k: convert(v, direction) for k, v in node.items()}
    hidden = "readOnly" if direction == "request" else "writeOnly"
    props = node.get("properties")
    if isinstance(props, dict):
        gone = {k for k, v in props.items() if isinstance(v, dict) and v.get(hidden) is True}
        for key in gone:
            where = "a request" if direction == "request" else "an answer"
            out["properties"][key] = {"not": {}, "x-forbidden": f"{hidden} property {key!r} in {where}"}
        if isinstance(node.get("required"), list) and gone:
            out["required"] = [k for k in node["required"] if k not in gone]
            if not out["required"]:
                del out["required"]
    if out.get("nullable") is True:
        del out["nullable"]
        return {"anyOf": [{"type": "null"}, out]}
    out.pop("nullable", None)
    return out
