"""What the sandbox knowingly does otherwise than HashiCorp's OpenAPI document says, each with
the reason (TFE's own API docs), and the endpoints it serves that the document lacks."""

TOKEN_ENDPOINTS = [
    ("GET", "/oauth-tokens/{oauth_token_id}"),
    ("PATCH", "/oauth-tokens/{oauth_token_id}"),
    ("DELETE", "/oauth-tokens/{oauth_token_id}"),
    ("GET", "/oauth-clients/{oauth_client_id}/oauth-tokens"),
    ("GET", "/organizations/{organization_name}/oauth-tokens"),
    ("GET", "/oauth-tokens/{oauth_token_id}/authorized-repos"),
]
TOKEN_STATUS = (
    "the document declares no default answer for the OAuth token endpoints, only 200, 404 "
    "(and 422 on PATCH); TFE's API docs answer 401 without a valid token and 415 without the "
    "JSON:API content type on every endpoint, and the sandbox follows them"
)

# The documented differences: (what, method, path template) → why it is kept.
ALLOWED = {
    **{("status 401", m, p): TOKEN_STATUS for m, p in TOKEN_ENDPOINTS},
    **{("status 415", m, p): TOKEN_STATUS for m, p in TOKEN_ENDPOINTS if m != "GET"},
    ("422 for a body the document accepts: unknown provider", "POST",
     "/organizations/{organization_name}/oauth-clients"):
        "the document types service-provider as any string; TFE's OAuth clients page lists "
        "the providers and TFE refuses others (SPEC §3's provider rules)",
    ("422 for a body the document accepts: SSH key not PEM", "PATCH",
     "/oauth-tokens/{oauth_token_id}"):
        "the document types ssh-key as any string; TFE's OAuth tokens page requires a PEM "
        "private key without a passphrase and refuses anything else",
    ("query parameter include", "GET", "/organizations/{organization_name}/oauth-clients"):
        "include=oauth_tokens,projects is documented on TFE's OAuth clients page but missing "
        "from the OpenAPI document",
    ("query parameter include", "GET", "/oauth-clients/{oauth_client_id}"):
        "include=oauth_tokens,projects is documented on TFE's OAuth clients page but missing "
        "from the OpenAPI document",
}

# Endpoints the sandbox serves that the document does not declare (TFE's API docs do). Those
# that answer with a resource the document has a schema for are checked against it.
UNDECLARED = {
    ("POST", "/organizations/{organization_name}/registry-modules/vcs"): "registry-modules-envelope",
    ("GET", "/organizations/{organization_name}/registry-modules"): "registry-modules list",
    ("GET", "/registry-modules/{module_id}"): "registry-modules-envelope",
    ("DELETE", "/organizations/{organization_name}/registry-modules/private/{namespace}/{name}/{provider}"): None,
    ("DELETE", "/organizations/{organization_name}/oauth-clients/{oauth_client_id}"): None,
}
