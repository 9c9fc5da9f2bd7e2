//! client list / show and token list / show against a mock TFE: the exact requests (method,
//! path, query, headers) and the exact stdout in each output format.

use crate::common::*;
use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};

const CLIENT_ID: &str = "oc-XKFwG6ggfA9n7t1K";
const TOKEN_ID: &str = "ot-hmAyP66qk2AMVdbJ";

/// A GET that must carry the JSON:API headers, the bearer token and the user agent.
fn get(server: &mut ServerGuard, path: &str, query: &str) -> mockito::Mock {
    server
        .mock("GET", path)
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_header("accept", "application/vnd.api+json")
        .match_header("user-agent", concat!("tfvcs/", env!("CARGO_PKG_VERSION")))
        .with_status(200)
        .with_header("content-type", "application/vnd.api+json")
}

fn two_clients() -> Vec<Value> {
    vec![
        client_resource(CLIENT_ID, Some("my-github"), Some(TOKEN_ID)),
        client_resource("oc-2222222222222222", None, None),
    ]
}

fn list_clients_mock(server: &mut ServerGuard, body: String) -> Mock {
    get(
        server,
        "/api/v2/organizations/my-organization/oauth-clients",
        &page_query("include=oauth_tokens&", 1),
    )
    .with_body(body)
    .expect(1)
    .create()
}

#[test]
fn client_list_table() {
    let mut server = Server::new();
    let mock = list_clients_mock(&mut server, page(two_clients(), 1, 1, 2));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list"]).assert().success().stdout(
        "ID                   NAME       PROVIDER  HTTP URL            TOKEN IDS            CREATED\n\
         oc-XKFwG6ggfA9n7t1K  my-github  github    https://github.com  ot-hmAyP66qk2AMVdbJ  2018-04-16T20:42:53.771Z\n\
         oc-2222222222222222  -          github    https://github.com  -                    2018-04-16T20:42:53.771Z\n",
    );
    mock.assert();
}

#[test]
fn client_list_json_is_one_document_with_every_item() {
    let mut server = Server::new();
    let mut body: Value = serde_json::from_str(&page(two_clients(), 1, 1, 2)).unwrap();
    body["included"] = json!([fixture("token_list_response.json")["data"][0]]);
    list_clients_mock(&mut server, body.to_string());
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd.args(["client", "list", "-o", "json"]).output().unwrap();
    assert!(out.status.success());
    let expected = json!({"data": two_clients(), "included": body["included"]});
    assert_eq!(
        stdout_of(&out),
        serde_json::to_string_pretty(&expected).unwrap() + "\n"
    );
}

#[test]
fn an_empty_included_array_is_left_out() {
    let mut server = Server::new();
    let mut body: Value = serde_json::from_str(&page(vec![], 1, 1, 0)).unwrap();
    body["included"] = json!([]);
    list_clients_mock(&mut server, body.to_string());
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "-o", "json"])
        .assert()
        .success()
        .stdout("{\n  \"data\": []\n}\n");
}

#[test]
fn client_list_ids() {
    let mut server = Server::new();
    list_clients_mock(&mut server, page(two_clients(), 1, 1, 2));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "-o", "id"])
        .assert()
        .success()
        .stdout("oc-XKFwG6ggfA9n7t1K\noc-2222222222222222\n");
}

#[test]
fn client_list_follows_pagination_across_two_pages() {
    let mut server = Server::new();
    let path = "/api/v2/organizations/my-organization/oauth-clients";
    let first: Vec<Value> = (0..100)
        .map(|i| client_resource(&format!("oc-p1{i:014}"), None, None))
        .collect();
    let second = vec![client_resource("oc-p2last000000000", None, None)];
    let p1 = get(&mut server, path, &page_query("include=oauth_tokens&", 1))
        .with_body(page(first, 1, 2, 101))
        .expect(1)
        .create();
    let p2 = get(&mut server, path, &page_query("include=oauth_tokens&", 2))
        .with_body(page(second, 2, 2, 101))
        .expect(1)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd.args(["client", "list", "-o", "id"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ids: Vec<String> = stdout_of(&out).lines().map(str::to_string).collect();
    assert_eq!(ids.len(), 101);
    assert_eq!(ids[0], "oc-p100000000000000");
    assert_eq!(ids[100], "oc-p2last000000000");
    p1.assert();
    p2.assert();
}

#[test]
fn a_response_without_pagination_meta_is_complete() {
    let mut server = Server::new();
    let body = json!({"data": two_clients()}).to_string();
    let mock = list_clients_mock(&mut server, body);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "-o", "id"])
        .assert()
        .success()
        .stdout("oc-XKFwG6ggfA9n7t1K\noc-2222222222222222\n");
    mock.assert();
}

#[test]
fn an_empty_list_prints_nothing_and_a_note() {
    let mut server = Server::new();
    list_clients_mock(&mut server, page(vec![], 1, 1, 0));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list"])
        .assert()
        .success()
        .stdout("")
        .stderr("no OAuth clients in organization my-organization\n");
}

#[test]
fn an_empty_list_in_json_is_an_empty_data_array() {
    let mut server = Server::new();
    list_clients_mock(&mut server, page(vec![], 1, 1, 0));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "-o", "json"])
        .assert()
        .success()
        .stdout("{\n  \"data\": []\n}\n");
    let mut server = Server::new();
    list_clients_mock(&mut server, page(vec![], 1, 1, 0));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "-o", "id"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn client_list_without_org_is_a_usage_error_and_sends_nothing() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env_remove("TFE_ORGANIZATION")
        .args(["client", "list"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("error: no organization given"))
        .stderr(predicates::str::contains(
            "hint: pass --org NAME or set TFE_ORGANIZATION",
        ));
    any.assert();
}

fn show_mock(server: &mut ServerGuard) -> Mock {
    get(
        server,
        &format!("/api/v2/oauth-clients/{CLIENT_ID}"),
        "include=oauth_tokens",
    )
    .with_body(fixture("client_show_response.json").to_string())
    .expect(1)
    .create()
}

#[test]
fn client_show_by_id_table() {
    let mut server = Server::new();
    let mock = show_mock(&mut server);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "show", CLIENT_ID]).assert().success().stdout(
        "ID                   oc-XKFwG6ggfA9n7t1K\n\
         Name                 -\n\
         Provider             GitHub\n\
         HTTP URL             https://github.com\n\
         API URL              https://api.github.com\n\
         Organization         my-organization\n\
         Organization scoped  -\n\
         Projects             -\n\
         Agent pool           -\n\
         Token IDs            ot-hmAyP66qk2AMVdbJ\n\
         Callback URL         https://app.terraform.io/auth/35936d44-842c-4ddd-b4d4-7c741383dc3a/callback\n\
         Created              2018-04-16T20:42:53.771Z\n",
    );
    mock.assert();
}

#[test]
fn client_show_json_is_the_server_document_with_key_order_kept() {
    let mut server = Server::new();
    show_mock(&mut server);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let raw = std::fs::read_to_string(fixtures_dir().join("client_show_response.json")).unwrap();
    cmd.args(["client", "show", CLIENT_ID, "-o", "json"])
        .assert()
        .success()
        .stdout(raw);
}

#[test]
fn client_show_id() {
    let mut server = Server::new();
    show_mock(&mut server);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "show", CLIENT_ID, "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{CLIENT_ID}\n"));
}

#[test]
fn client_show_by_name_walks_the_list_then_shows_the_match() {
    let mut server = Server::new();
    let walk = get(
        &mut server,
        "/api/v2/organizations/my-organization/oauth-clients",
        &page_query("", 1),
    )
    .with_body(page(two_clients(), 1, 1, 2))
    .expect(1)
    .create();
    let show = show_mock(&mut server);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "show", "my-github", "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{CLIENT_ID}\n"));
    walk.assert();
    show.assert();
}

#[test]
fn a_name_matching_no_client_exits_3() {
    let mut server = Server::new();
    get(
        &mut server,
        "/api/v2/organizations/my-organization/oauth-clients",
        &page_query("", 1),
    )
    .with_body(page(two_clients(), 1, 1, 2))
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "show", "nope"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: no OAuth client named \"nope\" in organization my-organization",
        ));
}

#[test]
fn a_name_matching_two_clients_exits_2_listing_their_ids() {
    let mut server = Server::new();
    let mut gitlab = client_resource("oc-bbbbbbbbbbbbbbbb", Some("twin"), None);
    gitlab["attributes"]["service-provider-display-name"] = serde_json::json!("GitLab.com");
    gitlab["attributes"]["created-at"] = serde_json::json!("2026-12-04T22:00:00.000Z");
    let twins = vec![
        client_resource("oc-aaaaaaaaaaaaaaaa", Some("twin"), None),
        gitlab,
    ];
    get(
        &mut server,
        "/api/v2/organizations/my-organization/oauth-clients",
        &page_query("", 1),
    )
    .with_body(page(twins, 1, 1, 2))
    .create();
    let show = server
        .mock("GET", Matcher::Regex("^/api/v2/oauth-clients/".into()))
        .expect(0)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "show", "twin"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            // The provider and creation time tell twins apart (a second create with the
            // same name is not refused by TFE).
            "2 OAuth clients are named \"twin\" in organization my-organization: oc-aaaaaaaaaaaaaaaa (GitHub, created 2018-04-16T20:42:53.771Z), oc-bbbbbbbbbbbbbbbb (GitLab.com, created 2026-12-04T22:00:00.000Z)",
        ));
    show.assert();
}

#[test]
fn a_name_without_org_is_a_usage_error() {
    let env = TestEnv::server("http://127.0.0.1:9");
    let mut cmd = env.command();
    cmd.env_remove("TFE_ORGANIZATION")
        .args(["client", "show", "my-github"])
        .assert()
        .code(2);
}

#[test]
fn token_list_of_a_client() {
    let mut server = Server::new();
    let body = fixture("token_list_response.json").to_string();
    let mock = get(
        &mut server,
        &format!("/api/v2/oauth-clients/{CLIENT_ID}/oauth-tokens"),
        &page_query("", 1),
    )
    .with_body(body)
    .expect(1)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "list", CLIENT_ID]).assert().success().stdout(
        "ID                   CLIENT               USER         SSH KEY  CREATED\n\
         ot-hmAyP66qk2AMVdbJ  oc-GhHqb5rkeK19mLB8  skierkowski  no       2017-11-02T06:37:49.284Z\n",
    );
    mock.assert();
}

#[test]
fn token_list_json_and_ids() {
    let mut server = Server::new();
    let body = fixture("token_list_response.json");
    get(
        &mut server,
        &format!("/api/v2/oauth-clients/{CLIENT_ID}/oauth-tokens"),
        &page_query("", 1),
    )
    .with_body(body.to_string())
    .expect(2)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .args(["token", "list", CLIENT_ID, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        serde_json::to_string_pretty(&body).unwrap() + "\n"
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "list", CLIENT_ID, "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{TOKEN_ID}\n"));
}

#[test]
fn token_list_of_the_organization_with_a_provider_filter() {
    let mut server = Server::new();
    let mock = get(
        &mut server,
        "/api/v2/organizations/my-organization/oauth-tokens",
        &page_query("filter%5Bprovider%5D=github&", 1),
    )
    .with_body(fixture("token_list_response.json").to_string())
    .expect(1)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "list", "--provider", "github", "-o", "id"])
        .assert()
        .success()
        .stdout(format!("{TOKEN_ID}\n"));
    mock.assert();
}

#[test]
fn token_list_of_the_organization_without_filter() {
    let mut server = Server::new();
    let mock = get(
        &mut server,
        "/api/v2/organizations/my-organization/oauth-tokens",
        &page_query("", 1),
    )
    .with_body(page(vec![], 1, 1, 0))
    .expect(1)
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "list"])
        .assert()
        .success()
        .stdout("")
        .stderr("no OAuth tokens in organization my-organization\n");
    mock.assert();
}

#[test]
fn token_list_provider_with_a_client_is_a_usage_error() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "list", CLIENT_ID, "--provider", "github"])
        .assert()
        .code(2);
    any.assert();
}

#[test]
fn token_show_in_each_format() {
    let mut server = Server::new();
    let body = fixture("token_show_response.json");
    let mock = get(&mut server, "/api/v2/oauth-tokens/ot-29t7xkUKiNC2XasL", "")
        .with_body(body.to_string())
        .expect(3)
        .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL"])
        .assert()
        .success()
        .stdout(
            "ID       ot-29t7xkUKiNC2XasL\n\
         Client   oc-WMipGbuW8q7xCRmJ\n\
         User     EM26Jj0ikRsIFFh3fE5C\n\
         SSH key  no\n\
         Created  2018-08-29T14:07:22.144Z\n",
        );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        serde_json::to_string_pretty(&body).unwrap() + "\n"
    );
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["token", "show", "ot-29t7xkUKiNC2XasL", "-o", "id"])
        .assert()
        .success()
        .stdout("ot-29t7xkUKiNC2XasL\n");
    mock.assert();
}

#[test]
fn malformed_ids_are_refused_before_sending() {
    let mut server = Server::new();
    let any = server.mock("GET", Matcher::Any).expect(0).create();
    for args in [
        ["token", "show", "oc-notatoken"],
        ["token", "show", "ot-../../x"],
        ["client", "show", "oc-a/b"],
    ] {
        let env = TestEnv::server(&server.url());
        let mut cmd = env.command();
        cmd.args(args).assert().code(2);
    }
    any.assert();
}

#[test]
fn output_format_comes_from_tfvcs_output() {
    let mut server = Server::new();
    show_mock(&mut server);
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.env("TFVCS_OUTPUT", "id")
        .args(["client", "show", CLIENT_ID])
        .assert()
        .success()
        .stdout(format!("{CLIENT_ID}\n"));
}

#[test]
fn verbose_traces_each_exchange_without_the_token() {
    let mut server = Server::new();
    get(
        &mut server,
        &format!("/api/v2/oauth-clients/{CLIENT_ID}"),
        "include=oauth_tokens",
    )
    .with_header("x-request-id", "req-123")
    .with_body(fixture("client_show_response.json").to_string())
    .create();
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    let out = cmd
        .args(["-vv", "client", "show", CLIENT_ID, "-o", "id"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    let first = err.lines().next().unwrap();
    let url = format!(
        "{}/api/v2/oauth-clients/{CLIENT_ID}?include=oauth_tokens",
        server.url()
    );
    assert!(first.starts_with(&format!("GET {url} 200 ")), "{first}");
    assert!(first.ends_with("ms x-request-id=req-123"), "{first}");
    assert!(err.contains("response body: {\"data\""), "{err}");
    assert!(
        !err.contains(TOKEN) && !err.to_lowercase().contains("authorization"),
        "{err}"
    );
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let mut server = Server::new();
    let many: Vec<Value> = (0..100)
        .map(|i| client_resource(&format!("oc-{i:016}"), None, None))
        .collect();
    list_clients_mock(&mut server, page(many, 1, 1, 100));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.process();
    let mut child = cmd
        .args(["client", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before tfvcs writes
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
}
