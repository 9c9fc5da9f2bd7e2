"""The sandbox driven by a client we did not write: HashiCorp's Python SDK (pytfe 1.5.0).

Starts `tfvcs sandbox` on a free loopback port, points pytfe at it through the export lines,
and runs the VCS-connection calls pytfe offers: OAuth clients (create, list, read, update,
add and remove projects, delete), OAuth tokens (read, update the SSH key, delete), and what
links a repository through them: a workspace with a `vcs-repo` (created, updated, re-pointed
to the GitHub App installation, unlinked when its token goes), a VCS policy set, a
registry module published from VCS and Stacks (created with a `vcs-repo`, listed a page at a
time, read, their branch updated, deleted).
"""

import json
import os
import subprocess
import tempfile
import time
import unittest
import urllib.request

# pytfe reads SSL_CERT_FILE when imported; the sandbox is plain http on loopback.
os.environ.pop("SSL_CERT_FILE", None)

from pytfe import TFEClient, TFEConfig
from pytfe.errors import NotFound
from pytfe.models import (
    GitHubAppInstallationListOptions,
    OAuthClientAddProjectsOptions,
    OAuthClientCreateOptions,
    OAuthClientIncludeOpt,
    OAuthClientReadOptions,
    OAuthClientRemoveProjectsOptions,
    OAuthClientUpdateOptions,
    OAuthTokenUpdateOptions,
    PolicySetCreateOptions,
    PolicySetUpdateOptions,
    Project,
    RegistryModuleCreateWithVCSConnectionOptions,
    RegistryModuleID,
    RegistryModuleVCSRepoOptions,
    ServiceProviderType,
    StackCreateOptions,
    StackListOptions,
    StackUpdateOptions,
    StackVcsRepoOptions,
    VCSRepoOptions,
    WorkspaceCreateOptions,
    WorkspaceUpdateOptions,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("TFVCS_BIN", os.path.join(ROOT, "target", "debug", "tfvcs"))
SSH_KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


class PytfeAgainstTheSandbox(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        env = {"PATH": os.environ.get("PATH", "")}
        # The request log (one line per request, on stderr) shows what pytfe sent.
        cls.log = tempfile.TemporaryFile(mode="w+")
        cls.proc = subprocess.Popen(
            [BINARY, "sandbox", "--listen", "127.0.0.1:0", "--org", "interop"],
            stdout=subprocess.PIPE,
            stderr=cls.log,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        exports = dict(
            cls.proc.stdout.readline().strip().removeprefix("export ").split("=", 1) for _ in range(3)
        )
        cls.address = exports["TFE_HOSTNAME"]
        cls.token = exports["TFE_TOKEN"]
        cls.org = exports["TFE_ORGANIZATION"]
        cls.client = TFEClient(TFEConfig(address=cls.address, token=cls.token, max_retries=0))

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.proc.kill()
        cls.proc.wait()
        cls.proc.stdout.close()
        cls.log.close()

    def logged(self, fragment, expected):
        """The paths of the requests whose log line holds `fragment`, once `expected` are
        there (each line is written just after its response) or after two seconds."""
        for _ in range(40):
            self.log.seek(0)
            paths = [line.split()[1] for line in self.log if fragment in line]
            if len(paths) >= expected:
                break
            time.sleep(0.05)
        return paths

    def default_project(self):
        request = urllib.request.Request(
            f"{self.address}/api/v2/organizations/{self.org}/projects",
            headers={"Authorization": f"Bearer {self.token}"},
        )
        with urllib.request.urlopen(request) as response:
            return json.load(response)["data"][0]["id"]

    def create_github(self, name):
        return self.client.oauth_clients.create(
            self.org,
            OAuthClientCreateOptions(
                name=name,
                service_provider=ServiceProviderType.GITHUB,
                http_url="https://github.com",
                api_url="https://api.github.com",
                oauth_token="ghp_interop_pat",
            ),
        )

    def test_oauth_client_lifecycle(self):
        created = self.create_github("interop-github")
        self.assertTrue(created.id.startswith("oc-"))
        self.assertEqual(created.service_provider, ServiceProviderType.GITHUB)
        self.assertEqual(created.service_provider_name, "GitHub")
        self.assertEqual(len(created.oauth_tokens), 1)

        listed = [c.id for c in self.client.oauth_clients.list(self.org)]
        self.assertIn(created.id, listed)

        read = self.client.oauth_clients.read_with_options(
            created.id, OAuthClientReadOptions(include=[OAuthClientIncludeOpt.OAUTH_TOKENS])
        )
        self.assertEqual(read.name, "interop-github")
        self.assertIsNone(read.secret)

        updated = self.client.oauth_clients.update(
            created.id, OAuthClientUpdateOptions(name="renamed", organization_scoped=False)
        )
        self.assertEqual(updated.name, "renamed")
        self.assertFalse(updated.organization_scoped)

        project = self.default_project()
        ref = [{"type": "projects", "id": project}]
        self.client.oauth_clients.add_projects(created.id, OAuthClientAddProjectsOptions(projects=ref))
        self.assertEqual([p["id"] for p in self.client.oauth_clients.read(created.id).projects], [project])
        self.client.oauth_clients.remove_projects(created.id, OAuthClientRemoveProjectsOptions(projects=ref))
        self.assertEqual(self.client.oauth_clients.read(created.id).projects, [])

        self.client.oauth_clients.delete(created.id)
        with self.assertRaises(NotFound):
            self.client.oauth_clients.read(created.id)

    def test_oauth_token_lifecycle(self):
        created = self.create_github("interop-token")
        token_id = created.oauth_tokens[0]["id"]

        token = self.client.oauth_tokens.read(token_id)
        self.assertEqual(token.id, token_id)
        self.assertFalse(token.has_ssh_key)
        self.assertTrue(token.service_provider_user)

        org_tokens = [t.id for t in self.client.oauth_tokens.list(self.org)]
        self.assertIn(token_id, org_tokens)

        updated = self.client.oauth_tokens.update(token_id, OAuthTokenUpdateOptions(private_ssh_key=SSH_KEY))
        self.assertTrue(updated.has_ssh_key)

        self.client.oauth_tokens.delete(token_id)
        with self.assertRaises(NotFound):
            self.client.oauth_tokens.read(token_id)
        self.assertEqual(self.client.oauth_clients.read(created.id).oauth_tokens, [])
        self.client.oauth_clients.delete(created.id)

    def installation_id(self):
        installations = list(self.client.github_app_installations.list())
        self.assertEqual(len(installations), 1)
        installation = installations[0]
        self.assertTrue(installation.id.startswith("ghain-"))
        self.assertIsInstance(installation.installation_id, int)
        by_name = GitHubAppInstallationListOptions(name=installation.name)
        self.assertEqual([i.id for i in self.client.github_app_installations.list(by_name)], [installation.id])
        self.assertEqual(self.client.github_app_installations.read(installation.id).name, installation.name)
        return installation.id

    def test_workspace_with_a_vcs_repo(self):
        created = self.create_github("interop-workspaces")
        token_id = created.oauth_tokens[0]["id"]
        workspace = self.client.workspaces.create(
            self.org,
            WorkspaceCreateOptions(
                name="interop-app",
                vcs_repo=VCSRepoOptions(identifier="acme/app", oauth_token_id=token_id, branch="main"),
            ),
        )
        self.assertTrue(workspace.id.startswith("ws-"))
        self.assertEqual(workspace.vcs_repo.identifier, "acme/app")
        self.assertEqual(workspace.vcs_repo.oauth_token_id, token_id)
        self.assertEqual(workspace.vcs_repo.branch, "main")
        self.assertEqual(workspace.vcs_repo.service_provider, "github")

        renamed = self.client.workspaces.update(
            "interop-app", WorkspaceUpdateOptions(name="interop-app-2", description="moved"), organization=self.org
        )
        self.assertEqual(renamed.name, "interop-app-2")
        self.assertEqual(renamed.vcs_repo.oauth_token_id, token_id, "an update without vcs-repo keeps it")

        app = self.installation_id()
        relinked = self.client.workspaces.update_by_id(
            workspace.id,
            WorkspaceUpdateOptions(vcs_repo=VCSRepoOptions(identifier="acme/app", gha_installation_id=app)),
        )
        self.assertEqual(relinked.vcs_repo.gha_installation_id, app)
        self.assertIsNone(relinked.vcs_repo.oauth_token_id)
        self.assertEqual(relinked.vcs_repo.branch, "main")

        read = self.client.workspaces.read("interop-app-2", organization=self.org)
        self.assertEqual(read.id, workspace.id)
        listed = [w.id for w in self.client.workspaces.list(self.org)]
        self.assertIn(workspace.id, listed)

        back = self.client.workspaces.update_by_id(
            workspace.id,
            WorkspaceUpdateOptions(vcs_repo=VCSRepoOptions(identifier="acme/app", oauth_token_id=token_id)),
        )
        self.assertEqual(back.vcs_repo.oauth_token_id, token_id)
        self.client.oauth_tokens.delete(token_id)
        self.assertIsNone(self.client.workspaces.read_by_id(workspace.id).vcs_repo, "unlinked with its token")
        self.client.workspaces.delete_by_id(workspace.id)
        with self.assertRaises(NotFound):
            self.client.workspaces.read_by_id(workspace.id)
        self.client.oauth_clients.delete(created.id)

    def test_vcs_policy_set(self):
        created = self.create_github("interop-policies")
        token_id = created.oauth_tokens[0]["id"]
        policy_set = self.client.policy_sets.create(
            self.org,
            PolicySetCreateOptions(
                name="interop-guards",
                vcs_repo=VCSRepoOptions(identifier="acme/policies", oauth_token_id=token_id, branch="main"),
            ),
        )
        self.assertTrue(policy_set.id.startswith("polset-"))
        self.assertEqual(policy_set.vcs_repo.oauth_token_id, token_id)
        app = self.installation_id()
        updated = self.client.policy_sets.update(
            policy_set.id,
            PolicySetUpdateOptions(vcs_repo=VCSRepoOptions(identifier="acme/policies", gha_installation_id=app)),
        )
        self.assertEqual(updated.vcs_repo.gha_installation_id, app)
        self.assertEqual(updated.vcs_repo.branch, "main")
        self.assertEqual(self.client.policy_sets.read(policy_set.id).vcs_repo.identifier, "acme/policies")
        self.client.policy_sets.delete(policy_set.id)
        with self.assertRaises(NotFound):
            self.client.policy_sets.read(policy_set.id)
        self.client.oauth_clients.delete(created.id)

    def test_registry_module_published_from_vcs(self):
        created = self.create_github("interop-modules")
        token_id = created.oauth_tokens[0]["id"]
        module = self.client.registry_modules.create_with_vcs_connection(
            RegistryModuleCreateWithVCSConnectionOptions(
                vcs_repo=RegistryModuleVCSRepoOptions(
                    identifier="acme/terraform-aws-vpc",
                    display_identifier="acme/terraform-aws-vpc",
                    oauth_token_id=token_id,
                    organization_name=self.org,
                    branch="main",
                )
            )
        )
        self.assertTrue(module.id.startswith("mod-"))
        self.assertEqual((module.name, module.provider, module.namespace), ("vpc", "aws", self.org))
        self.assertEqual(module.vcs_repo.oauth_token_id, token_id)
        read = self.client.registry_modules.read(
            RegistryModuleID(organization=self.org, name="vpc", provider="aws", namespace=self.org)
        )
        self.assertEqual(read.id, module.id)
        self.assertEqual(read.vcs_repo.identifier, "acme/terraform-aws-vpc")
        listed = list(self.client.registry_modules.list(self.org))
        self.assertEqual([m.id for m in listed], [module.id])
        self.assertIsNone(listed[0].vcs_repo, "list items carry no vcs-repo, as TFE's samples show")
        self.client.oauth_clients.delete(created.id)

    def test_stacks_with_a_vcs_repo(self):
        created = self.create_github("interop-stacks")
        token_id = created.oauth_tokens[0]["id"]
        project = Project(id=self.default_project())
        stacks = [
            self.client.stacks.create(
                StackCreateOptions(
                    name=f"interop-stack-{i}",
                    project=project,
                    vcs_repo=StackVcsRepoOptions(identifier=f"acme/stack-{i}", oauth_token_id=token_id, branch="main"),
                )
            )
            for i in range(3)
        ]
        stack = stacks[0]
        self.assertTrue(stack.id.startswith("st-"))
        self.assertEqual(stack.name, "interop-stack-0")
        self.assertEqual(stack.project.id, project.id)
        self.assertEqual(stack.vcs_repo.identifier, "acme/stack-0")
        self.assertEqual(stack.vcs_repo.oauth_token_id, token_id)
        self.assertEqual(stack.vcs_repo.branch, "main")

        # One Stack a page: pytfe follows meta.pagination through all three.
        listed = list(self.client.stacks.list(self.org, StackListOptions(page_size=1)))
        self.assertEqual([s.id for s in listed], [s.id for s in stacks])
        pages = self.logged(f"/organizations/{self.org}/stacks?", 3)
        self.assertEqual(len(pages), 3, pages)
        for number, page in enumerate(pages, start=1):
            self.assertIn("page%5Bsize%5D=1", page)
            self.assertIn(f"page%5Bnumber%5D={number}", page)
        self.assertEqual(listed[1].vcs_repo.identifier, "acme/stack-1", "list items carry vcs-repo")

        read = self.client.stacks.read(stack.id)
        self.assertEqual((read.id, read.name), (stack.id, "interop-stack-0"))

        updated = self.client.stacks.update(
            stack.id,
            StackUpdateOptions(
                vcs_repo=StackVcsRepoOptions(identifier="acme/stack-0", oauth_token_id=token_id, branch="release")
            ),
        )
        self.assertEqual(updated.vcs_repo.branch, "release")
        self.assertEqual(self.client.stacks.read(stack.id).vcs_repo.branch, "release")
        # Left out of the PATCH, the branch falls back to the repository's default.
        fallen = self.client.stacks.update(
            stack.id, StackUpdateOptions(vcs_repo=StackVcsRepoOptions(identifier="acme/stack-0"))
        )
        self.assertEqual(fallen.vcs_repo.branch, "")
        self.assertEqual(fallen.vcs_repo.oauth_token_id, token_id)

        for s in stacks:
            self.client.stacks.delete(s.id)
        with self.assertRaises(NotFound):
            self.client.stacks.read(stack.id)
        self.assertEqual(list(self.client.stacks.list(self.org, StackListOptions())), [])
        self.client.oauth_clients.delete(created.id)


if __name__ == "__main__":
    unittest.main()
