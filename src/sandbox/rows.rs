//! What the sandbox stores, one struct per TFE resource (how each is kept in its table is
//! `table.rs`). Write-only values are kept only as salted digests.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Client {
    pub id: String,
    pub name: Option<String>,
    pub service_provider: String,
    pub http_url: String,
    pub api_url: String,
    pub key: Option<String>,
    pub rsa_public_key: Option<String>,
    #[serde(default)]
    pub ado_org_name: Option<String>,
    pub organization_scoped: bool,
    pub created_at: String,
    pub uuid: String,
    pub projects: Vec<String>,
    pub agent_pool: Option<String>,
    /// Digests of the write-only `secret` and `private-key`.
    pub secret_digest: Option<String>,
    pub private_key_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Token {
    pub id: String,
    pub client_id: String,
    pub created_at: String,
    pub service_provider_user: String,
    pub pat_digest: String,
    pub ssh_key_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub created_at: String,
}

/// The repository a workspace, policy set or module is linked to, and through what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VcsRepo {
    pub identifier: String,
    pub display_identifier: String,
    /// `None`: the default branch (for a module: tag-based publishing).
    pub branch: Option<String>,
    pub ingress_submodules: bool,
    pub tags_regex: Option<String>,
    pub oauth_token_id: Option<String>,
    pub github_app_installation_id: Option<String>,
}

impl VcsRepo {
    /// The `ot-…` or `ghain-…` id it links through.
    pub fn connection(&self) -> Option<&str> {
        self.oauth_token_id
            .as_deref()
            .or(self.github_app_installation_id.as_deref())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workspace {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub project_id: String,
    pub auto_apply: bool,
    pub execution_mode: String,
    pub terraform_version: Option<String>,
    pub working_directory: Option<String>,
    pub vcs_repo: Option<VcsRepo>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PolicySet {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub global: bool,
    pub kind: String,
    pub overridable: Option<bool>,
    pub agent_enabled: bool,
    pub policy_tool_version: Option<String>,
    pub policies_path: Option<String>,
    pub vcs_repo: Option<VcsRepo>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub namespace: String,
    pub status: String,
    pub vcs_repo: VcsRepo,
    pub created_at: String,
    pub updated_at: String,
}

impl Module {
    /// `name/provider`: unique within the organization's private registry.
    pub fn key(name: &str, provider: &str) -> String {
        format!("{name}/{provider}")
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Installation {
    pub id: String,
    pub installation_id: u64,
    pub name: String,
    pub installation_type: String,
    pub installation_url: String,
}
