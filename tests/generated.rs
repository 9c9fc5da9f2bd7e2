//! `completions/` and `man/` are generated from the clap definitions and checked in. These
//! tests fail when either folder differs from what the code generates (a command, option or
//! example changed without regenerating), and rewrite both with `UPDATE_GENERATED=1`:
//!
//! ```sh
//! UPDATE_GENERATED=1 cargo test --test main generated
//! ```
//!
//! They also lint every man page and drive the bash completion in a real `bash`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::CommandFactory;
use tfvcs::cli::Cli;
use tfvcs::generate::generated_files;

const FOLDERS: [&str; 2] = ["completions", "man"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file now in the generated folders, relative to the repository root.
fn files_on_disk() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(root().join(folder)) else {
            continue;
        };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            found.insert(format!("{folder}/{name}"));
        }
    }
    found
}

#[test]
fn completions_and_man_pages_match_the_code() {
    let expected = generated_files();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        for folder in FOLDERS {
            let _ = std::fs::remove_dir_all(root().join(folder));
            std::fs::create_dir_all(root().join(folder)).unwrap();
        }
        for (path, contents) in &expected {
            std::fs::write(root().join(path), contents).unwrap();
        }
        return;
    }
    let hint = "run `UPDATE_GENERATED=1 cargo test --test main generated` and commit the result";
    let names: BTreeSet<String> = expected.iter().map(|(path, _)| path.clone()).collect();
    let on_disk = files_on_disk();
    let missing: Vec<_> = names.difference(&on_disk).collect();
    let stale: Vec<_> = on_disk.difference(&names).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "generated files missing: {missing:?}; files no command generates: {stale:?}; {hint}"
    );
    for (path, contents) in &expected {
        let current = std::fs::read_to_string(root().join(path)).unwrap();
        assert!(current == *contents, "{path} differs from the code; {hint}");
    }
}

#[test]
fn there_is_a_man_page_for_every_command_and_a_script_for_every_shell() {
    let names: BTreeSet<String> = generated_files().into_iter().map(|(p, _)| p).collect();
    for path in [
        "completions/tfvcs.bash",
        "completions/_tfvcs",
        "completions/tfvcs.fish",
        "completions/_tfvcs.ps1",
        "completions/tfvcs.elv",
        "man/tfvcs.1",
        "man/tfvcs-client.1",
        "man/tfvcs-client-create.1",
        "man/tfvcs-client-set-pat.1",
        "man/tfvcs-token-set-ssh-key.1",
        "man/tfvcs-auth-status.1",
        "man/tfvcs-completions.1",
        "man/tfvcs-sandbox.1",
    ] {
        assert!(names.contains(path), "{path} is not generated");
    }
    // One page per command of the tree, and no page for clap's `help`.
    let mut commands = Vec::new();
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        let name = format!("{prefix}{}", cmd.get_name());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &format!("{name}-"), out);
        }
        out.push(format!("man/{name}.1"));
    }
    walk(&Cli::command(), "", &mut commands);
    let pages: BTreeSet<String> = names
        .iter()
        .filter(|p| p.starts_with("man/"))
        .cloned()
        .collect();
    assert_eq!(pages, commands.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn every_man_page_has_the_sections_a_reader_looks_for() {
    for (path, page) in generated_files() {
        if !path.starts_with("man/") {
            continue;
        }
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH ENVIRONMENT",
            ".SH \"EXIT STATUS\"",
            ".SH EXAMPLES",
        ] {
            assert!(page.contains(section), "{path} has no {section}");
        }
    }
    let pages: std::collections::HashMap<String, String> = generated_files().into_iter().collect();
    let create = &pages["man/tfvcs-client-create.1"];
    assert!(create.contains(".SH OPTIONS") && create.contains(".SH \"GLOBAL OPTIONS\""));
    assert!(create.contains("TFVCS_PAT") && create.contains("SSL_CERT_FILE"));
    assert!(
        create.contains("\\-\\-pat\\-file \\- \\-o id"),
        "the CI example is on the page"
    );
    // EXIT STATUS comes from error::Exit: every code with its meaning.
    for code in tfvcs::error::Exit::ALL {
        assert!(create.contains(&format!(".TP\n\\fB{}\\fR\n", code as u8)));
    }
    assert!(create.contains("Usage error or invalid input; nothing was sent."));
    let sandbox = &pages["man/tfvcs-sandbox.1"];
    assert!(!sandbox.contains("TFE_ORGANIZATION") && !sandbox.contains("GLOBAL OPTIONS"));
    assert!(
        !sandbox.contains("\\fB4\\fR"),
        "the sandbox has no authentication failures"
    );
}

/// The first of mandoc and groff found on PATH.
fn man_linter() -> Option<&'static str> {
    let path = std::env::var_os("PATH")?;
    ["mandoc", "groff"]
        .into_iter()
        .find(|tool| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

fn lint(tool: &str, page: &Path) -> String {
    let out = match tool {
        "mandoc" => Command::new("mandoc")
            .args(["-T", "lint"])
            .arg(page)
            .output(),
        _ => Command::new("groff")
            .args(["-man", "-ww", "-z"])
            .arg(page)
            .output(),
    }
    .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() && text.trim().is_empty() {
        String::new()
    } else {
        format!("{text} (exit {:?})", out.status.code())
    }
}

#[test]
fn every_man_page_lints_clean() {
    let Some(tool) = man_linter() else {
        // CI installs mandoc or groff (.ci/run); elsewhere the lint is skipped, saying so.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but neither mandoc nor groff is installed"
        );
        eprintln!("skipped: neither mandoc nor groff is installed");
        return;
    };
    let dir = tempfile_dir("man-lint");
    let mut problems = Vec::new();
    for (path, page) in generated_files() {
        if let Some(name) = path.strip_prefix("man/") {
            let file = dir.join(name);
            std::fs::write(&file, page).unwrap();
            let found = lint(tool, &file);
            if !found.is_empty() {
                problems.push(format!("{path}: {found}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        problems.is_empty(),
        "{tool} found:\n{}",
        problems.join("\n")
    );
}

/// A fresh folder for one test's files.
fn tempfile_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tfvcs-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Loads `completions/tfvcs.bash` in bash and asks its completion function what follows
/// `words`, as bash does on Tab: COMP_WORDS, COMP_CWORD and the function `complete -p` names.
fn bash_complete(words: &[&str]) -> Vec<String> {
    // The generated script (equal to completions/tfvcs.bash, which the drift test checks),
    // written aside so that `UPDATE_GENERATED=1` rewriting the folder cannot race this test.
    let (_, contents) = generated_files()
        .into_iter()
        .find(|(path, _)| path == "completions/tfvcs.bash")
        .unwrap();
    let dir = tempfile_dir(&format!("bash-{}", words.join("-")));
    let script = dir.join("tfvcs.bash");
    std::fs::write(&script, contents).unwrap();
    let driver = format!(
        r#"set -e
source "$1"
spec=$(complete -p tfvcs)
func=$(printf '%s\n' "$spec" | sed -n 's/.*-F \([^ ]*\).*/\1/p')
[ -n "$func" ] || {{ echo "no completion function in: $spec" >&2; exit 1; }}
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
COMPREPLY=()
"$func" tfvcs "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &driver, "bash"])
        .arg(&script)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "bash completion failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_the_client_verbs() {
    let offered = bash_complete(&["tfvcs", "client", ""]);
    let verbs: Vec<String> = Cli::command()
        .find_subcommand("client")
        .unwrap()
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for verb in verbs.iter().map(String::as_str).chain([
        "list",
        "show",
        "create",
        "update",
        "set-pat",
        "add-projects",
        "remove-projects",
        "delete",
    ]) {
        assert!(
            offered.iter().any(|o| o == verb),
            "`tfvcs client <Tab>` does not offer {verb}: {offered:?}"
        );
    }
    assert!(!offered.iter().any(|o| o == "sandbox"));
}

#[test]
fn bash_completes_a_partial_verb_and_the_provider_values() {
    assert_eq!(bash_complete(&["tfvcs", "client", "set"]), ["set-pat"]);
    let providers = bash_complete(&["tfvcs", "client", "create", "--provider", "gitlab_"]);
    assert_eq!(
        providers,
        [
            "gitlab_hosted",
            "gitlab_community_edition",
            "gitlab_enterprise_edition"
        ]
    );
}
