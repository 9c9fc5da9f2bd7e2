//! Secrets typed on the command line by mistake (a PAT as an argument, `--pat ghp_…`): an
//! error message (clap's usage errors included) shows every word that looks like a token as
//! `[redacted]`, and a secret given as a flag gets a pointer to where secrets go.

use std::borrow::Cow;
use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// How the VCS tokens people paste begin: GitHub (classic, fine-grained, OAuth, app), GitLab
/// (personal, deploy, runner, OAuth), Bitbucket app passwords and API tokens, and Terraform's
/// own API tokens (`….atlasv1.…`, checked apart).
const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "gldt-",
    "glrt-",
    "gloas-",
    "ATBB",
    "ATCTT",
    "ATATT",
];

/// A word at least this long, of letters and digits only (a name has `-`, `_` or `.` between
/// its words), at least a tenth of them digits, whose characters carry at least
/// [`MIN_BITS_PER_CHAR`] of entropy, is taken for a token (an Azure DevOps PAT: 52 base-32
/// characters) even without a known prefix.
const LONG_WORD: usize = 20;
const MIN_BITS_PER_CHAR: f64 = 3.5;

/// Whether `word` looks like a token: a known prefix, a Terraform API token, or a long word
/// of high entropy. TFE ids (`prj-` and 16 letters and digits) and paths and URLs (`/`)
/// never do.
pub(crate) fn looks_like_token(word: &str) -> bool {
    if TOKEN_PREFIXES
        .iter()
        .any(|p| word.len() > p.len() && word.starts_with(p))
        || word.contains(".atlasv1.")
    {
        return true;
    }
    let digits = word.chars().filter(char::is_ascii_digit).count();
    !is_tfe_id(word)
        && word.len() >= LONG_WORD
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && digits * 10 >= word.len()
        && digits < word.len()
        && bits_per_char(word) >= MIN_BITS_PER_CHAR
}

/// Whether `word` is shaped like a TFE id: a lower-case prefix, `-`, 16 letters and digits.
fn is_tfe_id(word: &str) -> bool {
    word.split_once('-').is_some_and(|(prefix, rest)| {
        !prefix.is_empty()
            && prefix.chars().all(|c| c.is_ascii_lowercase())
            && rest.len() == 16
            && rest.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// Shannon entropy of the characters of `word`, in bits per character.
fn bits_per_char(word: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in word.chars() {
        *counts.entry(c).or_insert(0u32) += 1;
    }
    let n = word.chars().count() as f64;
    counts
        .values()
        .map(|&k| {
            let p = f64::from(k) / n;
            -p * p.log2()
        })
        .sum()
}

/// The arguments that look like tokens (or the values of `--flag=VALUE` that do), to be kept
/// out of error messages.
pub struct TypedTokens(Vec<String>);

impl TypedTokens {
    pub fn in_args(args: &[OsString]) -> TypedTokens {
        let mut found: Vec<String> = args
            .iter()
            .filter_map(|a| a.to_str())
            .map(|arg| match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with('-') => value,
                _ => arg,
            })
            .filter(|word| looks_like_token(word))
            .map(str::to_string)
            .collect();
        // The longest first, so that a token holding another is replaced whole.
        found.sort_by_key(|word| std::cmp::Reverse(word.len()));
        TypedTokens(found)
    }

    /// `text` with each of these words shown as `[redacted]`.
    pub fn scrub<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for word in &self.0 {
            if out.contains(word.as_str()) {
                out = Cow::Owned(out.replace(word.as_str(), "[redacted]"));
            }
        }
        out
    }
}

/// For a flag clap does not know that people use to pass a secret (`--pat`, `--token`,
/// `--secret`), where that secret goes instead.
pub fn pointer(error: &clap::Error) -> Option<&'static str> {
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    match arg.split('=').next().unwrap_or_default() {
        "--pat" => Some(
            "a PAT is never a flag value (ps and shell history would keep it): pipe it to --pat-file -, or set TFVCS_PAT",
        ),
        "--token" => Some(
            "a token is never a flag value (ps and shell history would keep it): a PAT goes to --pat-file - or TFVCS_PAT, the API token in TFE_TOKEN or `terraform login`",
        ),
        "--secret" => Some(
            "a secret is never a flag value (ps and shell history would keep it): pipe it to --secret-file -",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_told_from_names_ids_and_paths() {
        for token in [
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            "glpat-xxxxxxxxxxxxxxxxxxxx",
            "ATBB3g7bqYzX9aVxkKz6T4ud2Lq8E4E1B2C3",
            "k7x2q4mza5n3v6b7c2x3z4a5s6d7f2g3h4j5k6l7q2w3e4r5t6y7",
            "AbCdEf0123456789.atlasv1.whatever",
        ] {
            assert!(looks_like_token(token), "{token}");
        }
        for word in [
            "ot-29t7xkUKiNC2XasL",
            "prj-AbCdEf0123456789",
            "polset-3yVQZvHzf5j3WRJ1",
            "ghain-R4xmKTaxnhLFioUq",
            "oc-XKFwG6ggfA9n7t1K",
            "my-github",
            "github_enterprise",
            "https://github.example.com/api/v3",
            "/home/user/secrets/pat-2026.txt",
            "--rsa-public-key-file",
            "aaaaaaaaaaaaaaaaaaaaaaaa1",
            "my-production-workspace-2",
            "myproductionworkspace2",
            "12345678901234567890123",
            "ghp_",
        ] {
            assert!(!looks_like_token(word), "{word}");
        }
    }

    #[test]
    fn only_the_typed_tokens_are_scrubbed() {
        let args: Vec<OsString> = [
            "tfvcs",
            "--org=glpat-abc123",
            "ghp_abc",
            "ghp_abcdef",
            "oc-x",
        ]
        .iter()
        .map(OsString::from)
        .collect();
        let typed = TypedTokens::in_args(&args);
        assert_eq!(
            typed.scrub("glpat-abc123 ghp_abcdef ghp_abc oc-x"),
            "[redacted] [redacted] [redacted] oc-x"
        );
    }
}
