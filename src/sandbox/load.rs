//! `--load FILE` (SPEC §9): the sandbox starts with a realistic organization instead of an
//! empty one — clients with their tokens, projects and what links a repository through them,
//! drift included (references to connections that no longer exist, clients whose connection
//! never finished). One section per kind of row, read in the order of `SECTIONS`; every rule
//! is checked before the first request is served, and a broken entry is named with what is
//! wrong. Secrets in the file are digested like any other.

use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};

use super::rows::{Client, Module, PolicySet, Project, Settings, Stack, Token, VcsRepo, Workspace};
use super::rules::module_naming;
use super::store::Store;
use super::table::Row;
use crate::provider::{Provider, is_absolute_http_url, is_ado_org_name};
use crate::shared::clock::now_rfc3339;
use crate::shared::ids::{has_id_shape, is_path_safe};

/// A load file larger than this is refused rather than read to exhaustion.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One section of the file: the rows of one kind. Read in this order, so an entry can name
/// rows of the sections before it (a workspace its project, a client its projects). Every row
/// kind of `table.rs` has a section here or a reason in `NOT_A_SECTION` (a test checks), so a
/// new kind of row cannot be left out of `--load`.
struct Section {
    name: &'static str,
    /// The row kind it loads (`Row::KIND`); read by the test that every kind has a section.
    #[cfg_attr(not(test), allow(dead_code))]
    kind: &'static str,
    add: fn(&mut Loader, &Map<String, Value>) -> Result<(), String>,
}

const SECTIONS: &[Section] = &[
    Section {
        name: "projects",
        kind: Project::KIND,
        add: |l, e| l.project(e),
    },
    Section {
        name: "clients",
        kind: Client::KIND,
        add: |l, e| l.client(e),
    },
    Section {
        name: "workspaces",
        kind: Workspace::KIND,
        add: |l, e| l.workspace(e),
    },
    Section {
        name: "policy-sets",
        kind: PolicySet::KIND,
        add: |l, e| l.policy_set(e),
    },
    Section {
        name: "modules",
        kind: Module::KIND,
        add: |l, e| l.module(e),
    },
    Section {
        name: "stacks",
        kind: Stack::KIND,
        add: |l, e| l.stack(e),
    },
];

/// The row kinds no section loads, and where they come from instead.
#[cfg(test)]
const NOT_A_SECTION: &[(&str, &str)] = &[
    ("organization", "the document's `organization` object"),
    ("token", "each client's `oauth-tokens`"),
    ("github-app-installation", "the sandbox's own installation"),
];

/// Reads `path` into `store` (which holds only what a new organization starts with). Every
/// error is the file, the entry (`clients[2] (oc-…)`) and what is wrong: a usage error, exit 2.
pub(crate) fn load(path: &Path, store: &mut Store, org: &str) -> Result<(), String> {
    let shown = path.display();
    let text = read(path).map_err(|e| format!("--load {shown}: {e}"))?;
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "--load {shown}: not valid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    let Some(doc) = doc.as_object() else {
        return Err(format!(
            "--load {shown}: the document must be a JSON object"
        ));
    };
    let known: Vec<&str> = std::iter::once("organization")
        .chain(SECTIONS.iter().map(|s| s.name))
        .collect();
    if let Some(unknown) = doc.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(format!(
            "--load {shown}: unknown section {unknown:?} (the sections are {})",
            known.join(", ")
        ));
    }
    if let Some(entry) = doc.get("organization") {
        let settings =
            settings(entry, org).map_err(|e| format!("--load {shown}: organization: {e}"))?;
        store.put(settings);
    }
    let mut loader = Loader {
        store,
        org: org.to_string(),
    };
    for section in SECTIONS {
        let entries = match doc.get(section.name) {
            None => continue,
            Some(Value::Array(entries)) => entries,
            Some(_) => {
                return Err(format!(
                    "--load {shown}: {} must be an array of objects",
                    section.name
                ));
            }
        };
        for (i, entry) in entries.iter().enumerate() {
            let named = |e: String| {
                let label = entry
                    .get("id")
                    .or_else(|| entry.get("name"))
                    .and_then(Value::as_str)
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                format!("--load {shown}: {}[{i}]{label}: {e}", section.name)
            };
            let Some(entry) = entry.as_object() else {
                return Err(named("must be an object".into()));
            };
            (section.add)(&mut loader, entry).map_err(named)?;
        }
    }
    loader
        .store
        .commit()
        .map_err(|e| format!("--load {shown}: {e}"))?;
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let mut text = String::new();
    file.take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if text.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {} MiB", MAX_BYTES >> 20));
    }
    Ok(text)
}

fn settings(entry: &Value, org: &str) -> Result<Settings, String> {
    let entry = entry.as_object().ok_or("must be an object")?;
    only(entry, &["stacks-enabled"])?;
    Ok(Settings {
        id: org.to_string(),
        stacks_enabled: boolean(entry, "stacks-enabled")?.unwrap_or(true),
    })
}

/// Refuses keys the entry's kind does not take: a misspelt attribute would otherwise load
/// an organization other than the one the file describes.
fn only(entry: &Map<String, Value>, keys: &[&str]) -> Result<(), String> {
    match entry.keys().find(|k| !keys.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => Err(format!(
            "unknown attribute {:?} (this kind takes {})",
            k,
            keys.join(", ")
        )),
    }
}

/// A string member: `None` when absent or null.
fn text(entry: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match entry.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{key} must be a string")),
    }
}

fn required(entry: &Map<String, Value>, key: &str) -> Result<String, String> {
    text(entry, key)?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("{key} is required"))
}

fn boolean(entry: &Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    match entry.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("{key} must be true or false")),
    }
}

/// `created-at`, given as TFE writes it (`2025-01-31T09:00:00.000Z`), or now.
fn created_at(entry: &Map<String, Value>) -> Result<String, String> {
    match text(entry, "created-at")? {
        None => Ok(now_rfc3339()),
        Some(t) if is_timestamp(&t) => Ok(t),
        Some(t) => Err(format!(
            "created-at {:?} is not a UTC time like 2025-01-31T09:00:00Z",
            &t
        )),
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z`.
fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let fraction_ok = match b.get(19) {
        Some(b'Z') => b.len() == 20,
        Some(b'.') => {
            b.len() > 21
                && b[b.len() - 1] == b'Z'
                && b[20..b.len() - 1].iter().all(u8::is_ascii_digit)
        }
        _ => false,
    };
    b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && fraction_ok
}

/// Adds rows to the store, checking each entry against what is already there.
struct Loader<'a> {
    store: &'a mut Store,
    org: String,
}

impl Loader<'_> {
    /// The entry's own `id` (of the kind's shape and not taken), or a new one.
    fn id<T: Row>(&mut self, entry: &Map<String, Value>, prefix: &str) -> Result<String, String> {
        match text(entry, "id")? {
            None => Ok(self.store.new_id::<T>(prefix)),
            Some(id) if !has_id_shape(&id, prefix) => Err(format!(
                "id must be {prefix} followed by letters and digits"
            )),
            Some(id) if self.store.tables.id_taken::<T>(&id) => {
                Err(format!("id {id} is given twice"))
            }
            Some(id) => Ok(id),
        }
    }

    /// A project id the entry names, which must be loaded already.
    fn project_id(&self, id: &str) -> Result<String, String> {
        if self.store.tables.projects.contains(id) {
            Ok(id.to_string())
        } else {
            Err(format!(
                "project {:?} is not among the projects loaded before it",
                id
            ))
        }
    }

    /// The project of a workspace: the one named, else the organization's first.
    fn project_of(&self, entry: &Map<String, Value>) -> Result<String, String> {
        match text(entry, "project")? {
            Some(id) => self.project_id(&id),
            None => Ok(self
                .store
                .tables
                .projects
                .iter()
                .next()
                .map(|p| p.id.clone())
                .unwrap_or_default()),
        }
    }

    fn project(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(entry, &["id", "name", "description", "created-at"])?;
        let name = required(entry, "name")?;
        if self.store.tables.projects.iter().any(|p| p.name == name) {
            return Err(format!("a project named {name:?} is loaded already"));
        }
        let row = Project {
            id: self.id::<Project>(entry, "prj-")?,
            name,
            description: text(entry, "description")?,
            created_at: created_at(entry)?,
        };
        self.store.put(row);
        Ok(())
    }

    fn client(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(
            entry,
            &[
                "id",
                "name",
                "service-provider",
                "http-url",
                "api-url",
                "key",
                "secret",
                "rsa-public-key",
                "private-key",
                "oauth-token-string",
                "ado-org-name",
                "organization-scoped",
                "projects",
                "created-at",
                "oauth-tokens",
            ],
        )?;
        let provider_name = required(entry, "service-provider")?;
        let provider = Provider::from_api_name(&provider_name).ok_or_else(|| {
            format!(
                "service-provider {:?} is not one of the API's values",
                &provider_name
            )
        })?;
        let http_url = match text(entry, "http-url")? {
            Some(url) => url,
            None => provider
                .default_http_url()
                .ok_or_else(|| format!("http-url is required for {provider_name}"))?
                .to_string(),
        };
        let api_url =
            text(entry, "api-url")?.unwrap_or_else(|| provider.default_api_url(&http_url));
        for (key, url) in [("http-url", &http_url), ("api-url", &api_url)] {
            if !is_absolute_http_url(url) {
                return Err(format!("{key} must be an absolute http(s) URL"));
            }
        }
        let ado_org_name = text(entry, "ado-org-name")?;
        if let Some(name) = &ado_org_name {
            if !is_ado_org_name(name) {
                return Err("ado-org-name must be 1 to 50 letters, digits and hyphens, starting and ending with a letter or digit".into());
            }
            if provider != Provider::AdoServices {
                return Err("ado-org-name is only for ado_services".into());
            }
        }
        let projects = match entry.get("projects") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|p| {
                    p.as_str()
                        .ok_or_else(|| "projects must be an array of prj-… ids".to_string())
                        .and_then(|id| self.project_id(id))
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err("projects must be an array of prj-… ids".into()),
        };
        let tokens = match entry.get("oauth-tokens") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(_) => return Err("oauth-tokens must be an array of objects".into()),
        };
        let id = self.id::<Client>(entry, "oc-")?;
        let pat = text(entry, "oauth-token-string")?.filter(|p| !p.is_empty());
        let digest = |store: &Store, key: &str| -> Result<Option<String>, String> {
            Ok(text(entry, key)?.map(|v| store.digest(&v)))
        };
        let client = Client {
            id: id.clone(),
            name: text(entry, "name")?,
            service_provider: provider_name,
            http_url,
            api_url,
            key: text(entry, "key")?,
            rsa_public_key: text(entry, "rsa-public-key")?,
            ado_org_name,
            organization_scoped: boolean(entry, "organization-scoped")?.unwrap_or(true),
            created_at: created_at(entry)?,
            uuid: self.store.rng.uuid(),
            projects,
            agent_pool: None,
            secret_digest: digest(self.store, "secret")?,
            private_key_digest: digest(self.store, "private-key")?,
        };
        self.store.put(client);
        for (i, token) in tokens.iter().enumerate() {
            let token = token
                .as_object()
                .ok_or_else(|| format!("oauth-tokens[{i}] must be an object"))?;
            self.token(token, &id, pat.as_deref())
                .map_err(|e| format!("oauth-tokens[{i}]: {e}"))?;
        }
        Ok(())
    }

    fn token(
        &mut self,
        entry: &Map<String, Value>,
        client_id: &str,
        pat: Option<&str>,
    ) -> Result<(), String> {
        only(
            entry,
            &[
                "id",
                "created-at",
                "service-provider-user",
                "ssh-key",
                "vcs",
            ],
        )?;
        let revoked = match text(entry, "vcs")?.as_deref() {
            None | Some("ok") => false,
            Some("revoked") => true,
            Some(other) => {
                return Err(format!(
                    "vcs must be \"ok\" or \"revoked\", not {:?}",
                    other
                ));
            }
        };
        let id = self.id::<Token>(entry, "ot-")?;
        // A token made by an OAuth flow holds no PAT of the file's: its id stands in.
        let pat_digest = self.store.digest(pat.unwrap_or(&id));
        let token = Token {
            service_provider_user: text(entry, "service-provider-user")?
                .unwrap_or_else(|| format!("vcs-user-{}", &pat_digest[7..13])),
            id,
            client_id: client_id.to_string(),
            created_at: created_at(entry)?,
            pat_digest,
            ssh_key_digest: text(entry, "ssh-key")?.map(|k| self.store.digest(&k)),
            vcs_revoked: revoked,
        };
        self.store.put(token);
        Ok(())
    }

    fn workspace(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(
            entry,
            &[
                "id",
                "name",
                "description",
                "project",
                "auto-apply",
                "execution-mode",
                "terraform-version",
                "working-directory",
                "vcs-repo",
                "created-at",
            ],
        )?;
        let name = resource_name(entry)?;
        if self.store.tables.links.workspace_names.contains_key(&name) {
            return Err(format!("a workspace named {name:?} is loaded already"));
        }
        let execution_mode = text(entry, "execution-mode")?.unwrap_or_else(|| "remote".into());
        if !["remote", "local", "agent"].contains(&execution_mode.as_str()) {
            return Err("execution-mode must be remote, local or agent".into());
        }
        let created_at = created_at(entry)?;
        let row = Workspace {
            id: self.id::<Workspace>(entry, "ws-")?,
            name,
            description: text(entry, "description")?,
            project_id: self.project_of(entry)?,
            auto_apply: boolean(entry, "auto-apply")?.unwrap_or(false),
            execution_mode,
            terraform_version: text(entry, "terraform-version")?,
            working_directory: text(entry, "working-directory")?,
            vcs_repo: vcs_repo(entry, true)?,
            updated_at: created_at.clone(),
            created_at,
        };
        self.store.put(row);
        Ok(())
    }

    fn stack(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(
            entry,
            &[
                "id",
                "name",
                "description",
                "project",
                "vcs-repo",
                "created-at",
            ],
        )?;
        let name = resource_name(entry)?;
        let project_id = self.project_of(entry)?;
        if self
            .store
            .tables
            .stacks
            .iter()
            .any(|s| s.name == name && s.project_id == project_id)
        {
            return Err(format!(
                "a Stack named {name:?} is loaded already in its project"
            ));
        }
        let created_at = created_at(entry)?;
        let row = Stack {
            id: self.id::<Stack>(entry, "st-")?,
            name,
            description: text(entry, "description")?,
            project_id,
            speculative_enabled: false,
            vcs_repo: vcs_repo(entry, true)?,
            updated_at: created_at.clone(),
            created_at,
        };
        self.store.put(row);
        Ok(())
    }

    fn policy_set(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(
            entry,
            &[
                "id",
                "name",
                "description",
                "global",
                "kind",
                "overridable",
                "agent-enabled",
                "policy-tool-version",
                "policies-path",
                "vcs-repo",
                "created-at",
            ],
        )?;
        let name = resource_name(entry)?;
        if self.store.tables.policy_sets.iter().any(|s| s.name == name) {
            return Err(format!("a policy set named {name:?} is loaded already"));
        }
        let kind = text(entry, "kind")?.unwrap_or_else(|| "sentinel".into());
        if kind != "sentinel" && kind != "opa" {
            return Err("kind must be sentinel or opa".into());
        }
        let created_at = created_at(entry)?;
        let row = PolicySet {
            id: self.id::<PolicySet>(entry, "polset-")?,
            name,
            description: text(entry, "description")?,
            global: boolean(entry, "global")?.unwrap_or(false),
            kind,
            overridable: boolean(entry, "overridable")?,
            agent_enabled: boolean(entry, "agent-enabled")?.unwrap_or(false),
            policy_tool_version: text(entry, "policy-tool-version")?,
            policies_path: text(entry, "policies-path")?,
            vcs_repo: vcs_repo(entry, false)?,
            updated_at: created_at.clone(),
            created_at,
        };
        self.store.put(row);
        Ok(())
    }

    fn module(&mut self, entry: &Map<String, Value>) -> Result<(), String> {
        only(entry, &["id", "vcs-repo", "created-at"])?;
        let repo = vcs_repo(entry, false)?.ok_or("vcs-repo is required for a module")?;
        let (name, provider) = module_naming(&repo.identifier).ok_or_else(|| {
            format!(
                "the repository {:?} is not named terraform-<provider>-<name>",
                &repo.identifier
            )
        })?;
        let key = Module::key(&name, &provider);
        if self.store.tables.links.module_keys.contains_key(&key) {
            return Err(format!("a module {key} is loaded already"));
        }
        let created_at = created_at(entry)?;
        let row = Module {
            id: self.id::<Module>(entry, "mod-")?,
            name,
            provider,
            namespace: self.org.clone(),
            status: "setup_complete".into(),
            vcs_repo: repo,
            updated_at: created_at.clone(),
            created_at,
        };
        self.store.put(row);
        Ok(())
    }
}

/// A workspace's or policy set's `name`: letters, digits, `-` and `_`, at most 90.
fn resource_name(entry: &Map<String, Value>) -> Result<String, String> {
    let name = required(entry, "name")?;
    if is_path_safe(&name) && name.len() <= 90 {
        Ok(name)
    } else {
        Err("name may only contain letters, digits, - and _ (at most 90)".into())
    }
}

/// An entry's `vcs-repo`: an `identifier` and exactly one connection, of its id's shape — but,
/// unlike a request, one that need not exist: that is the drift a load describes.
/// `tags_regex`: whether the kind keeps one (workspaces).
fn vcs_repo(entry: &Map<String, Value>, tags_regex: bool) -> Result<Option<VcsRepo>, String> {
    let repo = match entry.get("vcs-repo") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(repo)) => repo,
        Some(_) => return Err("vcs-repo must be an object or null".into()),
    };
    let mut keys = vec![
        "identifier",
        "display-identifier",
        "branch",
        "ingress-submodules",
        "oauth-token-id",
        "github-app-installation-id",
    ];
    if tags_regex {
        keys.push("tags-regex");
    }
    only(repo, &keys).map_err(|e| format!("vcs-repo: {e}"))?;
    let member = |key: &str| text(repo, key).map_err(|e| format!("vcs-repo: {e}"));
    let connection = |key: &str, prefix: &str| -> Result<Option<String>, String> {
        match member(key)?.filter(|id| !id.is_empty()) {
            Some(id) if !has_id_shape(&id, prefix) => Err(format!(
                "vcs-repo: {key} must be {prefix} followed by letters and digits"
            )),
            other => Ok(other),
        }
    };
    let oauth_token_id = connection("oauth-token-id", "ot-")?;
    let github_app_installation_id = connection("github-app-installation-id", "ghain-")?;
    match (&oauth_token_id, &github_app_installation_id) {
        (Some(_), Some(_)) => {
            return Err(
                "vcs-repo: oauth-token-id and github-app-installation-id cannot both be given"
                    .into(),
            );
        }
        (None, None) => {
            return Err(
                "vcs-repo: oauth-token-id or github-app-installation-id is required".into(),
            );
        }
        _ => {}
    }
    let identifier = member("identifier")?
        .filter(|s| !s.trim().is_empty())
        .ok_or("vcs-repo: identifier is required")?;
    Ok(Some(VcsRepo {
        display_identifier: member("display-identifier")?.unwrap_or_else(|| identifier.clone()),
        identifier,
        branch: member("branch")?.filter(|b| !b.is_empty()),
        ingress_submodules: boolean(repo, "ingress-submodules")
            .map_err(|e| format!("vcs-repo: {e}"))?
            .unwrap_or(false),
        tags_regex: if tags_regex {
            member("tags-regex")?
        } else {
            None
        },
        oauth_token_id,
        github_app_installation_id,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::random::Rng;

    const DRIFTED: &str = include_str!("../../examples/drifted-org.json");

    fn load_text(text: &str) -> Result<Store, String> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
        let mut store = Store::open(None, Rng::new(7)).unwrap();
        load(file.path(), &mut store, "acme")?;
        Ok(store)
    }

    fn error_of(text: &str) -> String {
        match load_text(text) {
            Ok(_) => panic!("{text} loaded"),
            Err(e) => e,
        }
    }

    /// The error for a file holding a project `prj-a` and a client `oc-a` with its token
    /// `ot-a`, then `entry` at the end of `section`.
    fn refused(section: &str, entry: Value) -> String {
        let mut doc = serde_json::json!({
            "projects": [{"id": "prj-a", "name": "a"}],
            "clients": [{"id": "oc-a", "service-provider": "github",
                         "oauth-tokens": [{"id": "ot-a"}]}],
        });
        match doc.get_mut(section).and_then(Value::as_array_mut) {
            Some(entries) => entries.push(entry),
            None => doc[section] = serde_json::json!([entry]),
        }
        error_of(&doc.to_string())
    }

    #[test]
    fn the_drifted_organization_loads_with_its_drift() {
        let store = load_text(DRIFTED).unwrap();
        let t = &store.tables;
        assert!(t.stacks_enabled());
        assert_eq!(t.projects.len(), 3, "Default Project and the file's two");
        assert_eq!(t.clients.len(), 8);
        assert_eq!(t.tokens.len(), 8);
        assert_eq!(t.workspaces.len(), 10);
        assert_eq!(t.policy_sets.len(), 1);
        assert_eq!(t.modules.len(), 1);
        assert_eq!(t.stacks.len(), 2);
        assert!(t.tokens.get("ot-gitlab00000000001").unwrap().vcs_revoked);
        assert!(!t.tokens.get("ot-github0000000001").unwrap().vcs_revoked);
        assert_eq!(
            t.tokens.get("ot-bitbucket0000001").unwrap().created_at,
            "2025-06-01T09:00:00.000Z"
        );
        assert_eq!(t.tokens_of("oc-github0unfinished").count(), 0);
        let billing = t.workspaces.get("ws-billing0000000001").unwrap();
        assert_eq!(
            billing.vcs_repo.as_ref().unwrap().oauth_token_id.as_deref(),
            Some("ot-gone000000000001"),
            "a reference to a token that does not exist is kept"
        );
        assert!(!t.tokens.contains("ot-gone000000000001"));
        let module = t.modules.get("mod-vpc0000000000001").unwrap();
        assert_eq!(
            (module.name.as_str(), module.provider.as_str()),
            ("vpc", "aws")
        );
        assert_eq!(module.namespace, "acme");
        let platform = t.clients.get("oc-github0platform1").unwrap();
        assert!(!platform.organization_scoped);
        assert_eq!(platform.projects, ["prj-platform00000001"]);
    }

    #[test]
    fn secrets_in_the_file_are_kept_only_as_digests() {
        let store = load_text(DRIFTED).unwrap();
        let t = &store.tables;
        let mut kept = String::new();
        for c in t.clients.iter() {
            kept.push_str(&serde_json::to_string(c).unwrap());
        }
        for tok in t.tokens.iter() {
            kept.push_str(&serde_json::to_string(tok).unwrap());
        }
        for secret in [
            "ghp_exampleTokenForTheSandboxOnly000",
            "example-oauth-app-secret",
            "example-ado-global-pat",
            "glpat-example-revoked-by-its-user",
        ] {
            assert!(!kept.contains(secret), "{secret} kept in clear");
        }
        let github = t.tokens.get("ot-github0000000001").unwrap();
        assert_eq!(
            github.pat_digest,
            store.digest("ghp_exampleTokenForTheSandboxOnly000")
        );
        assert_eq!(
            t.clients.get("oc-github0unfinished").unwrap().secret_digest,
            Some(store.digest("example-oauth-app-secret"))
        );
    }

    #[test]
    fn stacks_are_enabled_unless_the_file_says_otherwise() {
        let store = load_text("{}").unwrap();
        assert!(store.tables.stacks_enabled());
        assert_eq!(store.tables.settings.len(), 0, "no row: the defaults");
        let store = load_text(r#"{"organization": {"stacks-enabled": true}}"#).unwrap();
        assert!(store.tables.stacks_enabled());
    }

    #[test]
    fn a_broken_entry_is_named_with_what_is_wrong() {
        use serde_json::json;
        let cases = [
            (
                "workspaces",
                json!({"name": "w", "project": "prj-none"}),
                "workspaces[0] (w): project \"prj-none\"",
            ),
            (
                "workspaces",
                json!({"id": "ws-1", "name": "a b"}),
                "workspaces[0] (ws-1): name may only",
            ),
            (
                "workspaces",
                json!({"name": "w", "vcs-repo": {"identifier": "o/r"}}),
                "oauth-token-id or github-app-installation-id is required",
            ),
            (
                "workspaces",
                json!({"name": "w", "vcs-repo": {"identifier": "o/r", "oauth-token-id": "ot-a", "github-app-installation-id": "ghain-a"}}),
                "cannot both be given",
            ),
            (
                "workspaces",
                json!({"name": "w", "vcs-repo": {"identifier": "o/r", "oauth-token-id": "oc-a"}}),
                "oauth-token-id must be ot-",
            ),
            (
                "workspaces",
                json!({"name": "w", "vcs-repo": {"oauth-token-id": "ot-a"}}),
                "identifier is required",
            ),
            (
                "workspaces",
                json!({"name": "w", "vcs_repo": {}}),
                "unknown attribute \"vcs_repo\"",
            ),
            (
                "workspaces",
                json!({"name": "w", "created-at": "yesterday"}),
                "created-at \"yesterday\"",
            ),
            (
                "clients",
                json!({"id": "oc-b", "service-provider": "gihub"}),
                "clients[1] (oc-b): service-provider \"gihub\"",
            ),
            (
                "clients",
                json!({"service-provider": "github_enterprise"}),
                "http-url is required",
            ),
            (
                "clients",
                json!({"service-provider": "github", "ado-org-name": "acme"}),
                "ado-org-name is only for ado_services",
            ),
            (
                "clients",
                json!({"service-provider": "ado_services", "ado-org-name": "-acme"}),
                "ado-org-name must be",
            ),
            (
                "clients",
                json!({"service-provider": "github", "projects": ["prj-none"]}),
                "project \"prj-none\"",
            ),
            (
                "clients",
                json!({"id": "oc-a", "service-provider": "github"}),
                "id oc-a is given twice",
            ),
            (
                "clients",
                json!({"id": "oc-c", "service-provider": "github", "oauth-tokens": [{"id": "ot-a"}]}),
                "clients[1] (oc-c): oauth-tokens[0]: id ot-a is given twice",
            ),
            (
                "clients",
                json!({"service-provider": "github", "oauth-tokens": [{"vcs": "broken"}]}),
                "vcs must be \"ok\" or \"revoked\"",
            ),
            (
                "clients",
                json!({"id": "oc-x/..", "service-provider": "github"}),
                "id must be oc-",
            ),
            (
                "projects",
                json!({"name": "a"}),
                "projects[1] (a): a project named \"a\"",
            ),
            (
                "policy-sets",
                json!({"name": "p", "kind": "rego"}),
                "kind must be sentinel or opa",
            ),
            (
                "modules",
                json!({"vcs-repo": {"identifier": "o/vpc", "oauth-token-id": "ot-a"}}),
                "not named terraform-<provider>-<name>",
            ),
            ("modules", json!({}), "vcs-repo is required"),
            ("stacks", json!({"name": "s", "size": 1}), "size"),
        ];
        for (section, entry, expected) in cases {
            let error = refused(section, entry.clone());
            assert!(error.contains(expected), "{section} {entry}: {error}");
            assert!(error.starts_with("--load "), "{error}");
        }
    }

    #[test]
    fn a_file_that_is_not_an_organization_says_where() {
        let error = error_of("{\n  \"clients\": [,]\n}");
        assert!(
            error.contains("not valid JSON at line 2, column"),
            "{error}"
        );
        let error = error_of("[]");
        assert!(error.contains("must be a JSON object"), "{error}");
        let error = error_of(r#"{"clients": {}}"#);
        assert!(error.contains("clients must be an array"), "{error}");
        let error = error_of(r#"{"organization": {"stacks-enabled": "yes"}}"#);
        assert!(
            error.contains("organization: stacks-enabled must be true or false"),
            "{error}"
        );
    }

    #[test]
    fn every_row_kind_is_loaded_by_a_section_or_said_why_not() {
        use crate::sandbox::table::{Tables, Visit};
        struct Kinds(Vec<&'static str>);
        impl Visit for Kinds {
            fn visit<T: Row>(&mut self) {
                self.0.push(T::KIND);
            }
        }
        let mut kinds = Kinds(Vec::new());
        Tables::visit(&mut kinds);
        for kind in kinds.0 {
            let sections = SECTIONS.iter().filter(|s| s.kind == kind).count();
            let elsewhere = NOT_A_SECTION.iter().filter(|(k, _)| *k == kind).count();
            assert_eq!(
                sections + elsewhere,
                1,
                "row kind {kind:?}: give it a section of --load, or say in NOT_A_SECTION where it comes from"
            );
        }
    }

    #[test]
    fn an_error_never_repeats_a_secret_of_the_entry() {
        use serde_json::json;
        let canary = "pat-CANARY-4d1e";
        for broken in [
            json!({"service-provider": "gihub", "oauth-token-string": canary}),
            json!({"service-provider": "github", "oauth-token-string": canary, "secret": 7}),
            json!({"service-provider": "github", "secret": canary, "oauth-tokens": [{"ssh-key": canary, "vcs": "no"}]}),
            json!({"service-provider": "github", "name": "n", "private_key": canary}),
        ] {
            let error = refused("clients", broken.clone());
            assert!(
                !error.contains("CANARY") || broken["name"] == canary,
                "{error}"
            );
            assert!(error.contains("clients[1]"), "{error}");
        }
    }

    #[test]
    fn timestamps_are_utc_as_tfe_writes_them() {
        for good in ["2025-01-31T09:00:00Z", "2025-01-31T09:00:00.771Z"] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "2025-01-31",
            "2025-01-31T09:00:00",
            "2025-01-31T09:00:00+01:00",
            "2025-01-31T09:00:00.Z",
            "",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
