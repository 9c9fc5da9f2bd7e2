//! `client delete` and `token delete` against a mock TFE (SPEC §3): the usage walk over every
//! kind before anything is asked, the prompt naming what uses the connection, `--yes`
//! refusing a connection in use unless `--force`, the counts of what lost its connection,
//! `--dry-run` walking and sending nothing, an id that does not exist.

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::json;

use super::mock::*;
use crate::common::*;

const CLIENT: &str = "oc-XKFwG6ggfA9n7t1K";
const CLIENT_PATH: &str = "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K";
const SET: &str = "polset-3yVQZvHzf5j3WRJ1";

/// A client whose one token (FROM) a policy set and a module use, and no workspace: what
/// TFE's own count (`show_affected_workspaces`) calls unused.
fn client_used_by_a_policy_set_and_a_module(server: &mut ServerGuard) -> Org {
    let mut org = Org::default()
        .policy_sets(&[policy_set(SET, "guards", FROM)])
        .modules(&[module("mod-0000000000000001", "vpc", "aws", FROM)])
        .mock(server);
    let client = client_resource(CLIENT, Some("github-old"), Some(FROM));
    org.mocks.push(get(server, CLIENT_PATH, &client));
    org
}

fn delete_mock(server: &mut ServerGuard, path: &str, times: usize) -> Mock {
    server
        .mock("DELETE", path)
        .match_query(Matcher::Missing)
        .with_status(204)
        .expect(times)
        .create()
}

/// `client delete CLIENT` at a terminal, answering its question with `answer`.
#[cfg(unix)]
fn answer_the_question(server: &ServerGuard, answer: &[u8]) -> (Option<i32>, String) {
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    cmd.args(["client", "delete", CLIENT]);
    answer_on_terminal(cmd, "Delete OAuth client", answer)
}

#[test]
fn yes_refuses_a_client_that_a_policy_set_and_a_module_use() {
    let mut server = Server::new();
    let org = client_used_by_a_policy_set_and_a_module(&mut server);
    let delete = delete_mock(&mut server, CLIENT_PATH, 0);
    let run = run(&server.url(), &["client", "delete", CLIENT, "--yes"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to delete OAuth client {CLIENT}: 1 policy set, 1 module still use it\n\
             hint: see them with `tfvcs client usage {CLIENT}`\n\
             hint: relink them first (tfvcs token relink), or pass --force too to delete it anyway: they lose their connection\n"
        )
    );
    org.assert();
    delete.assert();
}

/// One resource "uses" it; the question leaves it without "its" connection.
#[cfg(unix)]
#[test]
fn one_resource_in_use_is_said_in_the_singular() {
    let mut server = Server::new();
    let mut org = Org::default()
        .workspaces(&[workspace("ws-AbCdEf0123456789", "prod", FROM, "main")])
        .mock(&mut server);
    let client = client_resource(CLIENT, Some("github-old"), Some(FROM));
    org.mocks.push(get(&mut server, CLIENT_PATH, &client));
    let delete = delete_mock(&mut server, CLIENT_PATH, 0);
    let refused = run(&server.url(), &["client", "delete", CLIENT, "--yes"]);
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert_eq!(
        refused.stderr,
        format!(
            "error: refusing to delete OAuth client {CLIENT}: 1 workspace still uses it\n\
             hint: see it with `tfvcs client usage {CLIENT}`\n\
             hint: relink it first (tfvcs token relink), or pass --force too to delete it anyway: it loses its connection\n"
        )
    );
    let (code, seen) = answer_the_question(&server, b"n");
    assert_eq!(code, Some(1), "{seen}");
    assert!(
        seen.contains(&format!(
            "Delete OAuth client {CLIENT}, leaving 1 workspace without its connection?"
        )),
        "{seen}"
    );
    delete.assert();
}

#[test]
fn yes_and_force_delete_it_and_count_what_lost_its_connection() {
    let mut server = Server::new();
    let org = client_used_by_a_policy_set_and_a_module(&mut server);
    let delete = delete_mock(&mut server, CLIENT_PATH, 1);
    let run = run(
        &server.url(),
        &["client", "delete", CLIENT, "--yes", "--force", "-o", "id"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, format!("{CLIENT}\n"));
    assert_eq!(
        run.stderr,
        format!("deleted OAuth client {CLIENT}\nlost their connection: 1 policy set, 1 module\n")
    );
    org.assert();
    delete.assert();
}

#[test]
fn force_needs_yes() {
    let run = run(
        "http://127.0.0.1:9",
        &["client", "delete", CLIENT, "--force"],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
}

#[test]
fn a_dry_run_walks_names_what_uses_it_and_sends_nothing() {
    let mut server = Server::new();
    let org = client_used_by_a_policy_set_and_a_module(&mut server);
    let delete = delete_mock(&mut server, CLIENT_PATH, 0);
    let run = run(&server.url(), &["client", "delete", CLIENT, "--dry-run"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("DELETE {}{CLIENT_PATH}\n", server.url())
    );
    assert!(
        run.stderr.starts_with(&format!(
            "OAuth client {CLIENT}: github-old (GitHub)\nUsed by 1 policy set, 1 module:\nKIND"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(SET) && run.stderr.contains("mod-0000000000000001"));
    org.assert();
    delete.assert();
}

#[cfg(unix)]
#[test]
fn at_a_terminal_the_prompt_names_what_uses_it_and_declining_deletes_nothing() {
    let mut server = Server::new();
    let org = client_used_by_a_policy_set_and_a_module(&mut server);
    let delete = delete_mock(&mut server, CLIENT_PATH, 0);
    let (code, seen) = answer_the_question(&server, b"n");
    assert_eq!(code, Some(1), "{seen}");
    assert!(seen.contains("Used by 1 policy set, 1 module:"), "{seen}");
    assert!(
        seen.contains("policy-set") && seen.contains("guards"),
        "{seen}"
    );
    assert!(seen.contains("my-organization/vpc/aws"), "{seen}");
    assert!(
        seen.contains(&format!(
            "Delete OAuth client {CLIENT}, leaving 1 policy set, 1 module without their connection?"
        )),
        "{seen}"
    );
    // Declining is an answer, not an error (SPEC §3).
    assert!(seen.contains("declined: nothing was deleted\n"), "{seen}");
    assert!(!seen.contains("error:"), "{seen}");
    org.assert();
    delete.assert();
}

/// Ctrl-C at the y/N question: the cursor the question hid is shown again, one line says
/// nothing was deleted, exit 130, and no DELETE is sent.
#[cfg(unix)]
#[test]
fn ctrl_c_at_the_confirmation_restores_the_cursor_and_deletes_nothing() {
    let mut server = Server::new();
    let org = client_used_by_a_policy_set_and_a_module(&mut server);
    let delete = delete_mock(&mut server, CLIENT_PATH, 0);
    let (code, seen) = answer_the_question(&server, b"\x03");
    assert_eq!(code, Some(130), "{seen:?}");
    let hidden = seen
        .rfind("\x1b[?25l")
        .expect("the question hides the cursor");
    assert!(
        seen[hidden..].contains("\x1b[?25h"),
        "the cursor is shown again: {seen:?}"
    );
    assert!(
        seen.ends_with("\ninterrupted; nothing was sent\n"),
        "{seen:?}"
    );
    org.assert();
    delete.assert();
}

#[test]
fn a_token_nothing_uses_is_deleted_with_yes() {
    let mut server = Server::new();
    let mut token = fixture("token_show_response.json")["data"].clone();
    token["id"] = json!(FROM);
    let org = unused(&mut server, &format!("/api/v2/oauth-tokens/{FROM}"), &token);
    let delete = delete_mock(&mut server, &format!("/api/v2/oauth-tokens/{FROM}"), 1);
    let run = run(&server.url(), &["token", "delete", FROM, "--yes"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, format!("deleted OAuth token {FROM}\n"));
    org.assert();
    delete.assert();
}

/// SPEC §10: the id is read first; one that does not exist is exit 3 in its own words, and
/// nothing is walked or deleted.
#[test]
fn deleting_an_id_that_does_not_exist_is_exit_3_before_any_walk() {
    for (args, path, what) in [
        (
            ["token", "delete", FROM, "--yes"],
            format!("/api/v2/oauth-tokens/{FROM}"),
            format!("OAuth token {FROM}"),
        ),
        (
            ["client", "delete", CLIENT, "--yes"],
            CLIENT_PATH.to_string(),
            format!("OAuth client {CLIENT}"),
        ),
    ] {
        let mut server = Server::new();
        let read = gone(&mut server, &path);
        let nothing_else = [
            server
                .mock("GET", Matcher::Regex("/organizations/".into()))
                .expect(0)
                .create(),
            server.mock("DELETE", Matcher::Any).expect(0).create(),
        ];
        let run = run(&server.url(), &args);
        assert_eq!(run.code, Some(3), "{}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!("error: no {what}\n")),
            "{}",
            run.stderr
        );
        read.assert();
        nothing_else.iter().for_each(Mock::assert);
    }
}

#[test]
fn yes_refuses_a_token_that_only_a_stack_uses() {
    let mut server = Server::new();
    let org = Org::default()
        .stacks(&[stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release")])
        .mock(&mut server);
    let token_path = format!("/api/v2/oauth-tokens/{FROM}");
    let delete = delete_mock(&mut server, &token_path, 0);
    let run = run(&server.url(), &["token", "delete", FROM, "--yes"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "error: refusing to delete OAuth token {FROM}: 1 Stack still uses it\n"
        )),
        "{}",
        run.stderr
    );
    org.assert();
    delete.assert();
}
