//! What is generated from the clap definitions: completion scripts (printed by
//! `tfvcs completions`, and checked in under `completions/`) and the man pages checked in under
//! `man/`. `tests/generated.rs` keeps both folders equal to what this renders.

use clap::{Command, CommandFactory};
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::{self, Cli};
use crate::error::Exit;

/// The Debian changelog (packaging/debian/changelog): its newest entry is this version's
/// release, and its date is the date on the man pages.
const CHANGELOG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/packaging/debian/changelog"
));

/// The release date of the newest changelog entry as YYYY-MM-DD: the date on the man pages.
/// It comes from a checked-in file, not from today or from git, so that a fresh clone of a
/// commit generates the same pages as the commit holds; it moves when a version is released.
fn release_date() -> Result<String, String> {
    release_date_of(CHANGELOG)
}

/// The date of the first ` -- Name <email>  Tue, 01 Dec 2026 00:00:00 +0000` trailer line of a
/// Debian changelog, as YYYY-MM-DD.
fn release_date_of(changelog: &str) -> Result<String, String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let trailer = changelog
        .lines()
        .find(|line| line.starts_with(" -- "))
        .ok_or("the changelog has no ` -- ` trailer line")?;
    let date = trailer
        .split_once(">  ")
        .map(|(_, date)| date)
        .ok_or_else(|| format!("no date after the maintainer in {trailer:?}"))?;
    let fields: Vec<&str> = date.split_whitespace().collect();
    let parsed = match fields.as_slice() {
        [_weekday, day, month, year, _time, _zone] => MONTHS
            .iter()
            .position(|m| m == month)
            .zip(day.parse::<u8>().ok().filter(|d| (1..=31).contains(d)))
            .zip(year.parse::<u16>().ok().filter(|y| *y >= 1000))
            .map(|((month, day), year)| format!("{year}-{:02}-{day:02}", month + 1)),
        _ => None,
    };
    parsed.ok_or_else(|| format!("{date:?} is not an RFC 2822 date (Tue, 01 Dec 2026 ...)"))
}

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
    let date = release_date().expect("packaging/debian/changelog gives the release date");
    collect_pages(&root, &date, &mut pages);
    files.extend(
        pages
            .into_iter()
            .map(|(name, page)| (format!("man/{name}.1"), page)),
    );
    files
}

/// The man pages of `cmd` and of every command under it, dated `date`, as (page name, roff).
fn collect_pages(cmd: &Command, date: &str, pages: &mut Vec<(String, String)>) {
    pages.push((page_name(cmd), man_page(cmd, date)));
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        collect_pages(sub, date, pages);
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
fn man_page(cmd: &Command, date: &str) -> String {
    let name = page_name(cmd);
    let man = Man::new(cmd.clone())
        .title(name.to_uppercase())
        .date(date)
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

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_ENTRIES: &str = "\
tfvcs (0.2.0-1) unstable; urgency=medium

  * Second.

 -- tfvcs maintainers <m@example.org>  Fri, 05 Mar 2027 10:20:30 +0100

tfvcs (0.1.0-1) unstable; urgency=medium

  * First.

 -- tfvcs maintainers <m@example.org>  Tue, 01 Dec 2026 00:00:00 +0000
";

    #[test]
    fn the_release_date_is_the_date_of_the_newest_changelog_entry() {
        assert_eq!(release_date_of(TWO_ENTRIES).unwrap(), "2027-03-05");
    }

    #[test]
    fn a_changelog_without_a_dated_trailer_is_an_error_naming_the_line() {
        assert!(release_date_of("tfvcs (0.1.0-1) unstable\n\n  * x\n").is_err());
        let err = release_date_of(" -- m <m@example.org>  01/12/2026\n").unwrap_err();
        assert!(err.contains("01/12/2026"), "{err}");
        let err = release_date_of(" -- m <m@example.org>  Tue, 01 Foo 2026 00:00:00 +0000\n");
        assert!(err.is_err());
    }

    /// Bumping the version in Cargo.toml without a changelog entry would leave the man pages
    /// dated by the previous release (and scripts/package.sh refuses to build).
    #[test]
    fn the_newest_changelog_entry_is_this_crate_version() {
        let first = CHANGELOG.lines().next().unwrap();
        let version = first
            .split_once(" (")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(version, _)| version)
            .unwrap();
        let upstream = version.rsplit_once('-').map_or(version, |(up, _)| up);
        assert_eq!(upstream, env!("CARGO_PKG_VERSION"), "{first}");
    }

    #[test]
    fn the_man_pages_are_dated_by_the_release() {
        let page = man_page(&Cli::command(), "2030-01-02");
        assert!(page.contains(".TH TFVCS 1 2030-01-02 "), "{}", &page[..200]);
        let date = release_date().unwrap();
        for (path, page) in generated_files() {
            if path.starts_with("man/") {
                assert!(page.contains(&format!(" 1 {date} \"tfvcs ")), "{path}");
            }
        }
    }
}
