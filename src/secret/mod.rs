//! [`Secret`]: the one type for every secret tfvcs holds (the API token, PATs, OAuth secrets,
//! private and SSH keys). It has no `Display`, its `Debug` shows `[redacted]`, and the value
//! comes out only through [`Secret::expose`], called where it is written into a request.
//! Where secrets come from (file, stdin, `TFVCS_PAT`, a prompt; bounded) is `source.rs`.

mod source;

pub use source::read_bounded_text;
pub(crate) use source::{
    Holds, check_pat, check_single_stdin, check_ssh_private_key, is_placeholder, missing_pat,
    pat_from_env_or_prompt, pat_from_file, read_public_file, read_secret_file, read_source,
    source_name, warn_if_shared,
};

use std::borrow::Cow;
use std::fmt;
use std::sync::Mutex;

/// Every secret value this process has read. A server may quote a request in its answer (an
/// error detail saying "you sent {…}"): text shown to a person is scrubbed of these values
/// ([`scrub`]), since it is the one place every such path goes through.
static READ: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Values shorter than this are not scrubbed: a real token, PAT or key is longer, and
/// replacing every `a` of a table because a test's PAT is `a` would garble the output.
const SCRUBBED_FROM_LENGTH: usize = 8;

/// `text` with every secret read so far replaced by `[redacted]`.
pub(crate) fn scrub(text: &str) -> Cow<'_, str> {
    let read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut out = Cow::Borrowed(text);
    for secret in read.iter() {
        if out.contains(secret.as_str()) {
            out = Cow::Owned(out.replace(secret.as_str(), "[redacted]"));
        }
    }
    out
}

/// A secret value. To look at one while debugging, print `secret.expose()` in a local
/// change; never commit that.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        if value.len() >= SCRUBBED_FROM_LENGTH {
            let mut read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if !read.contains(&value) {
                read.push(value.clone());
            }
        }
        Secret(value)
    }

    /// The value, for the request it goes into (the `Authorization` header, a body being
    /// serialised) and for checks that never quote it.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("canary");
        assert_eq!(format!("{secret:?}"), "Secret([redacted])");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret([redacted]))");
    }

    #[test]
    fn text_quoting_a_secret_read_earlier_is_scrubbed() {
        let _pat = Secret::new("pat-SCRUB-CANARY");
        let _short = Secret::new("ab");
        assert_eq!(
            scrub("you sent pat-SCRUB-CANARY, not pat-SCRUB-CANARY2 or ab"),
            "you sent [redacted], not [redacted]2 or ab"
        );
        assert!(matches!(scrub("nothing secret"), Cow::Borrowed(_)));
    }
}
