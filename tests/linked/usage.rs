//! `token usage`, `client usage` and `github-app usage`: the walks, the rows, `--kind`, a
//! refused list.

use mockito::{Matcher, Server};
use serde_json::{Value, json};

use super::mock::*;
use crate::common::*;

#[test]
fn token_usage_walks_the_four_lists_reads_unlisted_modules_and_prints_rows_in_order() {
    let mut server = Server::new();
    let org = Org::default()
        .workspaces(&[
            workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, ""),
            workspace("ws-2HRvNs49EWPjDqT1", "other", OTHER, "main"),
            unlinked_workspace("ws-FVVvzCDaykN1oHiw", "cli-driven"),
            workspace("ws-6jrRyVDv1J8zQMB5", "web", FROM, "release"),
        ])
        .policy_sets(&[
            policy_set("polset-3yVQZvHzf5j3WRJ1", "production", FROM),
            policy_set("polset-u3S5p2Uwk21keu1s", "staging", OTHER),
        ])
        .modules(&[
            module("mod-kwt1cBiX2SdDz38w", "api-gateway", "alicloud", OTHER),
            module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM),
        ])
        .stacks(&[
            stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release"),
            stack("st-Qp1L2hqY3aPa8Wmn", "edge", OTHER, ""),
        ])
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM]);
    assert!(out.code == Some(0), "{}", out.stderr);
    org.assert();
    assert_eq!(
        out.stdout,
        "\
KIND        NAME                        ID                       REPOSITORY                      BRANCH   CONNECTION
workspace   workspace-2                 ws-KTuq99JSzgmDSvYj      example/terraform-test-proj     -        ot-hmAyP66qk2AMVdbJ
workspace   web                         ws-6jrRyVDv1J8zQMB5      example/terraform-test-proj     release  ot-hmAyP66qk2AMVdbJ
policy-set  production                  polset-3yVQZvHzf5j3WRJ1  hashicorp/my-policy-sets        master   ot-hmAyP66qk2AMVdbJ
module      my-organization/aurora/aws  mod-PopQnMtYDCcd3PRX     lafentres/terraform-aws-aurora  -        ot-hmAyP66qk2AMVdbJ
stack       platform                    st-kJcSJemafdBCPw3B      acme/platform                   release  ot-hmAyP66qk2AMVdbJ
"
    );
    assert_eq!(out.stderr, "", "Stacks were walked: no note");
}

#[test]
fn kind_stack_alone_lists_only_stacks_whatever_the_organization_says() {
    let mut server = Server::new();
    let organization = organization(&mut server, Some(false), 1);
    let _reads = reads_first(&mut server);
    let stacks = list(
        &mut server,
        STACKS,
        &[
            stack("st-kJcSJemafdBCPw3B", "platform", FROM, "release"),
            stack("st-Qp1L2hqY3aPa8Wmn", "edge", OTHER, ""),
        ],
    );
    let others = server
        .mock(
            "GET",
            Matcher::Regex("/(workspaces|policy-sets|registry-modules)".into()),
        )
        .expect(0)
        .create();
    let out = run(
        &server.url(),
        &["token", "usage", FROM, "--kind", "stack", "-o", "id"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "st-kJcSJemafdBCPw3B\n");
    assert_eq!(out.stderr, "");
    stacks.iter().for_each(|m| m.assert());
    others.assert();
    organization.assert();
}

#[test]
fn without_stacks_enabled_stacks_are_not_walked_and_a_note_says_so() {
    for enabled in [Some(false), None] {
        let mut server = Server::new();
        let read = organization(&mut server, enabled, 1);
        let _reads = reads_first(&mut server);
        let lists = [
            list(
                &mut server,
                WORKSPACES,
                &[workspace("ws-KTuq99JSzgmDSvYj", "a", FROM, "")],
            ),
            list(&mut server, POLICY_SETS, &[]),
            list(&mut server, MODULES, &[]),
        ];
        let stacks = server
            .mock("GET", STACKS)
            .match_query(Matcher::Any)
            .expect(0)
            .create();
        let out = run(&server.url(), &["token", "usage", FROM, "-o", "id"]);
        assert!(out.code == Some(0), "{enabled:?}: {}", out.stderr);
        assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\n");
        assert_eq!(
            out.stderr,
            "note: Stacks were not walked: organization my-organization does not have \
             stacks-enabled; pass --kind stack to walk them anyway\n",
            "{enabled:?}"
        );
        read.assert();
        lists.iter().flatten().for_each(|m| m.assert());
        stacks.assert();
    }
}

#[test]
fn a_refused_stacks_list_fails_with_its_exit_code_and_the_kind_hint() {
    for (status, code) in [(403, 4), (404, 3)] {
        let mut server = Server::new();
        let _reads = reads_first(&mut server);
        let refused = server
            .mock("GET", STACKS)
            .match_query(Matcher::Any)
            .with_status(status)
            .with_body(format!(
                r#"{{"errors":[{{"status":"{status}","title":"refused"}}]}}"#
            ))
            .expect(1)
            .create();
        let out = run(&server.url(), &["token", "usage", FROM, "--kind", "stack"]);
        assert_eq!(out.code, Some(code), "{}", out.stderr);
        assert_eq!(out.stdout, "");
        assert!(
            out.stderr.contains(
                "hint: the Stacks could not be listed, so this is not a complete answer; to leave \
                 Stacks out, pass --kind workspace or --kind policy-set or --kind module"
            ),
            "{}",
            out.stderr
        );
        refused.assert();
    }
}

#[test]
fn walks_every_page_of_every_list_and_misses_nothing() {
    let mut server = Server::new();
    let workspaces: Vec<Value> = (0..250)
        .map(|i| {
            let token = if i % 2 == 0 { FROM } else { OTHER };
            workspace(&format!("ws-{i:016}"), &format!("ws{i}"), token, "")
        })
        .collect();
    let sets: Vec<Value> = (0..120)
        .map(|i| policy_set(&format!("polset-{i:016}"), &format!("set{i}"), FROM))
        .collect();
    let org = Org::default()
        .workspaces(&workspaces)
        .policy_sets(&sets)
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "id"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    // ⌈250/100⌉ + ⌈120/100⌉ + ⌈0/100⌉ + ⌈0/100⌉ pages, each exactly once, and nothing else.
    assert_eq!(org.mocks.len(), 3 + 2 + 1 + 1);
    org.assert();
    let ids: Vec<String> = out.stdout.lines().map(str::to_string).collect();
    let mut expected: Vec<String> = (0..250).step_by(2).map(|i| format!("ws-{i:016}")).collect();
    expected.extend((0..120).map(|i| format!("polset-{i:016}")));
    assert_eq!(ids, expected);
}

#[test]
fn kind_limits_the_walk_to_the_kinds_asked_for() {
    let mut server = Server::new();
    let _reads = reads_first(&mut server);
    let ws = list(
        &mut server,
        WORKSPACES,
        &[workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "")],
    );
    let modules = list(&mut server, MODULES, &[]);
    let sets = server
        .mock("GET", POLICY_SETS)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let out = run(
        &server.url(),
        &[
            "token",
            "usage",
            FROM,
            "--kind",
            "module",
            "--kind",
            "workspace",
            "-o",
            "id",
        ],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\n");
    ws.iter().chain(&modules).for_each(|m| m.assert());
    sets.assert();
}

#[test]
fn a_refused_policy_set_list_fails_with_a_hint_naming_kind_and_kind_leaves_it_out() {
    let mut server = Server::new();
    let _reads = reads_first(&mut server);
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let _organization = organization(&mut server, Some(true), 1);
    let _ws = list(&mut server, WORKSPACES, std::slice::from_ref(&ws));
    let _stacks = list(&mut server, STACKS, &[]);
    let refused = server
        .mock("GET", POLICY_SETS)
        .match_query(Matcher::Any)
        .with_status(404)
        .with_body(r#"{"errors":[{"status":"404","title":"not found"}]}"#)
        .expect(1)
        .create();
    let _modules = list(&mut server, MODULES, &[]);
    let out = run(&server.url(), &["token", "usage", FROM]);
    assert_eq!(out.code, Some(3));
    assert_eq!(out.stdout, "", "never a silently partial answer");
    let err = out.stderr;
    assert!(err.contains("404"), "{err}");
    assert!(
        err.contains("hint: the policy sets could not be listed, so this is not a complete answer; to leave policy sets out, pass --kind workspace --kind module --kind stack"),
        "{err}"
    );
    refused.assert();

    let out = run(
        &server.url(),
        &[
            "token",
            "usage",
            FROM,
            "--kind",
            "workspace",
            "--kind",
            "module",
            "-o",
            "id",
        ],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\n");
    refused.assert();
}

#[test]
fn json_is_the_matching_resources_as_sent_with_a_module_as_its_own_get_returned_it() {
    let mut server = Server::new();
    let ws = workspace("ws-KTuq99JSzgmDSvYj", "workspace-2", FROM, "");
    let aurora = module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM);
    let org = Org::default()
        .workspaces(std::slice::from_ref(&ws))
        .modules(std::slice::from_ref(&aurora))
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "json"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    org.assert();
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc, json!({"data": [ws, aurora]}));
}

#[test]
fn modules_listed_with_a_vcs_repo_and_public_modules_are_not_read_again() {
    let mut server = Server::new();
    let _reads = reads_first(&mut server);
    let _ws = list(&mut server, WORKSPACES, &[]);
    let _sets = list(&mut server, POLICY_SETS, &[]);
    let _stacks = list(&mut server, STACKS, &[]);
    let mut public = module_item("mod-pub0000000000000", "consul", "aws");
    public["attributes"]["registry-name"] = json!("public");
    public["attributes"]["namespace"] = json!("hashicorp");
    let listed = module("mod-PopQnMtYDCcd3PRX", "aurora", "aws", FROM);
    let _modules = list(&mut server, MODULES, &[public, listed]);
    let reads = server
        .mock("GET", Matcher::Regex("/registry-modules/".into()))
        .expect(0)
        .create();
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "id"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "mod-PopQnMtYDCcd3PRX\n");
    reads.assert();
}

#[test]
fn nothing_found_is_an_empty_list_note_and_exit_zero() {
    let mut server = Server::new();
    let org = Org::default()
        .workspaces(&[workspace("ws-2HRvNs49EWPjDqT1", "other", OTHER, "")])
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM]);
    assert!(out.code == Some(0));
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!("nothing in organization my-organization uses {FROM}\n")
    );
    org.assert();
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "json"]);
    assert_eq!(out.stdout.replace([' ', '\n'], ""), r#"{"data":[]}"#);
}

#[test]
fn several_tokens_at_once() {
    let mut server = Server::new();
    let _org = Org::default()
        .workspaces(&[
            workspace("ws-KTuq99JSzgmDSvYj", "a", FROM, ""),
            workspace("ws-2HRvNs49EWPjDqT1", "b", OTHER, ""),
            workspace("ws-FVVvzCDaykN1oHiw", "c", TO, ""),
        ])
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM, TO, "-o", "id"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\nws-FVVvzCDaykN1oHiw\n");
}

#[test]
fn client_usage_matches_every_token_of_the_client() {
    let mut server = Server::new();
    let mut client = fixture("client_create_response.json")["data"].clone();
    client["relationships"]["oauth-tokens"]["data"] = json!([
        {"id": FROM, "type": "oauth-tokens"},
        {"id": OTHER, "type": "oauth-tokens"}
    ]);
    let show = get(
        &mut server,
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        &client,
    );
    let org = Org::default()
        .workspaces(&[
            workspace("ws-KTuq99JSzgmDSvYj", "a", FROM, ""),
            workspace("ws-2HRvNs49EWPjDqT1", "b", TO, ""),
        ])
        .policy_sets(&[policy_set("polset-3yVQZvHzf5j3WRJ1", "production", OTHER)])
        .stacks(&[
            stack("st-kJcSJemafdBCPw3B", "platform", OTHER, "release"),
            stack("st-Qp1L2hqY3aPa8Wmn", "edge", TO, ""),
        ])
        .mock(&mut server);
    let out = run(
        &server.url(),
        &["client", "usage", "oc-XKFwG6ggfA9n7t1K", "-o", "id"],
    );
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "ws-KTuq99JSzgmDSvYj\npolset-3yVQZvHzf5j3WRJ1\nst-kJcSJemafdBCPw3B\n"
    );
    show.assert();
    org.assert();
}

#[test]
fn github_app_usage_matches_the_installation_id() {
    let mut server = Server::new();
    let org = Org::default()
        .workspaces(&[
            workspace("ws-KTuq99JSzgmDSvYj", "a", APP, "main"),
            workspace("ws-2HRvNs49EWPjDqT1", "b", FROM, ""),
        ])
        .stacks(&[
            stack("st-kJcSJemafdBCPw3B", "platform", APP, "release"),
            stack("st-Qp1L2hqY3aPa8Wmn", "edge", FROM, ""),
        ])
        .mock(&mut server);
    let out = run(&server.url(), &["github-app", "usage", APP]);
    assert!(out.code == Some(0), "{}", out.stderr);
    org.assert();
    let text = out.stdout;
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().nth(1).unwrap().ends_with(APP), "{text}");
    let stack_row = text.lines().nth(2).unwrap();
    assert!(
        stack_row.starts_with("stack ")
            && stack_row.contains("st-kJcSJemafdBCPw3B")
            && stack_row.ends_with(APP),
        "{text}"
    );
}

#[test]
fn ids_are_checked_before_anything_is_sent() {
    let server = Server::new();
    for args in [
        &["token", "usage", "oc-XKFwG6ggfA9n7t1K"][..],
        &["token", "usage", "ot-../x"],
        &["github-app", "usage", "ot-hmAyP66qk2AMVdbJ"],
    ] {
        let out = run(&server.url(), args);
        assert_eq!(out.code, Some(2), "{args:?}");
    }
}

#[test]
fn server_text_in_usage_rows_is_escaped() {
    let mut server = Server::new();
    let mut ws = workspace(
        "ws-KTuq99JSzgmDSvYj",
        "a\r\nfake row\u{9b}",
        FROM,
        "main\u{7}",
    );
    ws["attributes"]["vcs-repo"]["display-identifier"] = json!("\u{2066}o/r");
    let _org = Org::default().workspaces(&[ws]).mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM]);
    assert!(out.code == Some(0), "{}", out.stderr);
    let text = out.stdout;
    assert_eq!(text.lines().count(), 2, "{text:?}");
    assert!(
        text.contains(r"a\r\nfake row\u{9b}")
            && text.contains(r"main\u{7}")
            && text.contains(r"\u{2066}o/r"),
        "{text:?}"
    );
}

#[test]
fn an_id_of_another_shape_is_never_printed_by_o_id() {
    let mut server = Server::new();
    let _org = Org::default()
        .workspaces(&[workspace("ws-ok\nws-injected", "a", FROM, "")])
        .mock(&mut server);
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "id"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, "");
}

#[test]
fn a_client_without_tokens_is_used_by_nothing_and_nothing_is_walked() {
    let mut server = Server::new();
    let client = fixture("client_create_response.json")["data"].clone();
    let show = get(
        &mut server,
        "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K",
        &client,
    );
    let lists = server
        .mock("GET", Matcher::Regex("/organizations/".into()))
        .expect(0)
        .create();
    let out = run(&server.url(), &["client", "usage", "oc-XKFwG6ggfA9n7t1K"]);
    assert!(out.code == Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("has no OAuth tokens"), "{}", out.stderr);
    show.assert();
    lists.assert();
}

/// SPEC §10: each id is read first; a typo is exit 3 in its own words, not "nothing uses it".
#[test]
fn an_id_that_does_not_exist_is_exit_3() {
    for (args, path, message) in [
        (
            vec!["token", "usage", "ot-nonexistent00000"],
            "/api/v2/oauth-tokens/ot-nonexistent00000".to_string(),
            "error: no OAuth token ot-nonexistent00000\n".to_string(),
        ),
        (
            vec!["github-app", "usage", APP],
            format!("/api/v2/github-app/installation/{APP}"),
            format!("error: no GitHub App installation {APP}\n"),
        ),
        (
            vec!["client", "usage", "oc-nonexistent00000"],
            "/api/v2/oauth-clients/oc-nonexistent00000".to_string(),
            "error: no OAuth client oc-nonexistent00000\n".to_string(),
        ),
    ] {
        let mut server = Server::new();
        let _org = Org::default()
            .workspaces(&[workspace("ws-KTuq99JSzgmDSvYj", "web", FROM, "")])
            .mock(&mut server);
        let read = gone(&mut server, &path);
        let out = run(&server.url(), &args);
        assert_eq!(out.code, Some(3), "{args:?}: {}", out.stderr);
        assert_eq!(out.stdout, "");
        assert!(out.stderr.starts_with(&message), "{args:?}: {}", out.stderr);
        read.assert();
    }
}

/// SPEC §10: a deleted token that resources still name is what needs relinking: they are
/// listed, with a note saying the id is gone and how to move them.
#[test]
fn a_deleted_token_that_resources_still_name_lists_them_with_the_relink() {
    let mut server = Server::new();
    let org = Org::default()
        .workspaces(&[workspace("ws-KTuq99JSzgmDSvYj", "web", FROM, "")])
        .mock(&mut server);
    let read = gone(&mut server, &format!("/api/v2/oauth-tokens/{FROM}"));
    let out = run(&server.url(), &["token", "usage", FROM, "-o", "id"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ws-KTuq99JSzgmDSvYj\n");
    assert_eq!(
        out.stderr,
        format!(
            "note: OAuth token {FROM} no longer exists; what still names it has no working connection: move it with `tfvcs token relink {FROM} --to <ot-…|ghain-…>`\n"
        )
    );
    org.assert();
    read.assert();
}

/// SPEC §10: a wrong --org is exit 3 saying so, not a refused workspace list with a hint to
/// leave workspaces out; nothing is walked.
#[test]
fn an_organization_that_does_not_exist_is_exit_3_without_a_kind_hint() {
    let mut server = Server::new();
    let org = server
        .mock("GET", "/api/v2/organizations/nope")
        .with_status(404)
        .with_body(r#"{"errors":[{"status":"404","title":"not found"}]}"#)
        .expect(1)
        .create();
    let _token = server
        .mock("GET", Matcher::Regex("/oauth-tokens/".into()))
        .with_body(json!({"data": {"id": FROM, "type": "oauth-tokens"}}).to_string())
        .create();
    let lists = server
        .mock("GET", Matcher::Regex("/organizations/nope/".into()))
        .expect(0)
        .create();
    let out = run(&server.url(), &["--org", "nope", "token", "usage", FROM]);
    assert_eq!(out.code, Some(3), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("error: organization nope does not exist, or this API token cannot see it\nhint: check --org (or TFE_ORGANIZATION)"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("--kind"), "{}", out.stderr);
    org.assert();
    lists.assert();
}
