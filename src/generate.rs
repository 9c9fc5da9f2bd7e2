//! What is generated from the clap definitions: completion scripts (printed by
//! `tfvcs completions`, and checked in under `completions/`) and the man pages checked in under
//! `man/`. `tests/generated.rs` keeps both folders equal to what this renders.

use clap::{Command, CommandFactory};
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::{self, Cli};
use crate::error::Exit;

/// The date on the man pages. It is fixed, not today's, so that the pages only change when
/// their text does; move it when the pages change in substance.
const MAN_DATE: &str = "2026-12-01";

/// The shells `tfvcs completions` knows, in the order of SPEC §8.
pub(crate) const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The completion script for `shell`.
pub(crate) fn completion_script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tfvcs", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

/// Every generated file, as (path from the repository root, contents): `completions/` then
/// `man/`.
pub fn generated_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = SHELLS
        .iter()
        .map(|&shell| {
            (
                format!("completions/{}", shell.file_name("tfvcs")),
                completion_script(shell),
            )
        })
        .collect();
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, &mut pages);
    files.extend(
        pages
            .into_iter()
            .map(|(name, page)| (format!("man/{name}.1"), page)),
    );
    files
}

/// The man pages of `cmd` and of every command under it, as (page name, roff).
fn collect_pages(cmd: &Command, pages: &mut Vec<(String, String)>) {
    pages.push((page_name(cmd), man_page(cmd)));
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        collect_pages(sub, pages);
    }
}

/// `tfvcs-client-create`: the name clap gives a built subcommand.
fn page_name(cmd: &Command) -> String {
    cmd.get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string()
}

/// One page: clap_mangen's NAME, SYNOPSIS, DESCRIPTION, OPTIONS (and GLOBAL OPTIONS) and
/// SUBCOMMANDS, then ENVIRONMENT, EXIT STATUS, EXAMPLES and SEE ALSO from tfvcs's own tables.
fn man_page(cmd: &Command) -> String {
    let name = page_name(cmd);
    let man = Man::new(cmd.clone())
        .title(name.to_uppercase())
        .date(MAN_DATE)
        .source(format!("tfvcs {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands");
    let mut page = Vec::new();
    let render = |page: &mut Vec<u8>| -> std::io::Result<()> {
        man.render_title(page)?;
        man.render_name_section(page)?;
        page.extend_from_slice(roff_body(&synopsis_section(cmd)).as_bytes());
        man.render_description_section(page)?;
        if cmd.get_arguments().any(|arg| !arg.is_hide_set()) {
            man.render_options_section(page)?;
        }
        if cmd.has_subcommands() {
            man.render_subcommands_section(page)?;
        }
        Ok(())
    };
    render(&mut page).expect("writing to a Vec cannot fail");
    let mut roff = Roff::new();
    environment_section(&mut roff, cmd);
    exit_status_section(&mut roff, cmd);
    examples_section(&mut roff, cmd);
    see_also_section(&mut roff, cmd);
    let mut text = String::from_utf8(page).expect("man pages are UTF-8");
    text.push_str(&roff_body(&roff));
    tidy_roff(&ascii_roff(&text))
}

/// Sections rendered on their own, without the preamble `Roff::render` puts first (it defines
/// the apostrophe string, and is already at the top of the page).
fn roff_body(roff: &Roff) -> String {
    let text = roff.render();
    text[text.find(".SH ").unwrap_or(0)..].to_string()
}

/// What `mandoc -T lint` asks of roff input and clap_mangen does not give: no line breaks
/// around a blank line, no trailing blanks, and text lines of at most 80 bytes (filled text
/// is re-flowed by the formatter anyway; `.nf` blocks are left as they are).
fn tidy_roff(page: &str) -> String {
    // Each clap_mangen section repeats the preamble that defines the apostrophe string.
    let preamble = Roff::new().render();
    let page = match page.split_once(&preamble) {
        Some((head, rest)) => format!("{head}{preamble}{}", rest.replace(&preamble, "")),
        None => page.to_string(),
    };
    let page = page.replace("\n.br\n\n.br\n", "\n.sp\n");
    let mut out = String::with_capacity(page.len());
    let mut filling = true;
    for line in page.lines().map(str::trim_end) {
        match line {
            ".nf" => filling = false,
            ".fi" => filling = true,
            _ => {}
        }
        let is_text = !line.starts_with('.') && !line.starts_with('\'');
        if !(filling && is_text && line.len() > 80) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > 80 {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if current.is_empty() {
                // A line starting with . or ' would be read as a request.
                if word.starts_with('.') || word.starts_with('\'') {
                    current.push_str("\\&");
                }
            } else {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

/// roff input is ASCII: anything else (`oc-…`) becomes a `\[uXXXX]` escape, which groff and
/// mandoc both read.
fn ascii_roff(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", c as u32)
            }
        })
        .collect()
}

/// `tfvcs client show [OPTIONS] [GLOBAL OPTIONS] <CLIENT>`: the command's own options and the
/// global ones kept apart, as `--help` shows them (clap_mangen would interleave them).
fn synopsis_section(cmd: &Command) -> Roff {
    let mut line = vec![bold(command_line(cmd))];
    let (own, global): (Vec<_>, Vec<_>) = cmd
        .get_arguments()
        .filter(|arg| !arg.is_positional() && !arg.is_hide_set())
        .partition(|arg| arg.get_help_heading() != Some(cli::GLOBAL_OPTIONS_HEADING));
    if !own.is_empty() {
        line.push(roman(" [OPTIONS]"));
    }
    if !global.is_empty() {
        line.push(roman(" [GLOBAL OPTIONS]"));
    }
    for arg in cmd.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().to_string(), |name| name.to_string());
        let many = if matches!(arg.get_num_args(), Some(range) if range.max_values() > 1) {
            "..."
        } else {
            ""
        };
        line.push(roman(if arg.is_required_set() {
            format!(" <{name}>{many}")
        } else {
            format!(" [{name}]{many}")
        }));
    }
    if cmd.has_subcommands() {
        line.push(roman(" <COMMAND>"));
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(line);
    roff
}

/// Whether `cmd` talks to the API (it has the connection options).
fn uses_connection(cmd: &Command) -> bool {
    cmd.get_arguments().any(|arg| arg.get_id() == "hostname")
}

fn environment_section(roff: &mut Roff, cmd: &Command) {
    roff.control("SH", ["ENVIRONMENT"]);
    let mut vars: Vec<(&str, &str)> = Vec::new();
    if uses_connection(cmd) {
        vars.extend(cli::CONNECTION_ENVIRONMENT);
    }
    let takes_pat = cmd.get_arguments().any(|arg| arg.get_id() == "pat_file");
    if takes_pat || cmd.get_bin_name() == Some("tfvcs") {
        vars.push(cli::PAT_ENVIRONMENT);
    }
    if vars.is_empty() {
        roff.text([roman(format!(
            "No environment variable changes what {} does.",
            command_line(cmd)
        ))]);
    }
    for (name, meaning) in vars {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(meaning)]);
    }
}

fn exit_status_section(roff: &mut Roff, cmd: &Command) {
    roff.control("SH", ["EXIT STATUS"]);
    let codes: &[Exit] = if uses_connection(cmd) {
        &Exit::ALL
    } else {
        &[Exit::Quiet, Exit::Failure, Exit::Usage]
    };
    for &code in codes {
        roff.control("TP", []);
        roff.text([bold((code as u8).to_string())]);
        roff.text([roman(code.meaning())]);
    }
}

/// The EXAMPLES of `--help` (see `cli::examples`), each as a comment then the command.
fn examples_section(roff: &mut Roff, cmd: &Command) {
    let help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let Some(examples) = help_examples(&help) else {
        return;
    };
    roff.control("SH", ["EXAMPLES"]);
    for (i, (what, command)) in examples.into_iter().enumerate() {
        if i > 0 {
            roff.control("PP", []);
        }
        roff.text([roman(what)]);
        roff.control("PP", []);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        for line in command.lines() {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
        roff.control("RE", []);
    }
}

/// Reads the EXAMPLES section back out of a help epilogue written by `cli::examples`:
/// (what it does, command line).
pub fn help_examples(help: &str) -> Option<Vec<(String, String)>> {
    let mut lines = help
        .lines()
        .skip_while(|line| *line != cli::EXAMPLES_HEADING);
    lines.next()?;
    let mut examples: Vec<(String, String)> = Vec::new();
    for line in lines.take_while(|line| line.is_empty() || line.starts_with("  ")) {
        if let Some(what) = line.strip_prefix("  # ") {
            examples.push((what.to_string(), String::new()));
        } else if let (Some(text), Some((_, command))) =
            (line.strip_prefix("  "), examples.last_mut())
        {
            if !command.is_empty() {
                command.push('\n');
            }
            command.push_str(text);
        }
    }
    Some(examples)
}

fn see_also_section(roff: &mut Roff, cmd: &Command) {
    let name = page_name(cmd);
    let mut related: Vec<String> = Vec::new();
    if let Some((parent, _)) = name.rsplit_once('-') {
        related.push(parent.to_string());
    }
    related.extend(cmd.get_subcommands().map(page_name));
    if related.is_empty() {
        return;
    }
    roff.control("SH", ["SEE ALSO"]);
    let mut refs = Vec::new();
    for (i, page) in related.iter().enumerate() {
        if i > 0 {
            refs.push(roman(", "));
        }
        refs.push(bold(page.as_str()));
        refs.push(roman("(1)"));
    }
    roff.text(refs);
}

/// `tfvcs client create`, as a person types it.
fn command_line(cmd: &Command) -> String {
    cmd.get_bin_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string()
}
