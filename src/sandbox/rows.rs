//! What the sandbox stores, one struct per TFE resource (how each is kept in its table is
//! `table.rs`). Write-only values are kept only as salted digests.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Client {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) service_provider: String,
    pub(crate) http_url: String,
    pub(crate) api_url: String,
    pub(crate) key: Option<String>,
    pub(crate) rsa_public_key: Option<String>,
    #[serde(default)]
    pub(crate) ado_org_name: Option<String>,
    pub(crate) organization_scoped: bool,
    pub(crate) created_at: String,
    pub(crate) uuid: String,
    pub(crate) projects: Vec<String>,
    pub(crate) agent_pool: Option<String>,
    /// Digests of the write-only `secret` and `private-key`.
    pub(crate) secret_digest: Option<String>,
    pub(crate) private_key_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Token {
    pub(crate) id: String,
    pub(crate) client_id: String,
    pub(crate) created_at: String,
    pub(crate) service_provider_user: String,
    pub(crate) pat_digest: String,
    pub(crate) ssh_key_digest: Option<String>,
    /// Sandbox-only (`--load`'s `"vcs": "revoked"`): the VCS refuses this token, as it does
    /// one whose user revoked the authorization.
    #[serde(default)]
    pub(crate) vcs_revoked: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Project {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    pub(crate) created_at: String,
}

/// The repository a workspace, policy set, module or Stack is linked to, and through what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct VcsRepo {
    pub(crate) identifier: String,
    pub(crate) display_identifier: String,
    /// `None`: the default branch (for a module: tag-based publishing).
    pub(crate) branch: Option<String>,
    pub(crate) ingress_submodules: bool,
    pub(crate) tags_regex: Option<String>,
    pub(crate) oauth_token_id: Option<String>,
    pub(crate) github_app_installation_id: Option<String>,
}

impl VcsRepo {
    /// The `ot-…` or `ghain-…` id it links through.
    pub(crate) fn connection(&self) -> Option<&str> {
        self.oauth_token_id
            .as_deref()
            .or(self.github_app_installation_id.as_deref())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Workspace {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) project_id: String,
    pub(crate) auto_apply: bool,
    pub(crate) execution_mode: String,
    pub(crate) terraform_version: Option<String>,
    pub(crate) working_directory: Option<String>,
    pub(crate) vcs_repo: Option<VcsRepo>,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PolicySet {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) global: bool,
    pub(crate) kind: String,
    pub(crate) overridable: Option<bool>,
    pub(crate) agent_enabled: bool,
    pub(crate) policy_tool_version: Option<String>,
    pub(crate) policies_path: Option<String>,
    pub(crate) vcs_repo: Option<VcsRepo>,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Module {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) provider: String,
    pub(crate) namespace: String,
    pub(crate) status: String,
    pub(crate) vcs_repo: VcsRepo,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
}

impl Module {
    /// `name/provider`: unique within the organization's private registry.
    pub(crate) fn key(name: &str, provider: &str) -> String {
        format!("{name}/{provider}")
    }
}

/// A Stack (SPEC §9): a project's configuration of components, linked to a repository.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Stack {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) project_id: String,
    pub(crate) speculative_enabled: bool,
    /// `branch` `None`: the repository's default branch.
    pub(crate) vcs_repo: Option<VcsRepo>,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Installation {
    pub(crate) id: String,
    pub(crate) installation_id: u64,
    pub(crate) name: String,
    pub(crate) installation_type: String,
    pub(crate) installation_url: String,
}

/// The organization's own settings, as `--load` gives them: at most one row (none: TFE's
/// defaults). A row, so that a `--state` file keeps them like everything else.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Settings {
    /// The organization's name.
    pub(crate) id: String,
    /// `stacks-enabled` (true when there is no row).
    pub(crate) stacks_enabled: bool,
}
