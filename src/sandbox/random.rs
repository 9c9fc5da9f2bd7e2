//! Randomness for the sandbox: a small reproducible generator for ids (`--seed`), and the
//! operating system's generator for what must not be guessable (the default API token, the
//! state file's salt).

/// splitmix64: small, fast, reproducible from `--seed`. Not for cryptography.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Seeded from the operating system, for runs without `--seed`.
    pub(crate) fn from_entropy() -> Self {
        let bytes: [u8; 8] = os_random();
        Rng(u64::from_le_bytes(bytes))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn alphanumeric(&mut self, len: usize) -> String {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        (0..len)
            .map(|_| CHARS[(self.next_u64() % CHARS.len() as u64) as usize] as char)
            .collect()
    }

    pub(crate) fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }
}

/// `N` bytes from the operating system's generator. Without one nothing secret can be made,
/// so its absence ends the process rather than falling back to something guessable.
pub(crate) fn os_random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random generator is available");
    bytes
}

/// A random API token shaped like TFE's (`<14>.atlasv1.<64>`), from the operating system.
pub(crate) fn api_token() -> String {
    let mut rng = Rng::new(u64::from_le_bytes(os_random()));
    let mut more = Rng::new(u64::from_le_bytes(os_random()));
    format!(
        "{}.atlasv1.{}{}",
        rng.alphanumeric(14),
        rng.alphanumeric(32),
        more.alphanumeric(32)
    )
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_tfe_shaped_and_reproducible_from_a_seed() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let id = a.alphanumeric(16);
        assert_eq!(id, b.alphanumeric(16));
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn default_tokens_differ() {
        assert_ne!(api_token(), api_token());
        assert_eq!(api_token().len(), 14 + 9 + 64);
    }
}
