//! A project may be given by name wherever one is taken (SPEC §1): `client create --project`,
//! `client update --project`, `add-projects`, `remove-projects`. A name is resolved with
//! `GET /organizations/:org/projects?filter[names]=NAME`; none → exit 3, several → exit 2,
//! and in both cases the change is not sent.

use crate::common::*;
use mockito::{Matcher, Mock, Server};
use predicates::str::contains;
use serde_json::{Value, json};

const CLIENT_ID: &str = "oc-XKFwG6ggfA9n7t1K";

fn project(id: &str, name: &str) -> Value {
    json!({"id": id, "type": "projects", "attributes": {"name": name}})
}

/// The lookup of `name`, answering `projects`.
fn lookup(server: &mut Server, name: &str, projects: Vec<Value>) -> Mock {
    let count = projects.len() as u64;
    server
        .mock(
            "GET",
            format!("/api/v2/organizations/{ORG}/projects").as_str(),
        )
        .match_query(Matcher::AllOf(vec![Matcher::UrlEncoded(
            "filter[names]".into(),
            name.into(),
        )]))
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_header("content-type", "application/vnd.api+json")
        .with_body(page(projects, 1, 1, count))
        .create()
}

fn relationship_body(ids: &[&str]) -> String {
    json!({"data": ids.iter().map(|id| json!({"type": "projects", "id": id})).collect::<Vec<_>>()})
        .to_string()
}

#[test]
fn add_projects_resolves_names_and_sends_their_ids() {
    let mut server = Server::new();
    let infra = lookup(
        &mut server,
        "infra",
        vec![project("prj-Infra000000000001", "infra")],
    );
    let post = server
        .mock(
            "POST",
            format!("/api/v2/oauth-clients/{CLIENT_ID}/relationships/projects").as_str(),
        )
        .match_body(relationship_body(&["prj-Infra000000000001", "prj-AbCdEf0123456789"]).as_str())
        .with_status(204)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "add-projects",
        CLIENT_ID,
        "infra",
        "prj-AbCdEf0123456789",
    ])
    .assert()
    .success()
    .stderr(contains(
        "added prj-Infra000000000001, prj-AbCdEf0123456789",
    ));
    infra.assert();
    post.assert();
}

#[test]
fn a_name_is_matched_exactly_and_an_id_is_not_looked_up() {
    let mut server = Server::new();
    // The server answers more than the filter asks for; only the exact name counts.
    let lookup = lookup(
        &mut server,
        "Default Project",
        vec![
            project("prj-Other00000000001", "Default Project (old)"),
            project("prj-Default000000001", "Default Project"),
        ],
    );
    let delete = server
        .mock(
            "DELETE",
            format!("/api/v2/oauth-clients/{CLIENT_ID}/relationships/projects").as_str(),
        )
        .match_body(relationship_body(&["prj-Default000000001"]).as_str())
        .with_status(204)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "remove-projects", CLIENT_ID, "Default Project"])
        .assert()
        .success();
    lookup.assert();
    delete.assert();
}

#[test]
fn a_name_matching_no_project_is_exit_3_and_nothing_is_changed() {
    let mut server = Server::new();
    let lookup = lookup(&mut server, "nope", vec![]);
    let write = server.mock("POST", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "add-projects", CLIENT_ID, "nope"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(format!(
            "no project named \"nope\" in organization {ORG}"
        )));
    lookup.assert();
    write.assert();
}

#[test]
fn a_name_matching_several_projects_is_exit_2_listing_their_ids() {
    let mut server = Server::new();
    let lookup = lookup(
        &mut server,
        "infra",
        vec![
            project("prj-Infra000000000001", "infra"),
            project("prj-Infra000000000002", "infra"),
        ],
    );
    let write = server.mock("PATCH", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "update", CLIENT_ID, "--project", "infra"])
        .assert()
        .code(2)
        .stderr(contains("2 projects are named \"infra\""))
        .stderr(contains("prj-Infra000000000001, prj-Infra000000000002"));
    lookup.assert();
    write.assert();
}

#[test]
fn update_sends_the_resolved_ids_as_the_new_set() {
    let mut server = Server::new();
    let lookup = lookup(
        &mut server,
        "web",
        vec![project("prj-Web0000000000001", "web")],
    );
    let patch = server
        .mock(
            "PATCH",
            format!("/api/v2/oauth-clients/{CLIENT_ID}").as_str(),
        )
        .match_body(Matcher::PartialJson(
            json!({"data": {"relationships": {"projects": {
            "data": [{"type": "projects", "id": "prj-Web0000000000001"}]}}}}),
        ))
        .with_header("content-type", "application/vnd.api+json")
        .with_body(json!({"data": client_resource(CLIENT_ID, Some("gh"), None)}).to_string())
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args([
        "client",
        "update",
        CLIENT_ID,
        "--project",
        "web",
        "-o",
        "id",
    ])
    .assert()
    .success()
    .stdout(format!("{CLIENT_ID}\n"));
    lookup.assert();
    patch.assert();
}

#[test]
fn create_dry_run_shows_the_resolved_id() {
    let mut server = Server::new();
    let lookup = lookup(
        &mut server,
        "web",
        vec![project("prj-Web0000000000001", "web")],
    );
    let post = server.mock("POST", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_PAT", "ghp_CANARY_project_names")
        .args([
            "client",
            "create",
            "--provider",
            "github",
            "--org-scoped",
            "false",
            "--project",
            "web",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(contains("prj-Web0000000000001"))
        .stdout(contains("CANARY").not());
    lookup.assert();
    post.assert();
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn a_malformed_id_or_an_empty_name_is_refused_before_anything_is_sent() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    for project in ["prj-bad/../x", ""] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args(["client", "add-projects", CLIENT_ID, project])
            .assert()
            .code(2);
    }
    any.assert();
}

#[test]
fn a_name_needs_an_organization() {
    let env = TestEnv::bare();
    let mut cmd = env.command();
    cmd.env("TFE_TOKEN", TOKEN)
        .env("TFE_HOSTNAME", "http://127.0.0.1:9")
        .args(["client", "add-projects", CLIENT_ID, "infra"])
        .assert()
        .code(2)
        .stderr(contains("naming a project needs an organization"));
}

#[test]
fn against_the_sandbox_the_default_project_is_found_by_name() {
    let sandbox = Sandbox::start(&[]);
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    let out = cmd
        .args([
            "client",
            "create",
            "--provider",
            "github",
            "--pat-file",
            "-",
            "-o",
            "id",
        ])
        .write_stdin("ghp_sandbox_pat\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let client = stdout_of(&out).trim().to_string();
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    cmd.args(["client", "add-projects", &client, "Default Project"])
        .assert()
        .success();
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    let shown = cmd
        .args(["client", "show", &client, "-o", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&shown.stdout).unwrap();
    let projects = &doc["data"]["relationships"]["projects"]["data"];
    assert_eq!(projects.as_array().map(Vec::len), Some(1), "{doc}");
    assert!(projects[0]["id"].as_str().unwrap().starts_with("prj-"));
    let env = TestEnv::sandbox(&sandbox);
    let mut cmd = env.command();
    cmd.args(["client", "add-projects", &client, "No Such Project"])
        .assert()
        .code(3);
}
