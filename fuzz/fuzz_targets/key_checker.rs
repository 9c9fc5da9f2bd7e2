//! The SSH key checker on any text: it never panics, and its reason never carries any of the
//! text (a reason is one of a fixed set, or names a well-known PEM label).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tfvcs::shared::pem::{KeyProblem, check_ssh_private_key};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problem) = check_ssh_private_key(text) {
        let reason = problem.to_string();
        // Only a well-known label may come from the text; it is no secret.
        if !matches!(problem, KeyProblem::NotPrivate(Some(_))) {
            for run in text.split(|c: char| !c.is_ascii_alphanumeric()) {
                if run.len() >= 12 {
                    assert!(!reason.contains(run), "reason {reason:?} quotes the text");
                }
            }
        }
    }
    // The check reads through line endings: CR LF is the same key as LF.
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    if !text.contains('\r') {
        assert_eq!(
            check_ssh_private_key(text).is_ok(),
            check_ssh_private_key(&crlf).is_ok(),
            "line endings changed the verdict"
        );
    }
});
