//! [`Secret`]: the one type for every secret tfvcs holds (the API token, PATs, OAuth secrets,
//! private and SSH keys). It has no `Display`, its `Debug` shows `[redacted]`, and the value
//! comes out only through [`Secret::expose`], called where it is written into a request.

use std::fmt;

/// A secret value. To look at one while debugging, print `secret.expose()` in a local
/// change; never commit that.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the request it goes into (the `Authorization` header, a body being
    /// serialised) and for checks that never quote it.
    pub fn expose(&self) -> &str {
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
}
