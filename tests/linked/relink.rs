//! `token relink`: the target checks, the plan and its confirmation, the exact PATCH per kind
//! for both target kinds, answer checks, partial failures and re-runs.

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};

use super::mock::*;
use crate::common::*;

pub const FROM_CLIENT: &str = "oc-XKFwG6ggfA9n7t1K";
pub const TO_CLIENT: &str = "oc-WMipGbuW8q7xCRmJ";

fn token(id: &str, client: &str) -> Value {
    let mut token = fixture("token_show_response.json")["data"].clone();
    token["id"] = json!(id);
    token["relationships"]["oauth-client"]["data"]["id"] = json!(client);
    token
}

fn client(id: &str, provider: &str, org: &str) -> Value {
    let mut client = client_resource(id, None, None);
    client["attributes"]["service-provider"] = json!(provider);
    client["relationships"]["organization"]["data"]["id"] = json!(org);
    client
}

/// GET of a token and of its client, each expected once.
pub fn token_side(
    server: &mut ServerGuard,
    token_id: &str,
    client_id: &str,
    provider: &str,
    org: &str,
) -> Vec<Mock> {
    vec![
        get(
            server,
            &format!("/api/v2/oauth-tokens/{token_id}"),
            &token(token_id, client_id),
        ),
        get(
            server,
            &format!("/api/v2/oauth-clients/{client_id}"),
            &client(client_id, provider, org),
        ),
    ]
}

/// The target checks for an OAuth token target, both on GitHub, in the organization.
pub fn token_checks(server: &mut ServerGuard) -> Vec<Mock> {
    let mut mocks = token_side(server, TO, TO_CLIENT, "github", ORG);
    mocks.extend(token_side(server, FROM, FROM_CLIENT, "github", ORG));
    mocks
}

/// The target checks for a GitHub App target: the installation, FROM's side, the account.
fn app_checks(server: &mut ServerGuard, provider: &str, service_account: bool) -> Vec<Mock> {
    let installation = fixture("github_app_installation_response.json");
    let mut mocks = vec![get(
        server,
        &format!("/api/v2/github-app/installation/{APP}"),
        &installation["data"],
    )];
    mocks.extend(token_side(server, FROM, FROM_CLIENT, provider, ORG));
    mocks.push(get(
        server,
        "/api/v2/account/details",
        &json!({"id": "user-V3R563qtJNcExAkN", "type": "users",
                "attributes": {"username": "admin", "is-service-account": service_account}}),
    ));
    mocks
}

/// `resource` as the server answers after a relink to `to`.
pub fn relinked(resource: &Value, to: &str) -> Value {
    let mut answer = resource.clone();
    let module = answer["type"] == "registry-modules";
    let repo = &mut answer["attributes"]["vcs-repo"];
    if to.starts_with("ghain-") {
        // As TFE answers: a module names only the connection in use.
        if module {
            repo.as_object_mut().unwrap().remove("oauth-token-id");
        } else {
            repo["oauth-token-id"] = Value::Null;
        }
        repo["github-app-installation-id"] = json!(to);
    } else {
        repo["oauth-token-id"] = json!(to);
    }
    answer
}

/// A PATCH of `path` that must carry exactly `vcs_repo` in a `kind` document.
pub fn patch(server: &mut ServerGuard, path: &str, kind: &str, vcs_repo: Value) -> mockito::Mock {
    server
        .mock("PATCH", path)
        .match_header("content-type", "application/vnd.api+json")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_body(Matcher::Json(
            json!({"data": {"type": kind, "attributes": {"vcs-repo": vcs_repo}}}),
        ))
}

pub fn answered(mock: mockito::Mock, answer: &Value) -> Mock {
    mock.with_status(200)
        .with_body(json!({ "data": answer }).to_string())
        .expect(1)
        .create()
}

pub fn ws_path(id: &str) -> String {
    format!("/api/v2/workspaces/{id}")
}

/// A PATCH of `path` whose body must be exactly `body`, byte for byte, answered `answer`.
fn exact_patch(server: &mut ServerGuard, path: &str, body: &str, answer: &Value) -> Mock {
    server
        .mock("PATCH", path)
        .match_header("content-type", "application/vnd.api+json")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_body(Matcher::Exact(body.to_string()))
        .with_status(200)
        .with_body(json!({ "data": answer }).to_string())
        .expect(1)
        .create()
}

#[test]
fn relinks_each_kind_with_its_own_patch_to_a_token() {
    let mut server = Server::new();
    let checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let mut tagged = workspace("ws-6jrRyVDv1J8zQMB5", "web", FROM, "release");
    tagged["attributes"]["vcs-repo"]["tags-regex"] = json!(r"^v\d+\.\d+$");
    tagged["attributes"]["vcs-repo"]["ingress-submodules"] = json!(true);
    let untouched = workspace("ws-2HRvNs49EWPjDqT1", "other", OTHER, "main");
    let set = policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM);
    let aurora = module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM);
    let mut platform = stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release");
    platform["attributes"]["vcs-repo"]["tags-regex"] = json!(r"^v\d+$");
    let edge = stack("st-Qp1L2hqY3aPa8Wmn", "edge", FROM, "");
    let org = Org::default()
        .workspaces(&[ws.clone(), untouched.clone(), tagged.clone()])
        .policy_sets(std::slice::from_ref(&set))
        .modules(std::slice::from_ref(&aurora))
        .stacks(&[platform.clone(), edge.clone()])
        .mock(&mut server);
    let patches = [
        exact_patch(
            &mut server,
            &ws_path("ws-KTuq99JSzgmDSvYj"),
            r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"example/terraform-test-proj","branch":"","ingress-submodules":false,"oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&ws, TO),
        ),
        exact_patch(
            &mut server,
            &ws_path("ws-6jrRyVDv1J8zQMB5"),
            r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"example/terraform-test-proj","branch":"release","ingress-submodules":true,"tags-regex":"^v\\d+\\.\\d+$","oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&tagged, TO),
        ),
        exact_patch(
            &mut server,
            "/api/v2/policy-sets/polset-3yVQZvHzf5j3WRJ1",
            r#"{"data":{"type":"policy-sets","attributes":{"vcs-repo":{"identifier":"hashicorp/my-policy-sets","branch":"master","ingress-submodules":false,"oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&set, TO),
        ),
        exact_patch(
            &mut server,
            &module_path("aurora", "aws"),
            r#"{"data":{"type":"registry-modules","attributes":{"vcs-repo":{"identifier":"lafentres/terraform-aws-aurora","oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&aurora, TO),
        ),
        // A Stack's branch is always sent (left out, it falls back to the default branch),
        // an empty one too; its tags-regex when set.
        exact_patch(
            &mut server,
            "/api/v2/stacks/st-kJcSJemafdBCPw3B",
            r#"{"data":{"type":"stacks","attributes":{"vcs-repo":{"identifier":"acme/platform","branch":"release","tags-regex":"^v\\d+$","oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&platform, TO),
        ),
        exact_patch(
            &mut server,
            "/api/v2/stacks/st-Qp1L2hqY3aPa8Wmn",
            r#"{"data":{"type":"stacks","attributes":{"vcs-repo":{"identifier":"acme/platform","branch":"","oauth-token-id":"ot-29t7xkUKiNC2XasL"}}}}"#,
            &relinked(&edge, TO),
        ),
    ];
    let other = server
        .mock("PATCH", ws_path("ws-2HRvNs49EWPjDqT1").as_str())
        .expect(0)
        .create();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    checks.iter().for_each(Mock::assert);
    org.assert();
    patches.iter().for_each(Mock::assert);
    other.assert();
    assert_eq!(
        out.stdout,
        "\
KIND        NAME                        ID                       RESULT
workspace   workspace-2                 ws-KTuq99JSzgmDSvYj      relinked
workspace   web                         ws-6jrRyVDv1J8zQMB5      relinked
policy-set  production                  polset-3yVQZvHzf5j3WRJ1  relinked
module      my-organization/aurora/aws  mod-PopQnMtYDCcd3PRX     relinked
stack       platform                    st-kJcSJemafdBCPw3B      relinked
stack       edge                        st-Qp1L2hqY3aPa8Wmn      relinked
"
    );
    let err = out.stderr;
    assert!(
        err.ends_with("relinked 6 of 6: 2 workspaces, 1 policy set, 1 module, 2 Stacks\n"),
        "{err}"
    );
}

#[test]
fn relinks_each_kind_to_a_github_app_clearing_the_token() {
    let mut server = Server::new();
    let checks = app_checks(&mut server, "github", false);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "main");
    let set = policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM);
    let mut aurora = module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM);
    aurora["attributes"]["vcs-repo"]["branch"] = json!("main");
    let platform = stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release");
    let org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .policy_sets(std::slice::from_ref(&set))
        .modules(std::slice::from_ref(&aurora))
        .stacks(std::slice::from_ref(&platform))
        .mock(&mut server);
    let mut pending = relinked(&aurora, APP);
    pending["attributes"]["status"] = json!("pending");
    let patches = [
        // Workspaces and policy sets clear the token with null beside the installation.
        exact_patch(
            &mut server,
            &ws_path("ws-KTuq99JSzgmDSvYj"),
            r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"example/terraform-test-proj","branch":"main","ingress-submodules":false,"github-app-installation-id":"ghain-BYrbNeGQ8nAzKouu","oauth-token-id":null}}}}"#,
            &relinked(&ws, APP),
        ),
        exact_patch(
            &mut server,
            "/api/v2/policy-sets/polset-3yVQZvHzf5j3WRJ1",
            r#"{"data":{"type":"policy-sets","attributes":{"vcs-repo":{"identifier":"hashicorp/my-policy-sets","branch":"master","ingress-submodules":false,"github-app-installation-id":"ghain-BYrbNeGQ8nAzKouu","oauth-token-id":null}}}}"#,
            &relinked(&set, APP),
        ),
        // Re-ingested: `pending` is not a failure.
        exact_patch(
            &mut server,
            &module_path("aurora", "aws"),
            r#"{"data":{"type":"registry-modules","attributes":{"vcs-repo":{"identifier":"lafentres/terraform-aws-aurora","branch":"main","github-app-installation-id":"ghain-BYrbNeGQ8nAzKouu"}}}}"#,
            &pending,
        ),
        // Modules and Stacks: no oauth-token-id key (their schemas allow no null there).
        exact_patch(
            &mut server,
            "/api/v2/stacks/st-kJcSJemafdBCPw3B",
            r#"{"data":{"type":"stacks","attributes":{"vcs-repo":{"identifier":"acme/platform","branch":"release","github-app-installation-id":"ghain-BYrbNeGQ8nAzKouu"}}}}"#,
            &relinked(&platform, APP),
        ),
    ];
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", APP, "--yes", "-o", "id"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    checks.iter().for_each(Mock::assert);
    org.assert();
    patches.iter().for_each(Mock::assert);
    assert_eq!(
        out.stdout,
        "ws-KTuq99JSzgmDSvYj\npolset-3yVQZvHzf5j3WRJ1\nmod-PopQnMtYDCcd3PRX\nst-kJcSJemafdBCPw3B\n"
    );
}

#[test]
fn the_plan_is_shown_on_stderr_with_the_note_about_runs() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let _org = Org::default()
        .workspaces(&[workspace(
            "ws-KTuq99JSzgmDSvYj",
            "workspace-2",
            FROM,
            "main",
        )])
        .policy_sets(&[policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM)])
        .mock(&mut server);
    let _none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--dry-run"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "\
KIND        NAME         REPOSITORY                   BRANCH  FROM → TO
workspace   workspace-2  example/terraform-test-proj  main    {FROM} → {TO}
policy-set  production   hashicorp/my-policy-sets     master  {FROM} → {TO}
note: TFE may queue a run on each relinked workspace
"
        )
    );
}

#[test]
fn the_plan_names_the_providers_when_they_differ() {
    let mut server = Server::new();
    let mut checks = token_side(&mut server, TO, TO_CLIENT, "github", ORG);
    checks.extend(token_side(
        &mut server,
        FROM,
        FROM_CLIENT,
        "gitlab_hosted",
        ORG,
    ));
    let _org = Org::default()
        .policy_sets(&[policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM)])
        .mock(&mut server);
    let _none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--dry-run"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    let err = out.stderr;
    assert!(
        err.contains(&format!("{FROM} (gitlab_hosted) → {TO} (github)")),
        "{err}"
    );
    assert!(!err.contains("queue a run"), "no workspace, no note: {err}");
}

#[test]
fn dry_run_prints_every_patch_and_sends_none() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let _org = Org::default()
        .workspaces(&[workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "")])
        .modules(&[module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM)])
        .mock(&mut server);
    let none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--dry-run"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    none.assert();
    let url = server.url();
    assert_eq!(
        out.stdout,
        format!(
            r#"PATCH {url}/api/v2/workspaces/ws-KTuq99JSzgmDSvYj
{{
  "data": {{
    "type": "workspaces",
    "attributes": {{
      "vcs-repo": {{
        "identifier": "example/terraform-test-proj",
        "branch": "",
        "ingress-submodules": false,
        "oauth-token-id": "{TO}"
      }}
    }}
  }}
}}
PATCH {url}/api/v2/organizations/my-organization/registry-modules/private/my-organization/aurora/aws
{{
  "data": {{
    "type": "registry-modules",
    "attributes": {{
      "vcs-repo": {{
        "identifier": "lafentres/terraform-aws-aurora",
        "oauth-token-id": "{TO}"
      }}
    }}
  }}
}}
"#
        )
    );
}

#[test]
fn without_a_terminal_it_needs_yes_and_sends_nothing() {
    refused_before_sending(
        &["token", "relink", FROM, "--to", TO],
        "",
        2,
        "hint: pass --yes to relink without asking",
    );
}

#[test]
fn from_equal_to_to_and_bad_ids_are_refused_before_anything_is_sent() {
    refused_before_sending(
        &["token", "relink", FROM, "--to", FROM, "--yes"],
        "",
        2,
        "same connection",
    );
    refused_before_sending(
        &[
            "token",
            "relink",
            FROM,
            "--to",
            "oc-XKFwG6ggfA9n7t1K",
            "--yes",
        ],
        "",
        2,
        "neither an OAuth token",
    );
    // FROM of another kind than a token or an installation.
    refused_before_sending(
        &[
            "token",
            "relink",
            "oc-XKFwG6ggfA9n7t1K",
            "--to",
            TO,
            "--yes",
        ],
        "",
        2,
        "is not an OAuth token id",
    );
    refused_before_sending(
        &[
            "token",
            "relink",
            FROM,
            "--to",
            TO,
            "--workspace",
            "web",
            "--kind",
            "module",
            "--yes",
        ],
        "",
        2,
        "cannot be combined with another --kind",
    );
}

#[test]
fn a_missing_target_is_exit_3_and_nothing_is_listed_or_patched() {
    for (to, path) in [
        (TO, format!("/api/v2/oauth-tokens/{TO}")),
        (APP, format!("/api/v2/github-app/installation/{APP}")),
    ] {
        // (FROM itself missing is decided after the walk: see the tests below.)
        let mut server = Server::new();
        let missing = gone(&mut server, &path);
        let lists = server
            .mock("GET", Matcher::Regex("/organizations/".into()))
            .expect(0)
            .create();
        let none = no_patch(&mut server);
        let out = run(
            &server.url(),
            &["token", "relink", FROM, "--to", to, "--yes"],
        );
        assert_eq!(out.code, Some(3), "{path}: {}", out.stderr);
        missing.assert();
        lists.assert();
        none.assert();
    }
}

#[test]
fn a_from_that_is_gone_is_relinked_when_resources_still_name_it() {
    for from in [FROM, APP] {
        let mut server = Server::new();
        let to_side = token_side(&mut server, TO, TO_CLIENT, "github", ORG);
        let read_from = if from == APP {
            format!("/api/v2/github-app/installation/{APP}")
        } else {
            format!("/api/v2/oauth-tokens/{FROM}")
        };
        let from_gone = gone(&mut server, &read_from);
        let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", from, "");
        let untouched = workspace("ws-2HRvNs49EWPjDqT1", "other", OTHER, "main");
        let org = Org::default()
            .workspaces(&[ws.clone(), untouched])
            .mock(&mut server);
        let sent = json!({"identifier": "example/terraform-test-proj", "branch": "",
                          "ingress-submodules": false, "oauth-token-id": TO});
        let mut answer = relinked(&ws, TO);
        answer["attributes"]["vcs-repo"]["github-app-installation-id"] = Value::Null;
        let patched = answered(
            patch(
                &mut server,
                &ws_path("ws-KTuq99JSzgmDSvYj"),
                "workspaces",
                sent,
            ),
            &answer,
        );
        let out = run(
            &server.url(),
            &["token", "relink", from, "--to", TO, "--yes"],
        );
        let err = &out.stderr;
        assert_eq!(out.code, Some(0), "{from}: {err}");
        assert!(
            err.contains(&format!(
                "note: {from} no longer exists; 1 resource still names it"
            )),
            "{err}"
        );
        assert!(err.contains(&format!("{from} (gone) → {TO}")), "{err}");
        assert!(err.ends_with("relinked 1 of 1: 1 workspace\n"), "{err}");
        to_side.iter().for_each(Mock::assert);
        from_gone.assert();
        org.assert();
        patched.assert();
    }
}

#[test]
fn a_from_that_is_gone_and_named_by_nothing_is_exit_3_after_the_walk() {
    let mut server = Server::new();
    let _to = token_side(&mut server, TO, TO_CLIENT, "github", ORG);
    let from_gone = gone(&mut server, &format!("/api/v2/oauth-tokens/{FROM}"));
    let other = workspace("ws-2HRvNs49EWPjDqT1", "other", OTHER, "main");
    let org = Org::default().workspaces(&[other]).mock(&mut server);
    let none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert_eq!(out.code, Some(3), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("error: no OAuth token {FROM}\n")),
        "{}",
        out.stderr
    );
    from_gone.assert();
    org.assert();
    none.assert();
}

#[test]
fn a_gone_token_cannot_move_to_a_github_app_its_provider_unknown() {
    let mut server = Server::new();
    let installation = fixture("github_app_installation_response.json");
    let _app = get(
        &mut server,
        &format!("/api/v2/github-app/installation/{APP}"),
        &installation["data"],
    );
    let _from = gone(&mut server, &format!("/api/v2/oauth-tokens/{FROM}"));
    refused_target(&mut server, APP, "no longer exists, so whether --to");
}

/// A target check that fails with exit 2: nothing is listed and nothing patched.
fn refused_target(server: &mut ServerGuard, to: &str, message: &str) {
    let lists = server
        .mock("GET", Matcher::Regex("/organizations/".into()))
        .expect(0)
        .create();
    let none = no_patch(server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", to, "--yes"],
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains(message), "{}", out.stderr);
    lists.assert();
    none.assert();
}

#[test]
fn a_token_of_another_organization_is_refused() {
    let mut server = Server::new();
    let _to = token_side(&mut server, TO, TO_CLIENT, "github", "someone-else");
    refused_target(
        &mut server,
        TO,
        "belongs to organization someone-else, not to organization my-organization",
    );
}

#[test]
fn a_github_app_for_a_gitlab_connection_is_refused() {
    let mut server = Server::new();
    let installation = fixture("github_app_installation_response.json");
    let _app = get(
        &mut server,
        &format!("/api/v2/github-app/installation/{APP}"),
        &installation["data"],
    );
    let _from = token_side(&mut server, FROM, FROM_CLIENT, "gitlab_hosted", ORG);
    refused_target(
        &mut server,
        APP,
        "the connection of the resources is gitlab_hosted",
    );
}

#[test]
fn a_github_app_with_a_team_or_organization_token_is_refused() {
    let mut server = Server::new();
    let _checks = app_checks(&mut server, "github", true);
    refused_target(
        &mut server,
        APP,
        "only a user API token can link repositories",
    );
}

#[test]
fn workspace_narrows_by_name_and_id() {
    let mut server = Server::new();
    let _reads = reads_first(&mut server);
    let _checks = token_checks(&mut server);
    let a = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let b = workspace("ws-6jrRyVDv1J8zQMB5", "web", FROM, "");
    let c = workspace("ws-2HRvNs49EWPjDqT1", "api", FROM, "");
    let ws = list(&mut server, WORKSPACES, &[a.clone(), b.clone(), c]);
    let rereads = [
        reread(&mut server, &ws_path("ws-KTuq99JSzgmDSvYj"), &a),
        reread(&mut server, &ws_path("ws-6jrRyVDv1J8zQMB5"), &b),
    ];
    let others = server
        .mock("GET", Matcher::Regex("policy-sets|registry-modules".into()))
        .expect(0)
        .create();
    let repo = |branch: &str| {
        json!({"identifier": "example/terraform-test-proj", "branch": branch,
               "ingress-submodules": false, "oauth-token-id": TO})
    };
    let pa = answered(
        patch(
            &mut server,
            &ws_path("ws-KTuq99JSzgmDSvYj"),
            "workspaces",
            repo(""),
        ),
        &relinked(&a, TO),
    );
    let pb = answered(
        patch(
            &mut server,
            &ws_path("ws-6jrRyVDv1J8zQMB5"),
            "workspaces",
            repo(""),
        ),
        &relinked(&b, TO),
    );
    let pc = server
        .mock("PATCH", ws_path("ws-2HRvNs49EWPjDqT1").as_str())
        .expect(0)
        .create();
    let out = run(
        &server.url(),
        &[
            "token",
            "relink",
            FROM,
            "--to",
            TO,
            "--yes",
            "--workspace",
            "web",
            "--workspace",
            "ws-KTuq99JSzgmDSvYj",
            "-o",
            "id",
        ],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\nws-6jrRyVDv1J8zQMB5\n");
    ws.iter().chain(&rereads).for_each(Mock::assert);
    others.assert();
    pa.assert();
    pb.assert();
    pc.assert();
}

#[test]
fn a_named_workspace_that_does_not_use_from_is_exit_2_with_nothing_changed() {
    let mut server = Server::new();
    let _reads = reads_first(&mut server);
    let _checks = token_checks(&mut server);
    let _ws = list(
        &mut server,
        WORKSPACES,
        &[
            workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, ""),
            workspace("ws-2HRvNs49EWPjDqT1", "elsewhere", OTHER, ""),
        ],
    );
    let none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &[
            "token",
            "relink",
            FROM,
            "--to",
            TO,
            "--yes",
            "--workspace",
            "workspace-2",
            "--workspace",
            "elsewhere",
        ],
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("workspace \"elsewhere\" does not use {FROM}")),
        "{}",
        out.stderr
    );
    none.assert();
}

#[test]
fn an_answer_whose_branch_changed_fails_and_its_row_says_so() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "main");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    let mut answer = relinked(&ws, TO);
    answer["attributes"]["vcs-repo"]["branch"] = json!("develop");
    let _p = server
        .mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str())
        .with_body(json!({ "data": answer }).to_string())
        .create();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    failed_with(
        &out,
        &["branch changed from main to develop"],
        "relinked 0 of 1",
    );
}

/// Exit 1, a `failed: REASON` row for each reason, and the summary line.
fn failed_with(out: &Run, reasons: &[&str], summary: &str) {
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    for reason in reasons {
        assert!(
            out.stdout.contains(&format!("failed: {reason}")),
            "{reason}: {}",
            out.stdout
        );
    }
    assert!(
        out.stderr.contains(&format!("{summary}\n")),
        "{}",
        out.stderr
    );
}

/// SPEC §10 answer check: a PATCH of ws-A answered with ws-B, and a GitHub App answer that still
/// names the token moved off, are failures whose rows say what was wrong.
#[test]
fn an_answer_for_another_resource_or_still_naming_from_fails() {
    let mut server = Server::new();
    let _checks = app_checks(&mut server, "github", false);
    let a = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "main");
    let b = workspace("ws-6jrRyVDv1J8zQMB5", "web", FROM, "main");
    let _org = Org::default()
        .workspaces(&[a.clone(), b.clone()])
        .mock(&mut server);
    let mut other = relinked(&a, APP);
    other["id"] = json!("ws-2HRvNs49EWPjDqT1");
    let _pa = answered(
        server.mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str()),
        &other,
    );
    let mut both = relinked(&b, APP);
    both["attributes"]["vcs-repo"]["oauth-token-id"] = json!(FROM);
    let _pb = answered(
        server.mock("PATCH", ws_path("ws-6jrRyVDv1J8zQMB5").as_str()),
        &both,
    );
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", APP, "--yes"],
    );
    failed_with(
        &out,
        &[
            "the answer is for ws-2HRvNs49EWPjDqT1, not ws-KTuq99JSzgmDSvYj",
            &format!("the answer still names {FROM}"),
        ],
        "relinked 0 of 2",
    );
}

/// Relinks FROM where the lists (`lists` adds them to the organization) show one resource
/// whose own GET at `path` now answers `now`: it is read again, not patched, and its row says
/// `changed`.
fn read_again_and_not_patched(
    lists: impl FnOnce(Org) -> Org,
    path: &str,
    now: &Value,
    changed: &str,
) {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    // The read is mocked first, so it answers rather than the organization's own reread.
    let read = get(&mut server, path, now);
    let lists = lists(Org::default()).mock(&mut server);
    let none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    failed_with(&out, &[changed], "relinked 0 of 1");
    lists.mocks.iter().for_each(Mock::assert);
    read.assert();
    none.assert();
}

/// SPEC §10 "No lost update", against a server: a workspace whose branch moved after the list
/// was read is not patched.
#[test]
fn a_resource_changed_since_the_list_is_read_again_and_not_patched() {
    let listed = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "main");
    read_again_and_not_patched(
        |org| org.workspaces(&[listed]),
        &ws_path("ws-KTuq99JSzgmDSvYj"),
        &workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "release"),
        r#"changed since the plan: branch is now "release" (was "main")"#,
    );
}

/// The same for a Stack: it is read again at `GET /stacks/:id` right before its PATCH.
#[test]
fn a_stack_changed_since_the_list_is_read_again_and_not_patched() {
    let listed = stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release");
    read_again_and_not_patched(
        |org| org.stacks(&[listed]),
        "/api/v2/stacks/st-kJcSJemafdBCPw3B",
        &stack("st-kJcSJemafdBCPw3B", "platform", FROM, "main"),
        r#"changed since the plan: branch is now "main" (was "release")"#,
    );
}

/// Five workspaces on FROM, the third answered 422.
fn five_with_one_rejected(server: &mut ServerGuard) -> (Vec<Value>, Vec<Mock>) {
    let workspaces: Vec<Value> = (1..=5)
        .map(|i| workspace(&format!("ws-{i:016}"), &format!("ws{i}"), FROM, ""))
        .collect();
    let mocks = workspaces
        .iter()
        .enumerate()
        .map(|(i, ws)| {
            let id = ws["id"].as_str().unwrap();
            let mock = server.mock("PATCH", ws_path(id).as_str());
            if i == 2 {
                mock.with_status(422)
                    .with_body(r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Repository doesn't exist or isn't accessible.","source":{"pointer":"/data/attributes/vcs-repo"}}]}"#)
                    .expect(1)
                    .create()
            } else {
                answered(mock, &relinked(ws, TO))
            }
        })
        .collect();
    (workspaces, mocks)
}

#[test]
fn a_422_on_one_of_five_relinks_the_other_four_and_exits_5() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let (workspaces, patches) = five_with_one_rejected(&mut server);
    let _org = Org::default().workspaces(&workspaces).mock(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    patches.iter().for_each(Mock::assert);
    let text = out.stdout;
    assert!(
        text.contains("ws-0000000000000003  failed: 422 Unprocessable Entity: invalid attribute: Repository doesn't exist or isn't accessible."),
        "{text}"
    );
    assert_eq!(text.matches("relinked").count(), 4, "{text}");
    let err = out.stderr;
    assert!(err.contains("relinked 4 of 5: 4 workspaces\n"), "{err}");
}

#[test]
fn running_again_after_a_partial_failure_patches_only_the_rest() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    // What the first run left: four on TO, the third still on FROM.
    let workspaces: Vec<Value> = (1..=5)
        .map(|i| {
            let on = if i == 3 { FROM } else { TO };
            workspace(&format!("ws-{i:016}"), &format!("ws{i}"), on, "")
        })
        .collect();
    let _org = Org::default().workspaces(&workspaces).mock(&mut server);
    let third = answered(
        server.mock("PATCH", ws_path("ws-0000000000000003").as_str()),
        &relinked(&workspaces[2], TO),
    );
    relinks_only(
        &mut server,
        third,
        "ws-000000000000000[1245]",
        "1 workspace",
    );
}

#[test]
fn more_than_100_workspaces_are_all_relinked_and_others_never_touched() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let workspaces: Vec<Value> = (0..230)
        .map(|i| {
            let on = if i % 3 == 0 { OTHER } else { FROM };
            workspace(&format!("ws-{i:016}"), &format!("ws{i}"), on, "")
        })
        .collect();
    let org = Org::default().workspaces(&workspaces).mock(&mut server);
    let patches: Vec<Mock> = workspaces
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 != 0)
        .map(|(_, ws)| {
            answered(
                server.mock("PATCH", ws_path(ws["id"].as_str().unwrap()).as_str()),
                &relinked(ws, TO),
            )
        })
        .collect();
    let untouched: Vec<Mock> = workspaces
        .iter()
        .step_by(3)
        .map(|ws| {
            server
                .mock("PATCH", ws_path(ws["id"].as_str().unwrap()).as_str())
                .expect(0)
                .create()
        })
        .collect();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    org.assert();
    assert_eq!(patches.len(), 153);
    patches.iter().for_each(Mock::assert);
    untouched.iter().for_each(Mock::assert);
    assert!(
        out.stderr
            .ends_with("relinked 153 of 153: 153 workspaces\n")
    );
}

#[test]
fn nothing_using_from_is_a_note_and_exit_zero() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let _org = Org::default().mock(&mut server);
    let none = no_patch(&mut server);
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("nothing to relink"));
    none.assert();
}

#[test]
fn server_text_in_the_plan_and_the_rows_is_escaped() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let mut ws = workspace(
        "ws-KTuq99JSzgmDSvYj",
        "evil\nrelinked 9 of 9\u{1b}[2J",
        FROM,
        "",
    );
    ws["attributes"]["vcs-repo"]["display-identifier"] = json!("o/r\u{202e}");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    let _p = answered(
        server.mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str()),
        &relinked(&ws, TO),
    );
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
        assert!(text.contains(r"evil\nrelinked 9 of 9\u{1b}[2J"), "{text:?}");
    }
    assert!(out.stderr.contains(r"o/r\u{202e}"));
}

#[test]
fn a_503_on_a_patch_is_retried_and_the_resource_relinked() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    // Mockito answers with the first matching mock until it has its hits: the 503 once, then
    // the answer.
    let unavailable = server
        .mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str())
        .with_status(503)
        .expect(1)
        .create();
    let ok = answered(
        server.mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str()),
        &relinked(&ws, TO),
    );
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes", "-o", "id"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    unavailable.assert();
    ok.assert();
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\n");
    assert!(out.stderr.ends_with("relinked 1 of 1: 1 workspace\n"));
}

/// A relink of one workspace at a terminal, answered with `answer`: exit code, terminal text.
#[cfg(unix)]
fn relink_at_a_terminal(answer: &[u8], patched: usize) -> (Option<i32>, String) {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .mock(&mut server);
    let patch = server
        .mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str())
        .with_body(json!({ "data": relinked(&ws, TO) }).to_string())
        .expect(patched)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    cmd.args(["token", "relink", FROM, "--to", TO]);
    let result = answer_on_terminal(cmd, "Relink 1 resource from", answer);
    patch.assert();
    result
}

#[cfg(unix)]
#[test]
fn at_a_terminal_declining_relinks_nothing_and_exits_1() {
    let (code, seen) = relink_at_a_terminal(b"n", 0);
    assert_eq!(code, Some(1), "{seen}");
    assert!(seen.contains("workspace-2"), "the plan comes first: {seen}");
    // Declining is an answer, not an error (SPEC §3).
    assert!(seen.contains("declined: nothing was relinked\n"), "{seen}");
    assert!(!seen.contains("error:"), "{seen}");
}

/// Ctrl-C at the question: the cursor shown again, one line saying nothing was sent, exit
/// 130, no PATCH (the confirmation and the run's own SIGINT handling do not meet).
#[cfg(unix)]
#[test]
fn at_a_terminal_ctrl_c_restores_the_cursor_and_relinks_nothing() {
    let (code, seen) = relink_at_a_terminal(b"\x03", 0);
    assert_eq!(code, Some(130), "{seen:?}");
    let hidden = seen
        .rfind("\x1b[?25l")
        .expect("the question hides the cursor");
    assert!(seen[hidden..].contains("\x1b[?25h"), "{seen:?}");
    assert!(
        seen.ends_with("\ninterrupted; nothing was sent\n"),
        "{seen:?}"
    );
}

#[cfg(unix)]
#[test]
fn at_a_terminal_yes_relinks() {
    let (code, seen) = relink_at_a_terminal(b"y", 1);
    assert_eq!(code, Some(0), "{seen}");
    // On a terminal the progress line is drawn in place (SPEC §6), then cleared.
    assert!(seen.contains("\rrelinked: 1 of 1\u{1b}[K"), "{seen:?}");
    assert!(seen.contains("relinked 1 of 1: 1 workspace"), "{seen}");
}

#[test]
fn a_failure_on_one_module_among_several_relinks_the_others_and_a_rerun_finishes() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let modules: Vec<Value> = ["vpc", "eks", "rds"]
        .iter()
        .enumerate()
        .map(|(i, name)| module(&format!("mod-{i:016}"), name, "aws", FROM))
        .collect();
    let set = policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM);
    let _org = Org::default()
        .policy_sets(std::slice::from_ref(&set))
        .modules(&modules)
        .mock(&mut server);
    let _set = answered(
        server.mock("PATCH", "/api/v2/policy-sets/polset-3yVQZvHzf5j3WRJ1"),
        &relinked(&set, TO),
    );
    let patches: Vec<Mock> = modules
        .iter()
        .map(|m| {
            let name = m["attributes"]["name"].as_str().unwrap();
            let mock = server.mock("PATCH", module_path(name, "aws").as_str());
            if name == "eks" {
                mock.with_status(422)
                    .with_body(r#"{"errors":[{"status":"422","title":"invalid attribute","detail":"Repository doesn't exist or isn't accessible."}]}"#)
                    .expect(1)
                    .create()
            } else {
                answered(mock, &relinked(m, TO))
            }
        })
        .collect();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes", "-o", "id"],
    );
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    patches.iter().for_each(Mock::assert);
    assert_eq!(
        out.stdout,
        "polset-3yVQZvHzf5j3WRJ1\nmod-0000000000000000\nmod-0000000000000002\n"
    );
    assert!(
        out.stderr
            .contains("relinked 3 of 4: 1 policy set, 2 modules\n"),
        "{}",
        out.stderr
    );

    // The re-run: the server now has only eks on FROM; only it is patched.
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let left: Vec<Value> = modules
        .iter()
        .map(|m| {
            if m["attributes"]["name"] == "eks" {
                m.clone()
            } else {
                relinked(m, TO)
            }
        })
        .collect();
    let _org = Org::default()
        .policy_sets(&[relinked(&set, TO)])
        .modules(&left)
        .mock(&mut server);
    let eks = answered(
        server.mock("PATCH", module_path("eks", "aws").as_str()),
        &relinked(&modules[1], TO),
    );
    relinks_only(&mut server, eks, "vpc|rds|policy-sets", "1 module");
}

#[test]
fn json_is_the_updated_resources_as_the_server_answered() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let failing = workspace("ws-6jrRyVDv1J8zQMB5", "web", FROM, "");
    let _org = Org::default()
        .workspaces(&[ws.clone(), failing])
        .mock(&mut server);
    let answer = relinked(&ws, TO);
    let _ok = answered(
        server.mock("PATCH", ws_path("ws-KTuq99JSzgmDSvYj").as_str()),
        &answer,
    );
    let _rejected = server
        .mock("PATCH", ws_path("ws-6jrRyVDv1J8zQMB5").as_str())
        .with_status(422)
        .with_body(r#"{"errors":[{"status":"422","title":"invalid attribute"}]}"#)
        .create();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes", "-o", "json"],
    );
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc, json!({ "data": [answer] }));
}

#[test]
fn a_server_sent_id_or_module_part_that_would_change_the_path_is_never_patched() {
    // Percent-encoding leaves `..` as it is, and servers resolve `%2E%2E` too: a PATCH built
    // from such an id or module name would land on another resource.
    for (workspaces, modules) in [
        (
            vec![workspace("ws-KTuq99JSzgmDSvYj/../../x", "w", FROM, "")],
            vec![],
        ),
        (vec![workspace("ws-..", "w", FROM, "")], vec![]),
        (
            vec![],
            vec![module("mod-PopQnMtYDCcd3PRX", "..", "aws", FROM)],
        ),
    ] {
        let mut server = Server::new();
        let _reads = reads_first(&mut server);
        let _checks = token_checks(&mut server);
        let _organization = organization(&mut server, Some(true), 1);
        let _lists = [
            list(&mut server, WORKSPACES, &workspaces),
            list(&mut server, POLICY_SETS, &[]),
            // The module's list item carries its `vcs-repo`, so no read of its own is needed.
            list(&mut server, MODULES, &modules),
            list(&mut server, STACKS, &[]),
        ];
        let none = no_patch(&mut server);
        let out = run(
            &server.url(),
            &["token", "relink", FROM, "--to", TO, "--yes"],
        );
        assert_eq!(out.code, Some(1), "{}", out.stderr);
        assert!(
            out.stderr.contains("that a path can be built from safely"),
            "{}",
            out.stderr
        );
        none.assert();
    }
}

/// A re-run after a partial failure: `relink --yes` sends only the `patched` PATCH, none to a
/// path matching `untouched`, and says it relinked that one resource (`counted`).
fn relinks_only(server: &mut Server, patched: mockito::Mock, untouched: &str, counted: &str) {
    let others = server
        .mock("PATCH", Matcher::Regex(untouched.into()))
        .expect(0)
        .create();
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    patched.assert();
    others.assert();
    let summary = format!("relinked 1 of 1: {counted}\n");
    assert!(out.stderr.ends_with(&summary), "{}", out.stderr);
}

#[test]
fn a_stack_answered_with_its_branch_fallen_back_to_the_default_counts_as_failed() {
    let mut server = Server::new();
    let _checks = token_checks(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let platform = stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release");
    let _org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .stacks(std::slice::from_ref(&platform))
        .mock(&mut server);
    let mut fallen = relinked(&platform, TO);
    fallen["attributes"]["vcs-repo"]["branch"] = json!("");
    let patches = [
        answered(
            patch(
                &mut server,
                &ws_path("ws-KTuq99JSzgmDSvYj"),
                "workspaces",
                json!({"identifier": "example/terraform-test-proj", "branch": "",
                       "ingress-submodules": false, "oauth-token-id": TO}),
            ),
            &relinked(&ws, TO),
        ),
        answered(
            patch(
                &mut server,
                "/api/v2/stacks/st-kJcSJemafdBCPw3B",
                "stacks",
                json!({"identifier": "acme/platform", "branch": "release", "oauth-token-id": TO}),
            ),
            &fallen,
        ),
    ];
    let out = run(
        &server.url(),
        &["token", "relink", FROM, "--to", TO, "--yes"],
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    patches.iter().for_each(Mock::assert);
    assert_eq!(
        out.stdout,
        "\
KIND       NAME         ID                   RESULT
workspace  workspace-2  ws-KTuq99JSzgmDSvYj  relinked
stack      platform     st-kJcSJemafdBCPw3B  failed: branch changed from release to (default)
"
    );
    assert!(
        out.stderr.contains("relinked 1 of 2: 1 workspace\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("error: 1 of 2 not relinked"),
        "{}",
        out.stderr
    );
}
