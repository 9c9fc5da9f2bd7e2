//! `--populate N` (hidden, for benchmarks): N GitHub clients, each with its token and a
//! workspace linked through it, created at start in one transaction.

use super::rows::{Client, Token, VcsRepo, Workspace};
use super::store::Store;
use crate::shared::clock::now_rfc3339;

pub(crate) fn clients_and_workspaces(store: &mut Store, n: usize) -> Result<(), String> {
    let now = now_rfc3339();
    let project = store
        .tables
        .projects
        .iter()
        .next()
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let pat_digest = store.digest("populated");
    for i in 0..n {
        let client_id = store.new_id::<Client>("oc-");
        let uuid = store.rng.uuid();
        store.put(Client {
            id: client_id.clone(),
            name: Some(format!("github-{i}")),
            service_provider: "github".into(),
            http_url: "https://github.com".into(),
            api_url: "https://api.github.com".into(),
            key: None,
            rsa_public_key: None,
            ado_org_name: None,
            organization_scoped: true,
            created_at: now.clone(),
            uuid,
            projects: Vec::new(),
            agent_pool: None,
            secret_digest: None,
            private_key_digest: None,
        });
        let token_id = store.new_id::<Token>("ot-");
        store.put(Token {
            id: token_id.clone(),
            client_id,
            created_at: now.clone(),
            service_provider_user: format!("vcs-user-{i}"),
            pat_digest: pat_digest.clone(),
            ssh_key_digest: None,
            vcs_revoked: false,
        });
        let workspace_id = store.new_id::<Workspace>("ws-");
        store.put(Workspace {
            id: workspace_id,
            name: format!("workspace-{i}"),
            description: None,
            project_id: project.clone(),
            auto_apply: false,
            execution_mode: "remote".into(),
            terraform_version: None,
            working_directory: None,
            vcs_repo: Some(VcsRepo {
                identifier: format!("acme/repo-{i}"),
                display_identifier: format!("acme/repo-{i}"),
                branch: None,
                ingress_submodules: false,
                tags_regex: None,
                oauth_token_id: Some(token_id),
                github_app_installation_id: None,
            }),
            created_at: now.clone(),
            updated_at: now.clone(),
        });
    }
    store.commit()
}
