//! `--help` as SPEC §2 and §8 say: EXAMPLES on every command that invoke that command (and
//! parse), the global options under their own heading after the command's own and only on
//! the commands that talk to the API, and no variable's value in a help text or usage line.

use crate::common::*;
use clap::CommandFactory;
use predicates::prelude::*;
use predicates::str::contains;
use tfvcs::cli::Cli;
use tfvcs::generate::help_examples;

/// Every command of the tree as its words after `tfvcs` (the root is the empty path).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            walk(sub, sub_path, out);
        }
        out.push(path);
    }
    let mut paths = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut paths);
    paths
}

/// `tfvcs PATH --help`, run through the binary.
fn help(path: &[String]) -> String {
    let env = TestEnv::bare();
    let mut cmd = env.command();
    let out = cmd.args(path).arg("--help").output().unwrap();
    assert!(out.status.success(), "tfvcs {path:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The words of each `tfvcs …` invocation in a shell line, up to the first pipe, redirection,
/// `)` or `;`, with quotes removed (variables stay as written: they parse as values).
fn invocations(line: &str) -> Vec<Vec<String>> {
    let line = line.replace("\\\n", " ");
    let mut found = Vec::new();
    let bytes: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || matches!(bytes[i - 1], ' ' | '(' | '"');
        if !(starts_word && bytes[i..].iter().collect::<String>().starts_with("tfvcs ")) {
            i += 1;
            continue;
        }
        let mut words = Vec::new();
        let mut word = String::new();
        let mut quote: Option<char> = None;
        while i < bytes.len() {
            let c = bytes[i];
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), c) => word.push(c),
                (None, '\'' | '"') => quote = Some(c),
                (None, '|' | ';' | ')' | '<' | '>' | '&') => break,
                (None, ' ') => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
                (None, c) => word.push(c),
            }
            i += 1;
        }
        if !word.is_empty() {
            words.push(word);
        }
        found.push(words);
    }
    found
}

#[test]
fn every_help_has_examples_that_invoke_that_command_and_parse() {
    let paths = command_paths();
    assert!(paths.len() >= 18, "the walk found {} commands", paths.len());
    for path in paths {
        let shown = help(&path);
        let name = ["tfvcs".to_string()]
            .into_iter()
            .chain(path.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        let examples =
            help_examples(&shown).unwrap_or_else(|| panic!("{name} --help: no EXAMPLES"));
        assert!(!examples.is_empty(), "{name} --help: EXAMPLES is empty");
        // What --help shows is what the source says: clap did not wrap an example line.
        let mut cmd = Cli::command();
        let mut source = &mut cmd;
        for word in &path {
            source = source.find_subcommand_mut(word).unwrap();
        }
        let written = help_examples(&source.get_after_help().unwrap().to_string()).unwrap();
        assert_eq!(examples, written, "{name} --help wraps its examples");
        for (what, command) in &examples {
            let runs = invocations(command);
            assert!(
                runs.iter().any(|words| words.join(" ").starts_with(&name)),
                "{name} --help: the example {what:?} does not invoke {name}: {command}"
            );
            for words in runs {
                if let Err(e) = Cli::command().try_get_matches_from(&words) {
                    panic!("{name} --help: the example {what:?} does not parse: {words:?}\n{e}");
                }
            }
        }
    }
}

#[test]
fn the_ci_forms_are_among_the_examples() {
    let all: String = command_paths().iter().map(|p| help(p)).collect();
    for form in ["--pat-file -", "-o id", "-o json | jq"] {
        assert!(all.contains(form), "no example uses {form}");
    }
    for noun in ["client", "token", "auth"] {
        assert!(help(&[noun.to_string()]).contains(&format!("tfvcs {noun} ")));
    }
}

/// Whether `path` talks to the API: everything under client, token, github-app, doctor and
/// auth, and the root (which accepts the options before the noun).
fn uses_connection(path: &[String]) -> bool {
    path.first().is_none_or(|noun| {
        ["client", "token", "github-app", "doctor", "auth"].contains(&noun.as_str())
    })
}

#[test]
fn global_options_have_their_own_heading_after_the_commands_own() {
    for path in command_paths() {
        let shown = help(&path);
        if !uses_connection(&path) {
            for absent in [
                "Global options",
                "--hostname",
                "--ca-cert",
                "--no-input",
                "TFE_",
            ] {
                assert!(
                    !shown.contains(absent),
                    "tfvcs {path:?} --help offers {absent}"
                );
            }
            continue;
        }
        let heading = shown
            .find("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("tfvcs {path:?} --help: no Global options heading"));
        let options = shown.find("\nOptions:\n").unwrap();
        assert!(
            options < heading,
            "tfvcs {path:?}: Global options before Options"
        );
        for global in [
            "--hostname",
            "--org <NAME>",
            "--output",
            "--verbose",
            "--timeout",
        ] {
            let at = shown.find(global).unwrap();
            assert!(
                at > heading,
                "tfvcs {path:?}: {global} is not under Global options"
            );
        }
        // And nothing of the command's own under that heading.
        let globals = [
            "--hostname",
            "--org",
            "--output",
            "--verbose",
            "--timeout",
            "--retries",
            "--ca-cert",
            "--no-input",
        ];
        let section = shown[heading + 1..]
            .lines()
            .skip(1)
            .take_while(|l| l.is_empty() || l.starts_with(' '));
        for line in section {
            let Some(long) = line
                .split_whitespace()
                .find(|word| word.starts_with("--"))
                .filter(|_| line.trim_start().starts_with('-'))
            else {
                continue;
            };
            let long = long.trim_end_matches(',').split(['=', '.']).next().unwrap();
            assert!(
                globals.contains(&long),
                "tfvcs {path:?}: its own {long} is under Global options"
            );
        }
    }
    let create = help(&["client".into(), "create".into()]);
    let own_last = create.find("--dry-run").unwrap();
    assert!(own_last < create.find("Global options:").unwrap());
    assert!(create.find("--provider").unwrap() < create.find("--hostname").unwrap());
}

#[test]
fn the_sandbox_does_not_advertise_the_organization_variable() {
    let shown = help(&["sandbox".into()]);
    assert!(shown.contains("--org <NAME>"));
    assert!(!shown.contains("TFE_ORGANIZATION"));
}

#[test]
fn commands_that_do_not_talk_to_the_api_refuse_the_connection_options() {
    for args in [
        &["--org", "acme", "sandbox"][..],
        &["--hostname", "tfe.example.com", "completions", "bash"],
        &["-o", "json", "completions", "bash"],
        &["sandbox", "--hostname", "tfe.example.com"],
        &["completions", "bash", "--timeout", "5"],
    ] {
        let env = TestEnv::bare();
        let mut cmd = env.command();
        cmd.args(args).assert().code(2).stdout("");
    }
    let env = TestEnv::bare();
    let mut cmd = env.command();
    cmd.args(["--org", "acme", "sandbox"])
        .assert()
        .stderr(contains("--org is not an option of tfvcs sandbox"));
}

#[test]
fn variables_that_are_set_never_show_in_a_usage_line() {
    let env = TestEnv::bare();
    let mut cmd = env.command();
    let out = cmd
        .env("SSL_CERT_FILE", "/secret/canary.pem")
        .env("TFVCS_OUTPUT", "json")
        .env("TFVCS_NO_INPUT", "1")
        .env("TFVCS_TIMEOUT", "7")
        .env("TFVCS_RETRIES", "1")
        .args(["client", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let usage = stderr
        .lines()
        .find(|line| line.starts_with("Usage:"))
        .unwrap();
    assert_eq!(usage, "Usage: tfvcs client show <CLIENT>");
}

#[test]
fn no_help_shows_a_variables_value() {
    for path in command_paths() {
        let env = TestEnv::bare();
        let mut cmd = env.command();
        cmd.env("SSL_CERT_FILE", "/secret/canary.pem")
            .env("TFVCS_OUTPUT", "json")
            .env("TFE_ORGANIZATION", "canary-org")
            .env("TFE_TOKEN", TOKEN)
            .args(&path)
            .arg("--help")
            .assert()
            .success()
            .stdout(contains("canary").not())
            .stdout(contains(TOKEN).not())
            .stdout(contains("[env: TFVCS_OUTPUT=").not());
    }
}

#[test]
fn a_variable_standing_in_for_an_option_must_hold_a_valid_value() {
    for (var, value) in [
        ("TFVCS_OUTPUT", "xml"),
        ("TFVCS_TIMEOUT", "0"),
        ("TFVCS_RETRIES", "many"),
    ] {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        cmd.env(var, value)
            .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stderr(contains(format!("{var} holds \"{value}\"")));
    }
}

/// SPEC §4: at most an hour per request; 0 and 3601 are refused saying the range.
#[test]
fn the_timeout_is_from_1_to_3600_seconds() {
    for value in ["0", "3601"] {
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        cmd.args(["--timeout", value, "token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "invalid value '{value}' for '--timeout <SECONDS>': {value} is not in 1..=3600"
            )));
        let env = TestEnv::server("http://127.0.0.1:9");
        let mut cmd = env.command();
        cmd.env("TFVCS_TIMEOUT", value)
            .args(["token", "show", "ot-29t7xkUKiNC2XasL"])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "TFVCS_TIMEOUT holds \"{value}\", which is not a number of seconds from 1 to 3600"
            )));
    }
}

/// `org`'s client list, empty.
fn empty_client_list(server: &mut mockito::Server, org: &str) -> mockito::Mock {
    server
        .mock(
            "GET",
            format!("/api/v2/organizations/{org}/oauth-clients").as_str(),
        )
        .match_query(mockito::Matcher::Any)
        .with_header("content-type", "application/vnd.api+json")
        .with_body(r#"{"data":[]}"#)
        .create()
}

#[test]
fn options_before_the_noun_and_after_the_verb_both_count() {
    let mut server = mockito::Server::new();
    let before = empty_client_list(&mut server, "org-before");
    let after = empty_client_list(&mut server, "org-after");
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["--org", "org-before", "-o", "json", "client", "list"])
        .assert()
        .success()
        .stdout(contains("\"data\""));
    let env = TestEnv::server(&server.url());
    let mut cmd = env.command();
    cmd.args(["client", "list", "--org", "org-after", "-o", "id"])
        .assert()
        .success()
        .stdout("");
    before.assert();
    after.assert();
}

#[test]
fn no_option_reads_a_variable_through_clap() {
    // clap puts an option whose variable is set into usage lines as if it were required
    // (SSL_CERT_FILE made --ca-cert look so); variables are read in config/ instead.
    fn walk(cmd: &clap::Command, found: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|arg| arg.get_env().is_some()) {
            found.push(format!("{} --{}", cmd.get_name(), arg.get_id()));
        }
        cmd.get_subcommands().for_each(|sub| walk(sub, found));
    }
    let mut found = Vec::new();
    walk(&Cli::command(), &mut found);
    assert!(found.is_empty(), "options with clap `env`: {found:?}");
}

/// `token relink` has two forms; its usage shows both, and never FROM beside `--undo`, which
/// refuses it (in `--help` and in the error of a refused line).
#[test]
fn the_relink_usage_shows_its_two_forms_and_no_from_beside_undo() {
    let path = ["token".to_string(), "relink".to_string()];
    let env = TestEnv::bare();
    let refused = env
        .command()
        .args([
            "token",
            "relink",
            "--undo",
            "j.jsonl",
            "ot-hmAyP66qk2AMVdbJ",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    for text in [help(&path), String::from_utf8(refused.stderr).unwrap()] {
        let usage: Vec<&str> = text
            .lines()
            .skip_while(|line| !line.starts_with("Usage:"))
            .take_while(|line| !line.is_empty())
            .collect();
        assert_eq!(
            usage,
            [
                "Usage: tfvcs token relink [OPTIONS] <FROM> --to <ot-…|ghain-…>",
                "       tfvcs token relink --undo <JOURNAL> [--journal <FILE>] [--yes] [--dry-run]",
            ],
            "{text}"
        );
    }
}
