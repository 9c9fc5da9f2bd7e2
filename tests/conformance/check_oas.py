"""The sandbox and the client checked against HashiCorp's OpenAPI document of the TFE API.

Starts `tfvcs sandbox` on a free loopback port and drives every endpoint it serves that the
document declares, with its error answers (401, 404, 415, 422), checking each answer against
the document (driver.py, oas.py). Then runs every write command of tfvcs with `--dry-run` and
validates each body it prints against the request schema (dry_run.py).

Known differences, each documented, are in differences.py with the reason; every entry must
still be met (a difference that went away leaves a stale entry, which fails too). Anything
else that does not conform fails. Prints the conform / violate / allowed counts; exit 1 on
any violation, stale entry or operation not driven through its answers.
"""

import sys

from differences import UNDECLARED
from driver import Driver, Results, Sandbox, resource
from dry_run import drive_cli
from oas import SPEC, Document


def drive_api(d):
    """Every endpoint the sandbox serves that the document declares, in a life cycle."""
    d.call("GET", "/account/details", status=200)
    d.errors_of("GET", "/account/details", {})
    d.call("GET", "/organizations/{organization_name}", status=200)
    d.errors_of("GET", "/organizations/{organization_name}", {})

    projects = "/organizations/{organization_name}/projects"
    d.errors_of("GET", projects, {})
    d.call("GET", projects, query=[("filter[names]", "Default Project")], status=200)
    new_project = resource("projects", {"name": "Team B"})
    d.errors_of("POST", projects, {}, new_project)
    project = d.call("POST", projects, body=new_project, status=201)["data"]["id"]

    clients = "/organizations/{organization_name}/oauth-clients"
    github = resource("oauth-clients", {
        "name": "github", "service-provider": "github", "http-url": "https://github.com",
        "api-url": "https://api.github.com", "oauth-token-string": "ghp_conformance",
        "organization-scoped": True,
    })
    d.errors_of("POST", clients, {}, github)
    d.refused("unknown provider", "POST", clients, {},
              resource("oauth-clients", {"service-provider": "acme", "oauth-token-string": "x"}), "schema")
    d.refused("a name that is not a string", "POST", clients, {},
              resource("oauth-clients", {"service-provider": "github", "name": 7,
                                         "oauth-token-string": "x"}), "schema")
    created = d.call("POST", clients, body=github, status=201)["data"]
    client = created["id"]
    token = created["relationships"]["oauth-tokens"]["data"][0]["id"]
    bitbucket = resource("oauth-clients", {
        "name": "bitbucket", "service-provider": "bitbucket_data_center",
        "http-url": "https://bitbucket.example.com", "api-url": "https://bitbucket.example.com",
        "key": "tfvcs", "secret": "-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n",
        "rsa-public-key": "-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n",
    })
    d.call("POST", clients, body=bitbucket, status=201)
    ado = resource("oauth-clients", {
        "service-provider": "ado_services", "ado-org-name": "contoso", "oauth-token-string": "ado-pat",
        "http-url": "https://dev.azure.com", "api-url": "https://dev.azure.com"})
    d.call("POST", clients, body=ado, status=201)
    d.errors_of("GET", clients, {})
    d.call("GET", clients, status=200)
    d.call("GET", clients, query=[("page[number]", "1"), ("page[size]", "2")], status=200)
    d.call("GET", clients, query=[("include", "oauth_tokens,projects")], status=200)

    one_client = "/oauth-clients/{oauth_client_id}"
    ids = {"oauth_client_id": client}
    d.errors_of("GET", one_client, ids)
    d.call("GET", one_client, ids, status=200)
    d.call("GET", one_client, ids, query=[("show_affected_workspaces", "true")], status=200)
    d.call("GET", one_client, ids, query=[("include", "oauth_tokens,projects")], status=200)
    rename = resource("oauth-clients", {"name": "github-main", "organization-scoped": False})
    d.errors_of("PATCH", one_client, ids, rename)
    d.call("PATCH", one_client, ids, body=rename, status=200)
    d.call("PATCH", one_client, ids, body={"data": {"type": "oauth-clients", "attributes": {}, "relationships": {
        "projects": {"data": [{"type": "projects", "id": project}]}}}}, status=200)

    client_projects = "/oauth-clients/{oauth_client_id}/relationships/projects"
    ref = {"data": [{"type": "projects", "id": project}]}
    for method in ("POST", "DELETE"):
        d.errors_of(method, client_projects, ids, ref)
        d.call(method, client_projects, ids, body=ref, status=204)
    d.refused("an empty project list", "POST", client_projects, ids, {"data": {}}, "schema")

    client_tokens = "/oauth-clients/{oauth_client_id}/oauth-tokens"
    d.errors_of("GET", client_tokens, ids)
    d.call("GET", client_tokens, ids, status=200)
    org_tokens = "/organizations/{organization_name}/oauth-tokens"
    d.errors_of("GET", org_tokens, {})
    d.call("GET", org_tokens, status=200)
    d.call("GET", org_tokens, query=[("page[size]", "1")], status=200)

    one_token = "/oauth-tokens/{oauth_token_id}"
    tid = {"oauth_token_id": token}
    key = resource("oauth-tokens", {"ssh-key": (
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
        "-----END OPENSSH PRIVATE KEY-----\n")})
    d.errors_of("GET", one_token, tid)
    d.call("GET", one_token, tid, status=200)
    d.errors_of("PATCH", one_token, tid, key)
    d.refused("SSH key not PEM", "PATCH", one_token, tid,
              resource("oauth-tokens", {"ssh-key": "not a key"}), "schema")
    d.call("PATCH", one_token, tid, body=key, status=200)

    installations = "/github-app/installations"
    d.errors_of("GET", installations, {})
    app = d.call("GET", installations, status=200)["data"][0]
    d.call("GET", installations, query=[("filter[name]", app["attributes"]["name"])], status=200)
    d.call("GET", installations,
           query=[("filter[installation_id]", str(app["attributes"]["installation-id"]))], status=200)
    one_app = "/github-app/installation/{github_app_installation_id}"
    aid = {"github_app_installation_id": app["id"]}
    d.errors_of("GET", one_app, aid)
    d.call("GET", one_app, aid, status=200)
    app = app["id"]

    drive_linked(d, token, app, project)
    # What the VCS lets the token reach (the doctor's --live): with the resources just linked.
    repos = "/oauth-tokens/{oauth_token_id}/authorized-repos"
    d.errors_of("GET", repos, tid)
    d.call("GET", repos, tid, query=[("page[size]", "1")], status=200)
    d.call("GET", repos, tid, status=200)
    return client, token, app


def drive_linked(d, token, app, project):
    workspaces = "/organizations/{organization_name}/workspaces"
    web = resource("workspaces", {"name": "web", "vcs-repo": {
        "identifier": "acme/web", "branch": "main", "oauth-token-id": token}})
    d.errors_of("POST", workspaces, {}, web)
    d.refused("a missing token", "POST", workspaces, {}, resource("workspaces", {
        "name": "x", "vcs-repo": {"identifier": "acme/x", "oauth-token-id": "ot-doesnotexist0000"}}),
        "reference")
    d.refused("an identifier that is not a string", "POST", workspaces, {}, resource("workspaces", {
        "name": "x", "vcs-repo": {"identifier": 7, "oauth-token-id": token}}), "schema")
    ws = d.call("POST", workspaces, body=web, status=201)["data"]["id"]
    d.call("POST", workspaces, body=resource("workspaces", {
        "name": "api", "terraform-version": "1.9.0", "vcs-repo": {
            "identifier": "acme/api", "github-app-installation-id": app, "tags-regex": r"^v\d+$"}}),
        status=201)
    d.call("POST", workspaces, body={"data": {"type": "workspaces", "attributes": {"name": "plain"},
           "relationships": {"project": {"data": {"type": "projects", "id": project}}}}}, status=201)
    d.errors_of("GET", workspaces, {})
    d.call("GET", workspaces, status=200)
    d.call("GET", workspaces, query=[("search[name]", "we"), ("page[size]", "1")], status=200)

    by_name = "/organizations/{organization_name}/workspaces/{workspace_name}"
    name = {"workspace_name": "web"}
    d.errors_of("GET", by_name, name)
    d.call("GET", by_name, name, status=200)
    describe_it = resource("workspaces", {"description": "the web tier"})
    d.errors_of("PATCH", by_name, name, describe_it)
    d.call("PATCH", by_name, name, body=describe_it, status=200)
    read_and_repoint(d, "/workspaces/{workspace_id}", {"workspace_id": ws}, "workspaces",
                     {"identifier": "acme/web", "branch": "main"}, app, token)

    sets = "/organizations/{organization_name}/policy-sets"
    guards = resource("policy-sets", {"name": "guards", "kind": "sentinel", "vcs-repo": {
        "identifier": "acme/policies", "branch": "main", "oauth-token-id": token, "ingress-submodules": False}})
    d.errors_of("POST", sets, {}, guards)
    d.refused("a missing installation", "POST", sets, {}, resource("policy-sets", {
        "name": "x", "vcs-repo": {"identifier": "acme/x", "github-app-installation-id": "ghain-doesnotexist00"}}),
        "reference")
    polset = d.call("POST", sets, body=guards, status=201)["data"]["id"]
    d.call("POST", sets, body=resource("policy-sets", {"name": "global", "kind": "opa", "global": True}),
           status=201)
    d.errors_of("GET", sets, {})
    d.call("GET", sets, status=200)
    read_and_repoint(d, "/policy-sets/{policy_set_id}", {"policy_set_id": polset}, "policy-sets",
                     {"identifier": "acme/policies", "branch": "main"}, app, token)

    publish = "/organizations/{organization_name}/registry-modules/vcs"
    for repo, extra in (("acme/terraform-aws-vpc", {"branch": "main"}), ("acme/terraform-aws-dns", {})):
        d.call("POST", publish, body=resource("registry-modules", {"vcs-repo": {
            "identifier": repo, "display-identifier": repo, "oauth-token-id": token, **extra}}), status=201)
    d.call("POST", publish, body=resource("registry-modules", {"vcs-repo": {
        "identifier": "acme/terraform-aws-cdn", "display-identifier": "acme/terraform-aws-cdn",
        "github-app-installation-id": app}}), status=201)
    d.call("GET", "/organizations/{organization_name}/registry-modules", status=200)
    module = "/organizations/{organization_name}/registry-modules/{registry_name}/{namespace}/{name}/{provider}"
    for name in ("vpc", "dns", "cdn"):
        mid = {"registry_name": "private", "namespace": d.sandbox.org, "name": name, "provider": "aws"}
        found = d.call("GET", module, mid, status=200)["data"]["id"]
        d.call("GET", "/registry-modules/{module_id}", {"module_id": found}, status=200)
    mid = {"registry_name": "private", "namespace": d.sandbox.org, "name": "dns", "provider": "aws"}
    d.refused("a missing token", "PATCH", module, mid, resource("registry-modules", {"vcs-repo": {
        "identifier": "acme/terraform-aws-dns", "oauth-token-id": "ot-doesnotexist0000"}}), "reference")
    # A module's schema allows no null oauth-token-id: naming the App alone re-points it.
    read_and_repoint(d, module, mid, "registry-modules", {"identifier": "acme/terraform-aws-dns"},
                     app, token, clear_token=False)


def read_and_repoint(d, template, ids, kind, repo, app, token, clear_token=True):
    """One resource read, then re-pointed to the GitHub App and back to the token, each
    request after its error answers."""
    d.errors_of("GET", template, ids)
    d.call("GET", template, ids, status=200)
    to_app = {**repo, "github-app-installation-id": app}
    if clear_token:
        to_app["oauth-token-id"] = None
    to_app = resource(kind, {"vcs-repo": to_app})
    d.errors_of("PATCH", template, ids, to_app)
    d.call("PATCH", template, ids, body=to_app, status=200)
    d.call("PATCH", template, ids, body=resource(kind, {"vcs-repo": {**repo, "oauth-token-id": token}}),
           status=200)


def delete_all(d, client, token):
    """The deletes, last: each after its error answers."""
    d.errors_of("DELETE", "/organizations/{organization_name}/workspaces/{workspace_name}",
                {"workspace_name": "plain"})
    d.call("DELETE", "/organizations/{organization_name}/workspaces/{workspace_name}",
           {"workspace_name": "plain"}, status=204)
    api = d.call("GET", "/organizations/{organization_name}/workspaces/{workspace_name}",
                 {"workspace_name": "api"}, status=200)["data"]["id"]
    d.errors_of("DELETE", "/workspaces/{workspace_id}", {"workspace_id": api})
    d.call("DELETE", "/workspaces/{workspace_id}", {"workspace_id": api}, status=204)
    sets = d.call("GET", "/organizations/{organization_name}/policy-sets", status=200)["data"]
    d.errors_of("DELETE", "/policy-sets/{policy_set_id}", {"policy_set_id": sets[0]["id"]})
    d.call("DELETE", "/policy-sets/{policy_set_id}", {"policy_set_id": sets[0]["id"]}, status=204)
    d.call("DELETE", "/organizations/{organization_name}/registry-modules/private/{namespace}/{name}/{provider}",
           {"namespace": d.sandbox.org, "name": "cdn", "provider": "aws"}, status=204)
    d.errors_of("DELETE", "/oauth-tokens/{oauth_token_id}", {"oauth_token_id": token})
    d.call("DELETE", "/oauth-tokens/{oauth_token_id}", {"oauth_token_id": token}, status=204)
    d.call("GET", "/workspaces/{workspace_id}", {"workspace_id": d.call(
        "GET", "/organizations/{organization_name}/workspaces/{workspace_name}",
        {"workspace_name": "web"}, status=200)["data"]["id"]}, status=200)
    d.errors_of("DELETE", "/oauth-clients/{oauth_client_id}", {"oauth_client_id": client})
    d.call("DELETE", "/oauth-clients/{oauth_client_id}", {"oauth_client_id": client}, status=204)
    others = d.call("GET", "/organizations/{organization_name}/oauth-clients", status=200)["data"]
    d.call("DELETE", "/organizations/{organization_name}/oauth-clients/{oauth_client_id}",
           {"oauth_client_id": others[0]["id"]}, status=204)


def main():
    doc = Document(SPEC)
    results = Results()
    sandbox = Sandbox()
    try:
        d = Driver(doc, sandbox, results)
        client, token, app = drive_api(d)
        drive_cli(doc, sandbox, results, client, token, app)
        delete_all(d, client, token)
    finally:
        sandbox.stop()
    gaps = d.coverage_gaps()
    for gap in gaps:
        print(f"NOT DRIVEN {gap}")
    print(f"{len(d.answered)} operations driven ({len(d.answered) - len(UNDECLARED)} declared by the document)")
    sys.exit(0 if results.report() and not gaps else 1)


if __name__ == "__main__":
    main()
