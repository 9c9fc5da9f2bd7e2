"""The sandbox driven by a client we did not write: HashiCorp's Python SDK (pytfe 1.5.0).

Starts `tfvcs sandbox` on a free loopback port, points pytfe at it through the export lines,
and runs the VCS-connection calls pytfe offers: OAuth clients (create, list, read, update,
add and remove projects, delete) and OAuth tokens (read, update the SSH key, delete).
"""

import json
import os
import subprocess
import unittest
import urllib.request

# pytfe reads SSL_CERT_FILE when imported; the sandbox is plain http on loopback.
os.environ.pop("SSL_CERT_FILE", None)

from pytfe import TFEClient, TFEConfig
from pytfe.errors import NotFound
from pytfe.models import (
    OAuthClientAddProjectsOptions,
    OAuthClientCreateOptions,
    OAuthClientIncludeOpt,
    OAuthClientReadOptions,
    OAuthClientRemoveProjectsOptions,
    OAuthClientUpdateOptions,
    OAuthTokenUpdateOptions,
    ServiceProviderType,
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
        cls.proc = subprocess.Popen(
            [BINARY, "sandbox", "--listen", "127.0.0.1:0", "--org", "interop"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
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


if __name__ == "__main__":
    unittest.main()
