"""The sandbox under test, the requests sent to it, and the tally of what conforms: each
answer's status must be declared for its path and method, its body valid against the schema
for that status."""

import json
import os
import shlex
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from differences import ALLOWED, UNDECLARED
from oas import JSONAPI, pointer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("TFVCS_BIN", os.path.join(ROOT, "target", "debug", "tfvcs"))


class Results:
    def __init__(self):
        self.conform = 0
        self.violations = []
        self.allowed_hits = set()

    def check(self, what, problems, allow=None):
        """One check: `problems` empty conforms; otherwise it is a violation unless `allow`
        (a key of ALLOWED) names a documented difference."""
        if not problems:
            self.conform += 1
        elif allow is not None and allow in ALLOWED:
            self.allowed_hits.add(allow)
        else:
            self.violations.append((what, problems))

    def report(self):
        stale = set(ALLOWED) - self.allowed_hits
        for what, problems in self.violations:
            print(f"VIOLATES {what}")
            for p in problems[:5]:
                print(f"    {p}")
        for key in sorted(stale):
            print(f"STALE allow-list entry (the difference is gone): {key}")
        print(
            f"conform {self.conform}, violate {len(self.violations)}, "
            f"allowed {len(self.allowed_hits)} (documented differences)"
        )
        return not self.violations and not stale


class Sandbox:
    def __init__(self):
        self.proc = subprocess.Popen(
            [BINARY, "sandbox", "--listen", "127.0.0.1:0", "--org", "conformance"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env={"PATH": os.environ.get("PATH", "")},
            text=True,
        )
        exports = {}
        for _ in range(3):
            name, _, value = shlex.split(self.proc.stdout.readline().removeprefix("export "))[0].partition("=")
            exports[name] = value
        self.address = exports["TFE_HOSTNAME"]
        self.token = exports["TFE_TOKEN"]
        self.org = exports["TFE_ORGANIZATION"]

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()

    def send(self, method, path, query=(), body=None, token=True, content_type=True):
        url = f"{self.address}/api/v2{path}"
        if query:
            url += "?" + "&".join(f"{urllib.parse.quote(k)}={urllib.parse.quote(v)}" for k, v in query)
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {self.token}"
        if content_type and method != "GET":
            headers["Content-Type"] = JSONAPI
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read()


class Driver:
    """Sends requests to the sandbox and checks each answer against the document."""

    def __init__(self, doc, sandbox, results):
        self.doc, self.sandbox, self.results = doc, sandbox, results
        # (method, template) → the statuses it answered, to show each operation was driven
        # through its success and its error answers.
        self.answered = {}

    def call(self, method, template, params=None, query=(), body=None, token=True, content_type=True,
             status=None):
        params = {"organization_name": self.sandbox.org, **(params or {})}
        path = template.format(**params)
        got, content, raw = self.sandbox.send(method, path, query, body, token, content_type)
        if status is not None and got != status:
            sys.exit(f"{method} {path}: expected {status}, got {got}: {raw[:300]!r}")
        what = f"{method} {template} {got}"
        self.answered.setdefault((method, template), set()).add(got)
        parsed = json.loads(raw) if raw.strip() else None
        if (method, template) in UNDECLARED:
            self.check_undeclared(what, method, template, got, content, parsed)
        else:
            self.check_answer(what, method, template, got, content, parsed, query)
        return parsed

    def check_answer(self, what, method, template, status, content, body, query):
        op = self.doc.operation(method, template)
        if op is None:
            self.results.check(what, ["the document declares no such operation"])
            return
        for name, _ in query:
            declared = name in self.doc.query_parameters(method, template)
            self.results.check(
                f"{method} {template} ?{name}",
                [] if declared else [f"query parameter {name} is not declared"],
                allow=(f"query parameter {name}", method, template),
            )
        responses = op.get("responses", {})
        key = str(status) if str(status) in responses else "default" if "default" in responses else None
        if key is None:
            self.results.check(
                what,
                [f"status {status} is not declared (declared: {', '.join(responses)})"],
                allow=(f"status {status}", method, template),
            )
            return
        declared = self.doc.resolve(responses[key])
        schemas = declared.get("content") or {}
        ref = pointer("", "paths", template, method.lower(), "responses", key, "content", JSONAPI, "schema")
        if "$ref" in responses[key]:
            ref = pointer("", *responses[key]["$ref"].lstrip("#/").split("/"), "content", JSONAPI, "schema")
        self.results.check(what, self.body_problems(schemas, content, body, ref))

    def body_problems(self, schemas, content, body, ref):
        if not schemas:
            return [] if body is None else ["a body where the document declares none"]
        if JSONAPI not in schemas:
            return [f"no {JSONAPI} schema declared (only {', '.join(schemas)})"]
        if content.split(";")[0].strip() != JSONAPI:
            return [f"Content-Type {content!r}, not {JSONAPI}"]
        if body is None:
            return ["no body where the document declares one"]
        return self.doc.errors(body, "response", ref)

    def check_undeclared(self, what, method, template, status, content, body):
        schema = UNDECLARED[(method, template)]
        if status >= 400:
            self.results.check(what, self.doc.errors(body, "response", "/components/schemas/errors"))
        elif schema is None:
            self.results.check(what, [] if body is None else ["a body where none is expected"])
        elif schema == "registry-modules list":
            problems = [] if isinstance(body.get("data"), list) else ["data is not a list"]
            for i, item in enumerate(body.get("data") or []):
                problems += [f"/data/{i}{p}" for p in
                             self.doc.errors(item, "response", "/components/schemas/registry-modules")]
            self.results.check(f"{what} (as the document's registry-modules)", problems)
        else:
            self.results.check(
                f"{what} (as the document's {schema})",
                self.doc.errors(body, "response", f"/components/schemas/{schema}"),
            )

    def coverage_gaps(self):
        """Operations the document declares that were not driven through a success, a 401,
        a 404 (when the path names something) and a 415 (for writes)."""
        gaps = []
        for (method, template), statuses in sorted(self.answered.items()):
            if (method, template) in UNDECLARED:
                continue
            wanted = {401} | ({415} if method != "GET" else set()) | ({404} if "{" in template else set())
            missing = sorted(wanted - statuses)
            if not any(200 <= s < 300 for s in statuses):
                missing.insert(0, "2xx")
            if missing:
                gaps.append(f"{method} {template}: never answered {', '.join(map(str, missing))}")
        return gaps

    def refused(self, label, method, template, params, body, because):
        """A body the sandbox answers 422: the answer is checked, and the body against the
        request schema. `because` "schema": the document must reject the body too (else it
        is a difference, named by `label`); "reference": it names an id that does not exist,
        which no schema can say."""
        self.call(method, template, params, body=body, status=422)
        if because == "reference":
            return
        problems = self.doc.errors(body, "request", request_ref(self.doc, method, template))
        self.results.check(
            f"{method} {template} 422 for {label}: the document rejects the body too",
            [] if problems else [f"the document accepts the body the sandbox refuses ({label})"],
            allow=(f"422 for a body the document accepts: {label}", method, template),
        )

    def errors_of(self, method, template, params, body=None):
        """The 401, 404 and 415 answers of one operation, sent before it changes anything."""
        self.call(method, template, params, body=body, token=False, status=401)
        if method != "GET":
            self.call(method, template, params, body=body, content_type=False, status=415)
        missing = {k: MISSING.get(k, "nothing-here") for k in params or {}}
        if "{" in template.replace("{organization_name}", ""):
            self.call(method, template, missing, body=body, status=404)
        if "{organization_name}" in template:
            self.call(method, template, {**(params or {}), "organization_name": "someone-else"},
                      body=body, status=404)


MISSING = {
    "oauth_client_id": "oc-doesnotexist0000",
    "oauth_token_id": "ot-doesnotexist0000",
    "workspace_id": "ws-doesnotexist0000",
    "workspace_name": "no-such-workspace",
    "policy_set_id": "polset-doesnotexist00",
    "github_app_installation_id": "ghain-doesnotexist00",
    "registry_name": "private",
    "namespace": "nobody",
}


def request_ref(doc, method, template):
    body = doc.resolve(doc.operation(method, template)["requestBody"])
    ref = body["content"][JSONAPI]["schema"]
    if "$ref" in ref:
        return ref["$ref"].lstrip("#")
    return pointer("", "paths", template, method.lower(), "requestBody", "content", JSONAPI, "schema")


def resource(kind, attributes):
    return {"data": {"type": kind, "attributes": attributes}}
