//! `tfvcs sandbox`: an in-memory emulation of the TFE API for VCS connections (SPEC §9).

use crate::cli::SandboxArgs;
use crate::error::{Fail, Result};

pub fn run(_args: SandboxArgs, _org: Option<&str>) -> Result<()> {
    Err(Fail::other("sandbox: under construction"))
}
