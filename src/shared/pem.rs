//! Private-key checks shared by `token set-ssh-key` and the sandbox: is this text a PEM
//! private key TFE can use (no passphrase)? The answer is a plain reason, never the key.
//!
//! The text is read by its markers, not by its lines, so that a key whose line breaks were
//! lost on the way (turned into spaces, or into the two characters `\n` by JSON or a CI
//! variable) is still recognised, checked for a passphrase, and refused for what it is.

use std::fmt;

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};

/// Why a text is not a usable private key. `Display` is the reason; no variant carries any of
/// the text it was found in (a label is shown only when it is one of the well-known ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// No `-----BEGIN …-----` marker at all.
    NotPem,
    /// The line breaks are the two characters `\n` (or `\r`), as JSON strings write them.
    LiteralLineBreaks,
    /// An OpenSSH public key line (`ssh-ed25519 AAAA… user@host`): the wrong half.
    OpenSshPublicKey,
    /// A PEM block that is not a private key; the well-known label, if it is one.
    NotPrivate(Option<&'static str>),
    /// A BEGIN marker without its END marker.
    NoEnd,
    /// Protected by a passphrase.
    Encrypted,
    /// The markers or the base64 are not on lines of their own: line breaks became spaces.
    LineBreaksLost,
    /// An OpenSSH key whose body is not base64.
    NotBase64,
    /// An OpenSSH key whose body is not an `openssh-key-v1` blob.
    Malformed,
}

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyProblem::NotPem => {
                f.write_str("not a PEM private key (no -----BEGIN … PRIVATE KEY----- line)")
            }
            KeyProblem::LiteralLineBreaks => f.write_str(
                "the key's line breaks are the two characters \\n, not real line breaks",
            ),
            KeyProblem::OpenSshPublicKey => {
                f.write_str("not a PEM private key: this is an OpenSSH public key")
            }
            KeyProblem::NotPrivate(Some(label)) => write!(f, "not a private key ({label})"),
            KeyProblem::NotPrivate(None) => f.write_str("not a private key"),
            KeyProblem::NoEnd => {
                f.write_str("the key has no -----END … PRIVATE KEY----- line (it is cut short)")
            }
            KeyProblem::Encrypted => {
                f.write_str("is protected by a passphrase, which TFE cannot use")
            }
            KeyProblem::LineBreaksLost => f.write_str(
                "the key's line breaks were lost (turned into spaces): its BEGIN line, base64 \
                 lines and END line must each be a line of their own",
            ),
            KeyProblem::NotBase64 => f.write_str("the OpenSSH key is not valid base64"),
            KeyProblem::Malformed => f.write_str("the OpenSSH key is malformed"),
        }
    }
}

/// Standard alphabet, padding optional: keys are written both ways.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// PEM labels that are not private keys, named in the refusal (anything else is not shown).
const KNOWN_LABELS: [&str; 10] = [
    "PUBLIC KEY",
    "RSA PUBLIC KEY",
    "OPENSSH PUBLIC KEY",
    "SSH2 PUBLIC KEY",
    "CERTIFICATE",
    "TRUSTED CERTIFICATE",
    "CERTIFICATE REQUEST",
    "NEW CERTIFICATE REQUEST",
    "X509 CRL",
    "PKCS7",
];

/// The algorithms an OpenSSH public key line starts with.
const OPENSSH_PUBLIC_PREFIXES: [&str; 4] = ["ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"];

const BEGIN: &str = "-----BEGIN ";
const DASHES: &str = "-----";

/// `Ok` when `text` is a PEM (or OpenSSH) private key without a passphrase.
pub fn check_ssh_private_key(text: &str) -> Result<(), KeyProblem> {
    // No PEM text holds a backslash: one followed by n or r is a line break written as text.
    if text.contains("\\n") || text.contains("\\r") {
        return Err(KeyProblem::LiteralLineBreaks);
    }
    let Some(begin_at) = text.find(BEGIN) else {
        let first = text.trim_start();
        if OPENSSH_PUBLIC_PREFIXES.iter().any(|p| first.starts_with(p)) {
            return Err(KeyProblem::OpenSshPublicKey);
        }
        return Err(KeyProblem::NotPem);
    };
    let after_begin = &text[begin_at + BEGIN.len()..];
    let label_len = after_begin
        .find(DASHES)
        .filter(|&n| is_label(&after_begin[..n]))
        .ok_or(KeyProblem::NotPem)?;
    let label = &after_begin[..label_len];
    if !label.ends_with("PRIVATE KEY") {
        let known = KNOWN_LABELS.iter().find(|known| **known == label).copied();
        return Err(KeyProblem::NotPrivate(known));
    }
    let rest = &after_begin[label_len + DASHES.len()..];
    let end_marker = format!("-----END {label}-----");
    let body = &rest[..rest.find(&end_marker).ok_or(KeyProblem::NoEnd)?];

    // The passphrase checks come first and read through any whitespace: a key that needs a
    // passphrase cannot be used however its lines are repaired.
    let words: Vec<&str> = body.split_whitespace().collect();
    let legacy_encrypted = words
        .windows(2)
        .any(|w| w[0] == "Proc-Type:" && w[1].ends_with(",ENCRYPTED"));
    if label.contains("ENCRYPTED") || legacy_encrypted {
        return Err(KeyProblem::Encrypted);
    }
    if label == "OPENSSH PRIVATE KEY" {
        let base64: String = words.concat();
        let bytes = BASE64
            .decode(base64.as_bytes())
            .map_err(|_| KeyProblem::NotBase64)?;
        match openssh_cipher(&bytes) {
            Some("none") => {}
            Some(_) => return Err(KeyProblem::Encrypted),
            None => return Err(KeyProblem::Malformed),
        }
    }
    if !keeps_its_lines(text, begin_at, body) {
        return Err(KeyProblem::LineBreaksLost);
    }
    Ok(())
}

/// A PEM label: upper-case words (`RSA PRIVATE KEY`, `PRIVATE KEY`), at most 64 characters.
fn is_label(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
}

/// Whether the BEGIN marker starts a line and ends one, the END marker starts a line, and no
/// base64 line holds a space (header lines such as `Comment: …` may).
fn keeps_its_lines(text: &str, begin_at: usize, body: &str) -> bool {
    let begins_line = text[..begin_at]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.trim().is_empty());
    let mut lines = body.split('\n');
    let ends_begin_line = lines.next().is_some_and(|rest| rest.trim().is_empty());
    let inner: Vec<&str> = lines.collect();
    let end_starts_line = inner.last().is_some_and(|l| l.trim().is_empty());
    let base64_lines_whole = inner
        .iter()
        .map(|l| l.trim())
        .all(|l| l.contains(':') || !l.contains(char::is_whitespace));
    begins_line && ends_begin_line && end_starts_line && base64_lines_whole
}

/// The cipher name of an `openssh-key-v1` blob.
fn openssh_cipher(bytes: &[u8]) -> Option<&str> {
    let rest = bytes.strip_prefix(b"openssh-key-v1\0")?;
    let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    std::str::from_utf8(rest.get(4..4usize.checked_add(len)?)?).ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An unencrypted-looking `openssh-key-v1` key whose cipher is `cipher`.
    pub(crate) fn openssh_key(cipher: &str) -> String {
        let mut blob = b"openssh-key-v1\0".to_vec();
        blob.extend((cipher.len() as u32).to_be_bytes());
        blob.extend(cipher.as_bytes());
        blob.extend([0u8; 16]);
        format!(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n{}\n-----END OPENSSH PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(&blob)
        )
    }

    const RSA: &str =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIB\nMIIB\n-----END RSA PRIVATE KEY-----\n";

    #[test]
    fn padding_is_optional_in_openssh_keys() {
        assert_eq!(check_ssh_private_key(&openssh_key("none")), Ok(()));
        let unpadded = openssh_key("none").replace('=', "");
        assert_eq!(check_ssh_private_key(&unpadded), Ok(()));
    }

    #[test]
    fn intact_keys_pass_with_any_line_ending_and_surrounding_text() {
        assert_eq!(check_ssh_private_key(RSA), Ok(()));
        assert_eq!(check_ssh_private_key(&RSA.replace('\n', "\r\n")), Ok(()));
        let bag = format!("Bag Attributes\n    localKeyID: 01\n{RSA}trailing text\n");
        assert_eq!(check_ssh_private_key(&bag), Ok(()));
        assert_eq!(
            check_ssh_private_key(&format!("  {}", openssh_key("none").replace('\n', "\n  "))),
            Ok(())
        );
        let pkcs8 = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----";
        assert_eq!(check_ssh_private_key(pkcs8), Ok(()));
    }

    #[test]
    fn each_refusal_has_its_reason() {
        let key = |body: &str| {
            format!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n"
            )
        };
        let cases: Vec<(String, KeyProblem)> = vec![
            (key("not*base64"), KeyProblem::NotBase64),
            (key("AAAA"), KeyProblem::Malformed),
            (openssh_key("aes256-ctr"), KeyProblem::Encrypted),
            (
                "-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----".into(),
                KeyProblem::NotPrivate(Some("PUBLIC KEY")),
            ),
            (
                "-----BEGIN SECRET THING-----\nx\n-----END SECRET THING-----".into(),
                KeyProblem::NotPrivate(None),
            ),
            ("no key here".into(), KeyProblem::NotPem),
            ("-----BEGIN lower case-----".into(), KeyProblem::NotPem),
            ("-----BEGIN RSA PRIVATE KEY".into(), KeyProblem::NotPem),
            ("ssh-ed25519 AAAA user@host".into(), KeyProblem::OpenSshPublicKey),
            ("ecdsa-sha2-nistp256 AAAA".into(), KeyProblem::OpenSshPublicKey),
            (RSA.replace('\n', "\\n"), KeyProblem::LiteralLineBreaks),
            (RSA.replace('\n', "\\r\\n"), KeyProblem::LiteralLineBreaks),
            (RSA.replace("-----END RSA PRIVATE KEY-----\n", ""), KeyProblem::NoEnd),
            (
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END EC PRIVATE KEY-----".into(),
                KeyProblem::NoEnd,
            ),
            (RSA.replace('\n', " "), KeyProblem::LineBreaksLost),
            (
                RSA.replace("MIIB\nMIIB", "MIIB MIIB"),
                KeyProblem::LineBreaksLost,
            ),
            (
                RSA.replace("-----\nMIIB\nMIIB", "----- MIIB\nMIIB"),
                KeyProblem::LineBreaksLost,
            ),
            (format!("x {RSA}"), KeyProblem::LineBreaksLost),
            (openssh_key("none").replace('\n', " "), KeyProblem::LineBreaksLost),
            (openssh_key("aes256-ctr").replace('\n', " "), KeyProblem::Encrypted),
            (
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----"
                    .into(),
                KeyProblem::Encrypted,
            ),
            (
                "-----BEGIN RSA PRIVATE KEY----- Proc-Type: 4,ENCRYPTED DEK-Info: AES-128-CBC,00  MIIB -----END RSA PRIVATE KEY-----".into(),
                KeyProblem::Encrypted,
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(check_ssh_private_key(&text), Err(problem), "{text:?}");
        }
    }

    #[test]
    fn no_reason_quotes_the_text() {
        let texts = [
            "-----BEGIN CANARY-----\nx\n-----END CANARY-----",
            "-----BEGIN RSA PRIVATE KEY----- CANARY",
            "-----BEGIN RSA PRIVATE KEY-----\\nCANARY\\n-----END RSA PRIVATE KEY-----",
            "CANARY",
        ];
        for text in texts {
            let problem = check_ssh_private_key(text).unwrap_err();
            assert!(
                !problem.to_string().contains("CANARY"),
                "{text:?}: {problem}"
            );
        }
    }
}
