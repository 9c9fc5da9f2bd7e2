//! The organization-name rule: names go into URL paths, so only path-safe names are accepted.

use super::ids::is_path_safe;

/// `Ok` for a usable organization name, else the reason (quoting the name, which is not secret).
pub(crate) fn check_org(org: &str) -> Result<(), String> {
    if is_path_safe(org) {
        Ok(())
    } else {
        Err(format!(
            "invalid organization name {org:?}: only letters, digits, - and _ are allowed"
        ))
    }
}
