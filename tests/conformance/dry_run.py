"""tfvcs's write commands run with `--dry-run`: each body they print is validated against the
document's request schema for its path and method."""

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse

from driver import BINARY, request_ref, resource


def match(doc, path):
    """The document's path template for a concrete path: the one with most literal segments."""
    parts = path.strip("/").split("/")
    best = None
    for template in doc.doc["paths"]:
        tparts = template.strip("/").split("/")
        if len(tparts) != len(parts):
            continue
        if all(t.startswith("{") or t == p for t, p in zip(tparts, parts)):
            literal = sum(not t.startswith("{") for t in tparts)
            if best is None or literal > best[0]:
                best = (literal, template)
    return best and best[1]


def dry_run_requests(stdout):
    """The requests a `--dry-run` printed: `METHOD URL` lines, each followed by its body."""
    requests = []
    for line in stdout.splitlines():
        first = line.split(" ", 1)
        if len(first) == 2 and first[0] in ("POST", "PATCH", "PUT", "DELETE") and "://" in first[1]:
            requests.append([first[0], first[1], []])
        elif requests:
            requests[-1][2].append(line)
    return [(m, u, json.loads("\n".join(b)) if "".join(b).strip() else None) for m, u, b in requests]


def drive_cli(doc, sandbox, results, client, token, app):
    """Every write command of tfvcs with --dry-run: each body it prints against the document."""
    env = {
        "PATH": os.environ.get("PATH", ""), "HOME": tempfile.mkdtemp(prefix="tfvcs-oas-home-"),
        "TFE_HOSTNAME": sandbox.address, "TFE_TOKEN": sandbox.token, "TFE_ORGANIZATION": sandbox.org,
        "TFVCS_NO_INPUT": "1", "TFVCS_PAT": "pat-conformance",
    }
    files = env["HOME"]

    def write(name, text):
        path = os.path.join(files, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o600)
        return path

    pem = write("key.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n")
    rsa_pub = write("app.pub", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n")
    secret = write("app.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n")
    payload = write("payload.json", json.dumps(resource("oauth-clients", {
        "service-provider": "gitlab_hosted", "name": "from-payload", "oauth-token-string": "<pat>"})))
    commands = [
        ["client", "create", "--provider", "github", "--name", "gh"],
        ["client", "create", "--provider", "gitlab_enterprise_edition", "--http-url",
         "https://gitlab.example.com", "--org-scoped", "false", "--project", "Default Project"],
        ["client", "create", "--provider", "bitbucket_data_center", "--http-url",
         "https://bitbucket.example.com", "--key", "tfvcs", "--secret-file", secret,
         "--rsa-public-key-file", rsa_pub],
        ["client", "create", "--provider", "ado_server", "--http-url", "https://ado.example.com/tfs",
         "--private-key-file", pem],
        ["client", "create", "--provider", "ado_services", "--ado-org-name", "contoso"],
        ["client", "create", "--provider", "github", "--agent-pool", "apool-1234567890abcdef"],
        ["client", "create", "--payload", payload],
        ["client", "update", client, "--name", "renamed", "--org-scoped", "true"],
        ["client", "update", client, "--key", "k2", "--secret-file", secret, "--rsa-public-key-file", rsa_pub],
        ["client", "update", client, "--ado-org-name", "contoso"],
        ["client", "update", client, "--clear-ado-org-name"],
        ["client", "update", client, "--project", "Default Project"],
        ["client", "update", client, "--clear-projects"],
        ["client", "update", client, "--agent-pool", "apool-1234567890abcdef"],
        ["client", "update", client, "--agent-pool", "none"],
        ["client", "set-pat", client],
        ["client", "add-projects", client, "Default Project"],
        ["client", "remove-projects", client, "Default Project"],
        ["client", "delete", client, "--yes"],
        ["token", "set-ssh-key", token, "--ssh-key-file", pem],
        ["token", "delete", token, "--yes"],
        ["token", "relink", token, "--to", app, "--yes"],
    ]
    # A second token to relink to.
    other = json.loads(run_cli(env, ["client", "create", "--provider", "github", "--name", "target",
                                     "-o", "json"]))
    commands.append(["token", "relink", token, "--to",
                     other["data"]["relationships"]["oauth-tokens"]["data"][0]["id"], "--yes"])
    untried = write_commands(env) - {" ".join(args[:2]) for args in commands}
    if untried:
        sys.exit(f"write commands with --dry-run that this script does not run: {', '.join(sorted(untried))}")
    for args in commands:
        printed = dry_run_requests(run_cli(env, args + ["--dry-run"]))
        if not printed:
            results.check(f"tfvcs {' '.join(args[:2])}", ["--dry-run printed no request"])
        for method, url, body in printed:
            check_request(doc, results, args, method, url, body)


def write_commands(env):
    """Every `noun verb` whose help offers --dry-run: the commands that change something."""
    found = set()
    for noun in subcommands(run_cli(env, ["--help"])):
        for verb in subcommands(run_cli(env, [noun, "--help"])):
            if "--dry-run" in run_cli(env, [noun, verb, "--help"]):
                found.add(f"{noun} {verb}")
    return found


def subcommands(help_text):
    """The names under `Commands:` in a clap help text (leaving out `help`)."""
    names, inside = [], False
    for line in help_text.splitlines():
        if line.startswith("Commands:"):
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   "):
            names.append(line.split()[0])
        elif inside and line and not line.startswith(" "):
            break
    return [n for n in names if n != "help"]


def run_cli(env, args):
    out = subprocess.run([BINARY] + args, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if out.returncode != 0:
        sys.exit(f"tfvcs {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out.stdout


def check_request(doc, results, args, method, url, body):
    path = urllib.parse.urlsplit(url).path.removeprefix("/api/v2")
    template = match(doc, path)
    flags = " ".join(a for a in args[2:] if a.startswith("--"))
    what = f"tfvcs {' '.join(args[:2])} {flags}: {method} {template or path}"
    op = template and doc.operation(method, template)
    if not op:
        results.check(what, ["the document declares no such operation"])
        return
    if "requestBody" not in op:
        results.check(what, [] if body is None else ["a body where the document declares none"])
        return
    declared = doc.resolve(op["requestBody"])
    if body is None:
        results.check(what, ["no body where the document requires one"] if declared.get("required") else [])
        return
    results.check(what, doc.errors(body, "request", request_ref(doc, method, template)))
