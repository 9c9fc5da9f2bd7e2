//! What the sandbox stores, one struct per TFE resource, and how each is found in its table
//! and in the secondary indexes (a client's tokens, the workspaces linked through a
//! connection, workspaces by name). Write-only values are kept only as salted digests.

use serde::{Deserialize, Serialize};

use super::table::{Links, Table, Tables};

/// A stored resource: its kind in the state file, its id, its table and its index entries.
pub trait Row: Clone + Serialize + for<'de> Deserialize<'de> + Send + 'static {
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn parts(tables: &mut Tables) -> (&mut Table<Self>, &mut Links);
    fn table(tables: &Tables) -> &Table<Self>;
    /// Adds (`add`) or removes this row's entries in the secondary indexes.
    fn index(&self, _links: &mut Links, _add: bool) {}
}

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

macro_rules! row {
    ($kind:literal, $field:ident) => {
        fn parts(tables: &mut Tables) -> (&mut Table<Self>, &mut Links) {
            (&mut tables.$field, &mut tables.links)
        }
        fn table(tables: &Tables) -> &Table<Self> {
            &tables.$field
        }
        fn id(&self) -> &str {
            &self.id
        }
        const KIND: &'static str = $kind;
    };
}

impl Row for Client {
    row!("client", clients);
}

impl Row for Token {
    row!("token", tokens);
    fn index(&self, links: &mut Links, add: bool) {
        Links::change(&mut links.tokens_of_client, &self.client_id, &self.id, add);
    }
}

impl Row for Project {
    row!("project", projects);
}

impl Row for Workspace {
    row!("workspace", workspaces);
    fn index(&self, links: &mut Links, add: bool) {
        if add {
            links
                .workspace_names
                .insert(self.name.clone(), self.id.clone());
        } else {
            links.workspace_names.remove(&self.name);
        }
        if let Some(connection) = self.vcs_repo.as_ref().and_then(VcsRepo::connection) {
            Links::change(&mut links.workspaces_of, connection, &self.id, add);
        }
    }
}

impl Row for PolicySet {
    row!("policy-set", policy_sets);
}

impl Row for Module {
    row!("module", modules);
    fn index(&self, links: &mut Links, add: bool) {
        let key = Module::key(&self.name, &self.provider);
        if add {
            links.module_keys.insert(key, self.id.clone());
        } else {
            links.module_keys.remove(&key);
        }
    }
}

impl Row for Installation {
    row!("github-app-installation", installations);
}
