//! `github-app list` and `github-app show`: the documented samples as tables, ids and JSON, and
//! the hint on who can see installations.

use mockito::{Matcher, Server};

use super::mock::*;
use crate::common::*;

#[test]
fn list_shows_the_installations_of_the_tokens_user() {
    let mut server = Server::new();
    let body = fixture("github_app_installations_response.json");
    let mock = server
        .mock("GET", "/api/v2/github-app/installations")
        .match_query(Matcher::Exact(page_query("", 1)))
        .with_body(body.to_string())
        .expect(2)
        .create();
    let out = run(&server.url(), &["github-app", "list"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "\
ID                      NAME      INSTALLATION ID  TYPE  URL
ghain-BYrbNeGQ8nAzKouu  octouser  54810170         User  https://github.com/settings/installations/54810170
"
    );
    let out = run(&server.url(), &["github-app", "list", "-o", "id"]);
    assert_eq!(out.stdout, format!("{APP}\n"));
    mock.assert();
}

#[test]
fn an_empty_list_or_a_refusal_hints_at_user_tokens() {
    let mut server = Server::new();
    let _empty = server
        .mock("GET", "/api/v2/github-app/installations")
        .match_query(Matcher::Any)
        .with_body(r#"{"data": []}"#)
        .create();
    let out = run(&server.url(), &["github-app", "list"]);
    assert!(out.code == Some(0));
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("hint: GitHub App installations are visible only to a user API token whose user has linked a GitHub account"),
        "{}",
        out.stderr
    );

    let mut server = Server::new();
    let _refused = server
        .mock("GET", "/api/v2/github-app/installations")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(r#"{"errors":[{"status":"403","title":"forbidden"}]}"#)
        .create();
    let out = run(&server.url(), &["github-app", "list"]);
    assert_eq!(out.code, Some(4));
    assert!(out.stderr.contains("visible only to a user API token"));
}

#[test]
fn show_is_a_two_column_table_and_json_is_the_document() {
    let mut server = Server::new();
    let body = fixture("github_app_installation_response.json");
    let _show = server
        .mock(
            "GET",
            "/api/v2/github-app/installation/ghain-R4xmKTaxnhLFioUq",
        )
        .with_body(body.to_string())
        .create();
    let out = run(
        &server.url(),
        &["github-app", "show", "ghain-R4xmKTaxnhLFioUq"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "\
ID               ghain-R4xmKTaxnhLFioUq
Name             octouser
Installation ID  54810170
Type             User
URL              https://github.com/settings/installations/54810170
"
    );
    let out = run(
        &server.url(),
        &["github-app", "show", "ghain-R4xmKTaxnhLFioUq", "-o", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc, body);
    let out = run(
        &server.url(),
        &["github-app", "show", "ot-hmAyP66qk2AMVdbJ"],
    );
    assert_eq!(out.code, Some(2));
}
