//! A provider as a person types it (SPEC §3): only the exact API values are accepted, and for
//! anything else the value meant is suggested by meaning (`GitHub`, `bitbucket`, `azure`) as
//! well as by spelling (`githb`), in clap's own error format.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, ValueEnum};

use crate::provider::Provider;

/// What people call each provider, written as [`squash`] leaves it. The API value and the
/// display name of each count too, so they are not repeated here.
const MEANINGS: &[(&str, Provider)] = &[
    ("gh", Provider::Github),
    ("githubcom", Provider::Github),
    ("ghe", Provider::GithubEnterprise),
    ("ghes", Provider::GithubEnterprise),
    ("githubenterpriseserver", Provider::GithubEnterprise),
    ("gitlab", Provider::GitlabHosted),
    ("gitlabsaas", Provider::GitlabHosted),
    ("gitlabce", Provider::GitlabCommunityEdition),
    ("gitlabee", Provider::GitlabEnterpriseEdition),
    ("gitlabselfmanaged", Provider::GitlabEnterpriseEdition),
    ("bitbucket", Provider::BitbucketHosted),
    ("bitbucketorg", Provider::BitbucketHosted),
    ("bitbucketdc", Provider::BitbucketDataCenter),
    ("azure", Provider::AdoServices),
    ("ado", Provider::AdoServices),
    ("azuredevops", Provider::AdoServices),
    ("devazurecom", Provider::AdoServices),
    ("devops", Provider::AdoServices),
    ("azurerepos", Provider::AdoServices),
    ("devopsserver", Provider::AdoServer),
    ("vsts", Provider::AdoServices),
    ("tfs", Provider::AdoServer),
];

/// Lower case, letters and digits only: `GitLab.com` and `gitlab-com` are both `gitlabcom`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Every name a provider goes by, squashed: its API value, its display name, what people say.
fn names() -> impl Iterator<Item = (String, Provider)> {
    Provider::ALL
        .into_iter()
        .flat_map(|p| [(squash(p.api_name()), p), (squash(p.display_name()), p)])
        .chain(MEANINGS.iter().map(|(name, p)| (name.to_string(), *p)))
}

/// The provider `typed` most likely means, if any: one of its names exactly (ignoring case
/// and punctuation), else the name nearest in spelling when at most a couple of letters off.
pub(crate) fn suggest(typed: &str) -> Option<Provider> {
    let typed = squash(typed);
    if typed.is_empty() {
        return None;
    }
    if let Some((_, p)) = names().find(|(name, _)| *name == typed) {
        return Some(p);
    }
    let allowed = (typed.len() / 4).clamp(1, 3);
    names()
        .map(|(name, p)| (strsim::levenshtein(&name, &typed), p))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, p)| p)
}

/// The one-line tip for a value that is not a provider: the value meant, or `None`.
pub(crate) fn tip(typed: &str) -> Option<String> {
    suggest(typed).map(|p| {
        let mut tip = format!("for {}, the value is '{}'", p.display_name(), p.api_name());
        let others: Vec<String> = p
            .self_hosted()
            .iter()
            .map(|s| format!("'{}'", s.api_name()))
            .collect();
        if !others.is_empty() {
            tip.push_str(&format!(
                "; for a self-hosted server, {}",
                others.join(" or ")
            ));
        }
        tip
    })
}

/// `--provider`'s parser: the exact API values, and clap's invalid-value error with [`tip`]
/// for anything else. The possible values are the enum's, for help and completions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProviderParser;

impl TypedValueParser for ProviderParser {
    type Value = Provider;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<Provider, clap::Error> {
        let typed = value.to_string_lossy();
        if let Some(provider) = Provider::from_api_name(&typed) {
            return Ok(provider);
        }
        let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let arg = arg.map_or_else(|| "--provider".to_string(), ToString::to_string);
        error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
        let shown = crate::terminal_text::escape(&typed).into_owned();
        error.insert(ContextKind::InvalidValue, ContextValue::String(shown));
        let values = Provider::ALL.iter().map(|p| p.api_name().to_string());
        error.insert(
            ContextKind::ValidValue,
            ContextValue::Strings(values.collect()),
        );
        if let Some(tip) = tip(&typed) {
            error.insert(
                ContextKind::Suggested,
                ContextValue::StyledStrs(vec![tip.into()]),
            );
        }
        error.insert(
            ContextKind::Usage,
            ContextValue::StyledStr(cmd.clone().render_usage()),
        );
        Err(error)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Provider::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_go_by_meaning_then_spelling() {
        for (typed, meant) in [
            ("GitHub", Provider::Github),
            ("github.com", Provider::Github),
            ("bitbucket", Provider::BitbucketHosted),
            ("Bitbucket Cloud", Provider::BitbucketHosted),
            ("bitbucket-datacenter", Provider::BitbucketDataCenter),
            ("azure", Provider::AdoServices),
            ("Azure DevOps", Provider::AdoServices),
            ("ado", Provider::AdoServices),
            ("devops", Provider::AdoServices),
            ("DevOps Server", Provider::AdoServer),
            ("azure-repos", Provider::AdoServices),
            ("azure-devops-server", Provider::AdoServer),
            ("gitlab", Provider::GitlabHosted),
            ("GitLab.com", Provider::GitlabHosted),
            ("gitlab-ee", Provider::GitlabEnterpriseEdition),
            ("GHE", Provider::GithubEnterprise),
            ("githb", Provider::Github),
            ("gitlab_hostd", Provider::GitlabHosted),
            ("bitbuckett", Provider::BitbucketHosted),
        ] {
            assert_eq!(suggest(typed), Some(meant), "{typed}");
        }
        for nothing in ["", "svn", "mercurial", "perforce", "-"] {
            assert_eq!(suggest(nothing), None, "{nothing}");
        }
    }
}
