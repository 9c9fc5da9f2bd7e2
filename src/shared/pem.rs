//! Private-key checks shared by `token set-ssh-key` and the sandbox: is this text a PEM
//! private key TFE can use (no passphrase)? The answer is a plain reason, never the key.

use std::fmt;

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};

/// Why a text is not a usable private key. `Display` is the reason, without the key's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// No `-----BEGIN …` line at all.
    NotPem,
    /// A PEM block that is not a private key; carries the BEGIN line (labels are not secret).
    NotPrivate(String),
    /// Protected by a passphrase.
    Encrypted,
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
            KeyProblem::NotPrivate(begin) => write!(f, "not a private key ({begin})"),
            KeyProblem::Encrypted => {
                f.write_str("is protected by a passphrase, which TFE cannot use")
            }
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

/// `Ok` when `text` is a PEM (or OpenSSH) private key without a passphrase.
pub fn check_ssh_private_key(text: &str) -> Result<(), KeyProblem> {
    let Some(begin) = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("-----BEGIN "))
    else {
        return Err(KeyProblem::NotPem);
    };
    if !begin.ends_with("PRIVATE KEY-----") {
        return Err(KeyProblem::NotPrivate(begin.to_string()));
    }
    if begin.contains("ENCRYPTED") || text.lines().any(|l| l.trim() == "Proc-Type: 4,ENCRYPTED") {
        return Err(KeyProblem::Encrypted);
    }
    if begin == "-----BEGIN OPENSSH PRIVATE KEY-----" {
        let body: String = text
            .lines()
            .map(str::trim)
            .skip_while(|l| !l.starts_with("-----BEGIN "))
            .skip(1)
            .take_while(|l| !l.starts_with("-----END "))
            .collect();
        let bytes = BASE64
            .decode(body.as_bytes())
            .map_err(|_| KeyProblem::NotBase64)?;
        match openssh_cipher(&bytes) {
            Some("none") => {}
            Some(_) => return Err(KeyProblem::Encrypted),
            None => return Err(KeyProblem::Malformed),
        }
    }
    Ok(())
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

    #[test]
    fn padding_is_optional_in_openssh_keys() {
        assert_eq!(check_ssh_private_key(&openssh_key("none")), Ok(()));
        let unpadded = openssh_key("none").replace('=', "");
        assert_eq!(check_ssh_private_key(&unpadded), Ok(()));
    }

    #[test]
    fn each_refusal_has_its_reason() {
        let key = |body: &str| {
            format!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n"
            )
        };
        assert_eq!(
            check_ssh_private_key(&key("not*base64")),
            Err(KeyProblem::NotBase64)
        );
        assert_eq!(
            check_ssh_private_key(&key("AAAA")),
            Err(KeyProblem::Malformed)
        );
        assert_eq!(
            check_ssh_private_key(&openssh_key("aes256-ctr")),
            Err(KeyProblem::Encrypted)
        );
        assert_eq!(
            check_ssh_private_key("-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----"),
            Err(KeyProblem::NotPrivate("-----BEGIN PUBLIC KEY-----".into()))
        );
    }
}
