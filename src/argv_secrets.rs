//! Secrets typed on the command line by mistake (a PAT as an argument, `--pat ghp_…`): every
//! word that looks like a token counts as a secret read, so that no message repeats it (clap's
//! usage errors included), and a secret given as a flag gets a pointer to where secrets go.

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

/// A word at least this long, of letters and digits mixed, whose characters carry at least
/// [`MIN_BITS_PER_CHAR`] of entropy, is taken for a token (an Azure DevOps PAT: 52 base-32
/// characters) even without a known prefix.
const LONG_WORD: usize = 20;
const MIN_BITS_PER_CHAR: f64 = 3.5;

/// Whether `word` looks like a token: a known prefix, a Terraform API token, or a long word
/// of high entropy. TFE ids (`ot-…`, 19 characters) and paths and URLs (`/`) never do.
pub fn looks_like_token(word: &str) -> bool {
    if TOKEN_PREFIXES
        .iter()
        .any(|p| word.len() > p.len() && word.starts_with(p))
        || word.contains(".atlasv1.")
    {
        return true;
    }
    word.chars().count() >= LONG_WORD
        && !word.starts_with('-')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.+=~".contains(c))
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_alphabetic())
        && bits_per_char(word) >= MIN_BITS_PER_CHAR
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

/// Counts every argument that looks like a token (or the value of `--flag=VALUE` that does)
/// as a secret read: from then on no message, clap's included, shows it.
pub fn hide_token_like(args: &[OsString]) {
    for arg in args.iter().filter_map(|a| a.to_str()) {
        let value = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with('-') => value,
            _ => arg,
        };
        if looks_like_token(value) {
            crate::secret::hide(value);
        }
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
            "oc-XKFwG6ggfA9n7t1K",
            "my-github",
            "github_enterprise",
            "https://github.example.com/api/v3",
            "/home/user/secrets/pat-2026.txt",
            "--rsa-public-key-file",
            "aaaaaaaaaaaaaaaaaaaaaaaa1",
            "ghp_",
        ] {
            assert!(!looks_like_token(word), "{word}");
        }
    }
}
