//! `tfvcs client …`: list, show, update, set-pat, add/remove projects and delete OAuth
//! clients (create lives in `client_create.rs`), and resolving a client given by name.

use serde_json::{Map, Value, json};

use super::{Context, check_id, client_create};
use crate::api::client::{ApiRequest, Method, segment};
use crate::api::model::{ClientView, identifier, primary, project_list_body};
use crate::cli::{ClientCommand, DeleteArgs, ProjectsArgs, SetPatArgs, UpdateArgs};
use crate::error::{Exit, Fail, Result};
use crate::output::note;
use crate::{prompt, secret};

pub fn run(ctx: &Context, command: ClientCommand) -> Result<()> {
    match command {
        ClientCommand::List => list(ctx),
        ClientCommand::Show(args) => show(ctx, &args.client),
        ClientCommand::Create(args) => client_create::create(ctx, args),
        ClientCommand::Update(args) => update(ctx, args),
        ClientCommand::SetPat(args) => set_pat(ctx, args),
        ClientCommand::AddProjects(args) => change_projects(ctx, args, Method::Post),
        ClientCommand::RemoveProjects(args) => change_projects(ctx, args, Method::Delete),
        ClientCommand::Delete(args) => delete(ctx, args),
    }
}

fn clients_path(org: &str) -> String {
    format!("/organizations/{}/oauth-clients", segment(org))
}

fn client_path(id: &str) -> String {
    format!("/oauth-clients/{}", segment(id))
}

/// An `oc-…` id as given, or the id of the one client of `--org` with that name.
pub fn resolve_client(ctx: &Context, reference: &str) -> Result<String> {
    if reference.starts_with("oc-") {
        check_id(reference, "oc-", "an OAuth client")?;
        return Ok(reference.to_string());
    }
    let org = ctx.config.require_org().map_err(|f| {
        Fail::usage(format!(
            "{reference:?} is not an oc-… id, and naming a client needs an organization"
        ))
        .hint(f.hints.join("; "))
    })?;
    let all = ctx.api()?.list_all(&clients_path(org), &[])?;
    let matches: Vec<ClientView> = all
        .data
        .iter()
        .map(ClientView::from_resource)
        .filter(|c| c.name.as_deref() == Some(reference))
        .collect();
    match matches.as_slice() {
        [only] => Ok(only.id.clone()),
        [] => Err(Fail::new(
            Exit::NotFound,
            format!("no OAuth client named {reference:?} in organization {org}"),
        )
        .hint(format!(
            "run `tfvcs --org {org} client list` to see the names"
        ))),
        several => Err(Fail::usage(format!(
            "{} OAuth clients are named {reference:?} in organization {org}: {}",
            several.len(),
            several
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("give the oc-… id instead")),
    }
}

fn list(ctx: &Context) -> Result<()> {
    let org = ctx.config.require_org()?;
    let clients = ctx
        .api()?
        .list_all(&clients_path(org), &[("include", "oauth_tokens")])?;
    ctx.out
        .clients(&clients, &format!("no OAuth clients in organization {org}"))
}

fn show(ctx: &Context, reference: &str) -> Result<()> {
    let id = resolve_client(ctx, reference)?;
    let request = ApiRequest::new(Method::Get, client_path(&id)).query("include", "oauth_tokens");
    let doc = ctx.api()?.document(&request)?;
    ctx.out.client(&doc)
}

/// `{"data": {"type": "oauth-clients", "attributes": …, "relationships": …}}`, leaving out
/// empty parts.
pub fn client_document(attributes: Map<String, Value>, relationships: Map<String, Value>) -> Value {
    let mut data = Map::new();
    data.insert("type".into(), json!("oauth-clients"));
    if !attributes.is_empty() {
        data.insert("attributes".into(), Value::Object(attributes));
    }
    if !relationships.is_empty() {
        data.insert("relationships".into(), Value::Object(relationships));
    }
    json!({ "data": data })
}

/// Checks project and agent pool ids before they go into a body.
pub fn check_project_ids(projects: &[String]) -> Result<()> {
    projects
        .iter()
        .try_for_each(|p| check_id(p, "prj-", "a project"))
}

fn update(ctx: &Context, args: UpdateArgs) -> Result<()> {
    secret::check_single_stdin(&[
        ("--secret-file", args.secret_file.as_deref()),
        ("--rsa-public-key-file", args.rsa_public_key_file.as_deref()),
    ])?;
    check_project_ids(&args.projects)?;
    if let Some(pool) = args.agent_pool.as_deref().filter(|p| *p != "none") {
        check_id(pool, "apool-", "an agent pool")?;
    }
    let mut attributes = Map::new();
    if let Some(name) = &args.name {
        attributes.insert("name".into(), json!(name));
    }
    if let Some(key) = &args.key {
        attributes.insert("key".into(), json!(key));
    }
    if let Some(path) = &args.secret_file {
        attributes.insert(
            "secret".into(),
            json!(secret::read_secret_file(path, "--secret-file")?.expose()),
        );
    }
    if let Some(path) = &args.rsa_public_key_file {
        let key = secret::read_secret_file(path, "--rsa-public-key-file")?;
        attributes.insert("rsa-public-key".into(), json!(key.expose()));
    }
    if let Some(scoped) = args.org_scoped {
        attributes.insert("organization-scoped".into(), json!(scoped));
    }
    let mut relationships = Map::new();
    if !args.projects.is_empty() || args.clear_projects {
        let ids: Vec<Value> = args
            .projects
            .iter()
            .map(|p| identifier("projects", p))
            .collect();
        relationships.insert("projects".into(), json!({ "data": ids }));
    }
    if let Some(pool) = &args.agent_pool {
        let data = if pool == "none" {
            Value::Null
        } else {
            identifier("agent-pools", pool)
        };
        relationships.insert("agent-pool".into(), json!({ "data": data }));
    }
    if attributes.is_empty() && relationships.is_empty() {
        return Err(
            Fail::usage("nothing to update: give at least one option").hint(
                "see `tfvcs client update --help`; to rotate the PAT use `tfvcs client set-pat`",
            ),
        );
    }
    let id = resolve_client(ctx, &args.client)?;
    let request = ApiRequest::new(Method::Patch, client_path(&id))
        .body(client_document(attributes, relationships));
    if let Some(doc) = ctx.write_document(&request, args.dry_run)? {
        ctx.out.client(&doc)?;
    }
    Ok(())
}

fn set_pat(ctx: &Context, args: SetPatArgs) -> Result<()> {
    let pat = match secret::pat_from_file(args.pat_file.as_deref())? {
        Some(pat) => pat,
        None => {
            secret::pat_from_env_or_prompt(ctx.config.no_input)?.ok_or_else(secret::missing_pat)?
        }
    };
    let id = resolve_client(ctx, &args.client)?;
    let mut attributes = Map::new();
    attributes.insert("oauth-token-string".into(), json!(pat.expose()));
    let request = ApiRequest::new(Method::Patch, client_path(&id))
        .body(client_document(attributes, Map::new()));
    if let Some(doc) = ctx.write_document(&request, args.dry_run)? {
        ctx.out.client(&doc)?;
        note(&format!("replaced the personal access token of {id}"));
    }
    Ok(())
}

fn change_projects(ctx: &Context, args: ProjectsArgs, method: Method) -> Result<()> {
    check_project_ids(&args.projects)?;
    let id = resolve_client(ctx, &args.client)?;
    let path = format!("{}/relationships/projects", client_path(&id));
    let request = ApiRequest::new(method, path).body(project_list_body(&args.projects));
    if ctx.send_or_print(&request, args.dry_run)?.is_some() {
        let (verb, prep) = if method == Method::Post {
            ("added", "to")
        } else {
            ("removed", "from")
        };
        note(&format!("{verb} {} {prep} {id}", args.projects.join(", ")));
        if ctx.out.format == crate::cli::OutputFormat::Id {
            crate::output::write_stdout(&format!("{id}\n"))?;
        }
    }
    Ok(())
}

/// Refuses, before anything is sent, a delete that neither `--yes`, `--dry-run` nor a person
/// at a terminal can confirm.
pub fn ensure_confirmable(ctx: &Context, yes: bool, dry_run: bool) -> Result<()> {
    if yes || dry_run || prompt::interactive(ctx.config.no_input) {
        return Ok(());
    }
    Err(
        Fail::usage("refusing to delete without confirmation: not running interactively")
            .hint("pass --yes to delete without asking"),
    )
}

/// Shows what goes, then asks a one-line question (default no); declining is exit 1 with
/// nothing deleted.
pub fn ask_delete(details: &str, question: &str) -> Result<()> {
    note(details);
    if prompt::confirm(question)? {
        Ok(())
    } else {
        Err(Fail::other("not deleted: declined"))
    }
}

fn delete(ctx: &Context, args: DeleteArgs) -> Result<()> {
    ensure_confirmable(ctx, args.yes, args.dry_run)?;
    let id = resolve_client(ctx, &args.client)?;
    let request = ApiRequest::new(Method::Delete, client_path(&id));
    if args.dry_run {
        return ctx.send_or_print(&request, true).map(|_| ());
    }
    if !args.yes {
        let show = ApiRequest::new(Method::Get, client_path(&id))
            .query("show_affected_workspaces", "true");
        let doc = ctx.api()?.document(&show)?;
        let client = ClientView::from_resource(primary(&doc));
        ask_delete(
            &describe_client_for_delete(&client),
            &format!("Delete OAuth client {id}?"),
        )?;
    }
    ctx.send_or_print(&request, false)?;
    ctx.out.deleted(&id, "OAuth client")
}

fn describe_client_for_delete(c: &ClientView) -> String {
    let mut text = format!(
        "OAuth client {}: {} ({})",
        c.id,
        c.name.as_deref().unwrap_or("unnamed"),
        c.provider_display_name
            .as_deref()
            .or(c.provider.as_deref())
            .unwrap_or("unknown provider"),
    );
    match (&c.affected_workspaces, c.affected_workspaces_count) {
        (Some(names), count) if !names.is_empty() => {
            let count = count.unwrap_or(names.len() as u64);
            text.push_str(&format!(
                "\n{count} workspace(s) will be unlinked from their repositories: {}",
                names.join(", ")
            ));
            if count > names.len() as u64 {
                text.push_str(&format!(" and {} more", count - names.len() as u64));
            }
        }
        (_, Some(0)) | (Some(_), None) => text.push_str("\nNo workspace uses it."),
        _ => text.push_str("\nWorkspaces using it will be unlinked from their repositories."),
    }
    text
}
