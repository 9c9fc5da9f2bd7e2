//! Secrets given to tfvcs (PATs, OAuth secrets, private and SSH keys): read from a file, stdin,
//! `TFVCS_PAT` or a hidden prompt, never from a flag value; checked; never printed.

use std::io::Read;
use std::path::Path;

use super::Secret;
use crate::error::{Fail, Result};
use crate::output::note;
use crate::prompt;
use crate::shared::pem::KeyProblem;

/// `-` as a path means standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How messages name where a value was read from: `stdin` or the path.
pub(crate) fn source_name(path: &Path) -> String {
    if is_stdin(path) {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

/// At most one option of a command may read stdin: refuses two or more `-` paths.
pub(crate) fn check_single_stdin(options: &[(&str, Option<&Path>)]) -> Result<()> {
    let readers: Vec<&str> = options
        .iter()
        .filter(|(_, path)| path.is_some_and(is_stdin))
        .map(|(name, _)| *name)
        .collect();
    if readers.len() > 1 {
        return Err(Fail::usage(format!(
            "only one option can read stdin, but {} all say -",
            readers.join(", ")
        ))
        .hint("put the other values in files"));
    }
    Ok(())
}

/// The most tfvcs reads from any secret or payload source. A key, a PAT or a payload is a few
/// kilobytes; more is a mistake (`/dev/zero`, a log file), refused rather than read to its end.
pub(crate) const MAX_INPUT_BYTES: usize = 1 << 20;

/// What a source holds: it decides whether a path that does not exist may be repeated (a
/// secret typed where its path belongs must not be) and whether a shared file is warned about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// A PAT, OAuth secret or private key.
    Secret,
    /// Something that is not a secret on its own: a public key, a payload document.
    Public,
}

/// Text read from a source, with whether it was a regular file that group or others can read.
pub(crate) struct SourceText {
    pub(crate) text: String,
    pub(crate) shared_file: bool,
}

/// Reads at most [`MAX_INPUT_BYTES`] of `path` (or stdin for `-`) as UTF-8 text. `option`
/// names the flag in messages. Pipes and process substitution (`<(vault read …)`) are read
/// to their end like files; nothing is warned about here (see [`warn_if_shared`]).
pub(crate) fn read_source(path: &Path, option: &str, holds: Holds) -> Result<SourceText> {
    let name = source_name(path);
    if is_stdin(path) {
        let text = read_bounded_text(std::io::stdin().lock(), option, &name)?;
        return Ok(SourceText {
            text,
            shared_file: false,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| open_failed(path, option, holds, e))?;
    let shared_file = is_shared_regular_file(&file);
    let text = read_bounded_text(file, option, &name)?;
    Ok(SourceText { text, shared_file })
}

/// Reads `source` to its end as UTF-8 text, refusing it after [`MAX_INPUT_BYTES`] (one byte
/// past the limit is read, so that "more" can be told from "exactly the limit"). Messages
/// name `option` and `name`, never the text.
pub fn read_bounded_text(source: impl Read, option: &str, name: &str) -> Result<String> {
    let mut bytes = Vec::new();
    source
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Fail::usage(format!("{option} {name}: cannot read: {e}")))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Fail::usage(format!(
            "{option} {name}: more than 1 MiB; this is not a key, token or payload"
        )));
    }
    // The UTF-8 error names a byte offset, never the bytes.
    String::from_utf8(bytes)
        .map_err(|e| Fail::usage(format!("{option} {name}: not UTF-8 text ({e})")))
}

/// The failure to open a source. A secret's path is repeated only when something exists
/// there: a value that names nothing may be the secret itself (`--pat-file ghp_…`).
fn open_failed(path: &Path, option: &str, holds: Holds, e: std::io::Error) -> Fail {
    if holds == Holds::Secret && std::fs::symlink_metadata(path).is_err() {
        return Fail::usage(format!(
            "{option}: no such file (the value is not repeated here: it may be a secret)"
        ))
        .hint(format!(
            "{option} takes a path; to pass the value itself, pipe it in with {option} -"
        ));
    }
    Fail::usage(format!("{option} {}: {e}", path.display()))
}

/// A regular file whose mode lets group or others read it. Directories, devices and pipes
/// are not files a secret is kept in, so they never count.
#[cfg(unix)]
fn is_shared_regular_file(file: &std::fs::File) -> bool {
    use std::os::unix::fs::PermissionsExt;
    file.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn is_shared_regular_file(_: &std::fs::File) -> bool {
    false
}

/// The warning for a secret file that others can read (a warning, not an error).
pub(crate) fn warn_if_shared(source: &SourceText, path: &Path) {
    if source.shared_file {
        note(&format!(
            "warning: {} is readable by group or others; consider `chmod 600 {}`",
            path.display(),
            path.display()
        ));
    }
}

/// A key or secret file, sent exactly as read; empty is refused.
pub(crate) fn read_secret_file(path: &Path, option: &str) -> Result<Secret> {
    let source = read_source(path, option, Holds::Secret)?;
    warn_if_shared(&source, path);
    if source.text.trim().is_empty() {
        return Err(Fail::usage(format!(
            "{option} {}: the file is empty",
            source_name(path)
        )));
    }
    Ok(Secret::new(source.text))
}

/// A public key file (not a secret: TFE shows it back), sent exactly as read; empty is refused.
pub(crate) fn read_public_file(path: &Path, option: &str) -> Result<String> {
    let source = read_source(path, option, Holds::Public)?;
    if source.text.trim().is_empty() {
        return Err(Fail::usage(format!(
            "{option} {}: the file is empty",
            source_name(path)
        )));
    }
    Ok(source.text)
}

/// Removes one trailing newline (`\n` or `\r\n`), as editors and `echo` add one.
fn trim_one_newline(mut text: String) -> String {
    if text.ends_with("\r\n") {
        text.truncate(text.len() - 2);
    } else if text.ends_with('\n') {
        text.truncate(text.len() - 1);
    }
    text
}

/// Whether a PAT is a template placeholder such as the guide's `<YOUR_PERSONAL_ACCESS_TOKEN>`.
pub(crate) fn is_placeholder(value: &str) -> bool {
    let v = value.trim();
    v.starts_with('<') && v.ends_with('>')
}

/// Checks a PAT from any source: not empty, not a placeholder, no inner line breaks.
pub(crate) fn check_pat(value: String, source: &str) -> Result<Secret> {
    let value = trim_one_newline(value);
    if value.trim().is_empty() {
        return Err(Fail::usage(format!(
            "the personal access token from {source} is empty"
        )));
    }
    if is_placeholder(&value) {
        return Err(Fail::usage(format!(
            "the personal access token from {source} is a placeholder in angle brackets, not a token"
        ))
        .hint("replace it with the PAT your VCS provider gave you"));
    }
    if value.contains(['\n', '\r']) {
        return Err(Fail::usage(format!(
            "the personal access token from {source} spans several lines"
        )));
    }
    Ok(Secret::new(value))
}

/// Where a PAT may come from, in the order tried after `--pat-file` (and a payload's value).
pub(crate) fn pat_from_env_or_prompt(no_input: bool) -> Result<Option<Secret>> {
    if let Some(value) = std::env::var_os("TFVCS_PAT") {
        if value.is_empty() {
            // Most often `TFVCS_PAT="$SECRET"` with a CI secret that does not exist.
            return Err(Fail::usage("TFVCS_PAT is set but empty")
                .hint("set it to the PAT (in CI: check that the secret it is read from exists), or unset it and pass --pat-file -"));
        }
        let value = value
            .into_string()
            .map_err(|_| Fail::usage("TFVCS_PAT is not valid UTF-8"))?;
        return check_pat(value, "TFVCS_PAT").map(Some);
    }
    if prompt::interactive(no_input) {
        let value = prompt::hidden("Personal access token")?;
        return check_pat(value, "the prompt").map(Some);
    }
    Ok(None)
}

/// A PAT from `--pat-file`, if given.
pub(crate) fn pat_from_file(pat_file: Option<&Path>) -> Result<Option<Secret>> {
    match pat_file {
        Some(path) => {
            let source = read_source(path, "--pat-file", Holds::Secret)?;
            warn_if_shared(&source, path);
            check_pat(source.text, &source_name(path)).map(Some)
        }
        None => Ok(None),
    }
}

/// The failure when no PAT was found anywhere.
pub(crate) fn missing_pat() -> Fail {
    Fail::usage("a personal access token (PAT) is required")
        .hint("pass --pat-file PATH, or --pat-file - to read it from stdin")
        .hint("or set TFVCS_PAT, or run in a terminal to be asked for it")
}

/// Checks an SSH key for `token set-ssh-key`: a PEM private key without a passphrase. The
/// failure names `source` and the problem, never the key's text.
pub(crate) fn check_ssh_private_key(text: &str, source: &str) -> Result<()> {
    crate::shared::pem::check_ssh_private_key(text).map_err(|problem| {
        let fail = Fail::usage(format!("{source}: {problem}"));
        match problem {
            KeyProblem::Encrypted => {
                fail.hint("remove it with `ssh-keygen -p -N '' -f KEYFILE` on a copy")
            }
            KeyProblem::LiteralLineBreaks => fail.hint(
                "write the key with real line breaks, e.g. `printf '%b\\n' \"$KEY\" > key.pem`",
            ),
            KeyProblem::LineBreaksLost | KeyProblem::NoEnd => {
                fail.hint("give the key file exactly as ssh-keygen or your provider wrote it")
            }
            KeyProblem::OpenSshPublicKey => {
                fail.hint("give the private key file (the one without .pub)")
            }
            _ => fail,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::pem::tests::openssh_key;

    #[test]
    fn one_trailing_newline_is_trimmed_from_a_pat() {
        assert_eq!(check_pat("abc\n".into(), "x").unwrap().expose(), "abc");
        assert_eq!(check_pat("abc\r\n".into(), "x").unwrap().expose(), "abc");
        assert!(check_pat("abc\n\n".into(), "x").is_err());
    }

    #[test]
    fn empty_and_placeholder_pats_are_refused() {
        assert!(check_pat("\n".into(), "x").is_err());
        assert!(check_pat("<YOUR_PERSONAL_ACCESS_TOKEN>".into(), "x").is_err());
        assert!(check_pat("<anything>".into(), "x").is_err());
    }

    #[test]
    fn openssh_keys_need_cipher_none() {
        assert!(check_ssh_private_key(&openssh_key("none"), "k").is_ok());
        let err = check_ssh_private_key(&openssh_key("aes256-ctr"), "k").unwrap_err();
        assert!(err.message.contains("passphrase"), "{}", err.message);
    }

    #[test]
    fn encrypted_pem_keys_are_refused() {
        let pkcs8 =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert!(check_ssh_private_key(pkcs8, "k").is_err());
        let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIB\n-----END RSA PRIVATE KEY-----\n";
        assert!(check_ssh_private_key(legacy, "k").is_err());
        let plain = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
        assert!(check_ssh_private_key(plain, "k").is_ok());
    }

    #[test]
    fn public_keys_and_other_text_are_refused() {
        assert!(check_ssh_private_key("ssh-ed25519 AAAA user@host", "k").is_err());
        assert!(
            check_ssh_private_key(
                "-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----",
                "k"
            )
            .is_err()
        );
    }

    #[test]
    fn two_stdin_readers_are_refused() {
        let dash = Path::new("-");
        assert!(check_single_stdin(&[("--a", Some(dash)), ("--b", None)]).is_ok());
        assert!(check_single_stdin(&[("--a", Some(dash)), ("--b", Some(dash))]).is_err());
    }
}
