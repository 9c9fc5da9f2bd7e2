//! `--ado-org-name` on `client create` and `client update` (SPEC §3): the attribute in the
//! request body, `--clear-ado-org-name` as null, and each refusal with nothing sent.

use mockito::{Matcher, Server};
use serde_json::json;

use super::mock::refused_before_sending;
use crate::common::*;

const PAT: &str = "ado-pat-CANARY-7d2e";

fn created() -> String {
    let mut doc = fixture("client_create_response.json");
    doc["data"]["attributes"]["service-provider"] = json!("ado_services");
    doc.to_string()
}

#[test]
fn create_sends_ado_org_name_for_ado_services() {
    let mut server = Server::new();
    let mock = server
        .mock(
            "POST",
            "/api/v2/organizations/my-organization/oauth-clients",
        )
        .match_header("content-type", "application/vnd.api+json")
        .match_body(Matcher::Json(
            json!({"data": {"type": "oauth-clients", "attributes": {
                "service-provider": "ado_services",
                "http-url": "https://dev.azure.com",
                "api-url": "https://dev.azure.com",
                "ado-org-name": "contoso-2",
                "oauth-token-string": PAT
            }}}),
        ))
        .with_status(201)
        .with_body(created())
        .expect(1)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .args([
            "client",
            "create",
            "--provider",
            "ado_services",
            "--ado-org-name",
            "contoso-2",
            "--pat-file",
            "-",
            "-o",
            "id",
        ])
        .write_stdin(PAT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    mock.assert();
}

#[test]
fn update_sends_ado_org_name_and_clear_sends_null() {
    let mut server = Server::new();
    let path = "/api/v2/oauth-clients/oc-XKFwG6ggfA9n7t1K";
    let set = server
        .mock("PATCH", path)
        .match_body(Matcher::Json(json!({"data": {"type": "oauth-clients",
            "attributes": {"ado-org-name": "fabrikam"}}})))
        .with_body(created())
        .expect(1)
        .create();
    let clear = server
        .mock("PATCH", path)
        .match_body(Matcher::Json(json!({"data": {"type": "oauth-clients",
            "attributes": {"ado-org-name": null}}})))
        .with_body(created())
        .expect(1)
        .create();
    for args in [
        &["--ado-org-name", "fabrikam"][..],
        &["--clear-ado-org-name"][..],
    ] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        let out = cmd
            .args(["client", "update", "oc-XKFwG6ggfA9n7t1K"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    }
    set.assert();
    clear.assert();
}

fn refused(args: &[&str], message: &str) {
    refused_before_sending(args, PAT, 2, message);
}

#[test]
fn ado_org_name_is_refused_for_other_providers_and_bad_shapes() {
    refused(
        &[
            "client",
            "create",
            "--provider",
            "github",
            "--ado-org-name",
            "contoso",
            "--pat-file",
            "-",
        ],
        "--ado-org-name is only for ado_services, not github",
    );
    refused(
        &[
            "client",
            "create",
            "--provider",
            "gitlab_hosted",
            "--ado-org-name",
            "contoso",
            "--pat-file",
            "-",
        ],
        "only for ado_services, not gitlab_hosted",
    );
    let too_long = "x".repeat(51);
    for bad in [
        "-contoso",
        "contoso-",
        "con_toso",
        "con toso",
        "",
        too_long.as_str(),
    ] {
        // `=` so that a leading hyphen reaches tfvcs as the value.
        let flag = format!("--ado-org-name={bad}");
        refused(
            &[
                "client",
                "create",
                "--provider",
                "ado_services",
                &flag,
                "--pat-file",
                "-",
            ],
            "is not an Azure DevOps organization name",
        );
        refused(
            &["client", "update", "oc-XKFwG6ggfA9n7t1K", &flag],
            "is not an Azure DevOps organization name",
        );
    }
    refused(
        &[
            "client",
            "update",
            "oc-XKFwG6ggfA9n7t1K",
            "--ado-org-name",
            "a",
            "--clear-ado-org-name",
        ],
        "cannot be used with",
    );
}

#[test]
fn a_payloads_ado_org_name_follows_the_same_rules() {
    let home = tempfile::tempdir().unwrap();
    let payload = home.path().join("payload.json");
    std::fs::write(
        &payload,
        json!({"data": {"type": "oauth-clients", "attributes": {
            "service-provider": "github", "ado-org-name": "contoso"}}})
        .to_string(),
    )
    .unwrap();
    refused(
        &[
            "client",
            "create",
            "--payload",
            payload.to_str().unwrap(),
            "--pat-file",
            "-",
        ],
        "only for ado_services",
    );
}
