//! `usage`, `relink` and `github-app` against a mock TFE (SPEC §10): the exact list walks and
//! request counts, rows and their order, the target checks, the exact PATCH per kind, the
//! answer checks, confirmation paths and partial failures.

mod ado_org_name;
mod delete;
mod github_app;
mod journal;
pub mod mock;
mod moving;
mod moving_sandbox;
mod relink;
mod sandbox;
mod undo;
mod usage;
