//! `tfvcs auth status`: the facts (never the token) and the one check request.

use crate::common::*;
use mockito::Server;
use predicates::prelude::*;
use predicates::str::contains;

fn account(server: &mut mockito::ServerGuard, status: usize, body: &str) -> mockito::Mock {
    server
        .mock("GET", "/api/v2/account/details")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create()
}

#[test]
fn a_user_token_shows_the_user_and_where_the_token_came_from() {
    let mut server = Server::new();
    let mock = account(
        &mut server,
        200,
        r#"{"data":{"id":"user-1","type":"users","attributes":{"username":"admin","is-service-account":false}}}"#,
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let host = server.host_with_port();
    cmd.args(["auth", "status"])
        .assert()
        .success()
        .stdout(format!(
            "Host          {host}\n\
         API URL       http://{host}/api/v2\n\
         Organization  my-organization\n\
         Token from    the environment variable TFE_TOKEN\n\
         Token         valid: user admin\n"
        ));
    mock.assert();
}

#[test]
fn a_team_token_is_reported_as_such() {
    let mut server = Server::new();
    account(
        &mut server,
        200,
        r#"{"data":{"type":"users","attributes":{"username":"api-team_123","is-service-account":true}}}"#,
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["auth", "status"])
        .assert()
        .success()
        .stdout(contains("valid: a team token (api-team_123)"));
}

#[test]
fn a_404_on_account_details_means_a_team_or_organization_token_not_a_failure() {
    let mut server = Server::new();
    account(
        &mut server,
        404,
        r#"{"errors":[{"status":"404","title":"not found"}]}"#,
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["auth", "status", "-o", "json"])
        .assert()
        .success()
        .stdout(contains(r#""token_kind": "team-or-organization""#))
        .stdout(contains(
            r#""token_source": "the environment variable TFE_TOKEN""#,
        ));
}

#[test]
fn a_rejected_token_exits_4_after_showing_where_it_came_from() {
    let mut server = Server::new();
    account(
        &mut server,
        401,
        r#"{"errors":[{"status":"401","title":"unauthorized"}]}"#,
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["auth", "status"])
        .assert()
        .code(4)
        .stdout(contains("Token from    the environment variable TFE_TOKEN"))
        .stdout(contains("not usable"))
        .stdout(contains(TOKEN).not())
        .stderr(contains(TOKEN).not());
}

#[test]
fn the_credentials_file_is_named_as_the_source() {
    let mut server = Server::new();
    account(
        &mut server,
        200,
        r#"{"data":{"type":"users","attributes":{"username":"admin"}}}"#,
    );
    let host = server.host_with_port();
    let env = TestEnv::server(&server.url());
    let home = env.home();
    let mut cmd = env.command();
    std::fs::create_dir_all(home.path().join(".terraform.d")).unwrap();
    let file = home.file(
        ".terraform.d/credentials.tfrc.json",
        &format!(r#"{{"credentials":{{"{host}":{{"token":"{TOKEN}"}}}}}}"#),
    );
    cmd.env_remove("TFE_TOKEN")
        .args(["auth", "status"])
        .assert()
        .success()
        .stdout(contains(format!(
            "Token from    the file {}\n",
            file.display()
        )));
}

#[test]
fn output_id_is_a_usage_error_and_sends_nothing() {
    let mut server = Server::new();
    let mock = server.mock("GET", mockito::Matcher::Any).expect(0).create();
    for args in [
        &["auth", "status", "-o", "id"][..],
        &["-o", "id", "auth", "status"],
    ] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("has no id to print"))
            .stderr(contains("-o json"));
    }
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_OUTPUT", "id")
        .args(["auth", "status"])
        .assert()
        .code(2);
    mock.assert();
}
