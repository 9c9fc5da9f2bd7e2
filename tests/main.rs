//! The one test binary (`cargo test --test main`): every area of behaviour is a module here,
//! so the suite links once. `no_forgotten_test_files` fails when a file or folder in `tests/`
//! is not declared below (it would never run).

mod common;

mod api_errors;
mod auth_status;
mod configuration;
mod doctor;
mod first_steps;
mod generated;
mod help;
mod linked;
mod pages;
mod project_names;
mod read_commands;
mod sandbox_e2e;
mod sandbox_hardening;
mod sandbox_linked;
mod sandbox_load;
mod sandbox_server;
mod sandbox_stacks;
mod secret_canaries;
mod secret_sources;
mod terminal_injection;
mod write_commands;

/// Every `.rs` file under `tests/` is declared by its parent: `tests/X.rs` and `tests/D/mod.rs`
/// here, `tests/D/F.rs` in `tests/D/mod.rs` or else `tests/D.rs`.
#[test]
fn no_forgotten_test_files() {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let declares = |parent: &std::path::Path, name: &str| {
        std::fs::read_to_string(parent)
            .unwrap_or_default()
            .lines()
            .any(|line| {
                [format!("mod {name};"), format!("pub mod {name};")]
                    .contains(&line.trim().to_string())
            })
    };
    let mut forgotten = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let parent = if path.join("mod.rs").exists() {
                if !declares(&tests.join("main.rs"), &name) {
                    forgotten.push(path.join("mod.rs"));
                }
                path.join("mod.rs")
            } else {
                tests.join(format!("{name}.rs"))
            };
            for file in std::fs::read_dir(&path).unwrap() {
                let file = file.unwrap().path();
                let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
                let is_rs = file.extension().is_some_and(|e| e == "rs");
                if is_rs && stem != "mod" && !declares(&parent, &stem) {
                    forgotten.push(file);
                }
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && name != "main"
            && !declares(&tests.join("main.rs"), &name)
        {
            forgotten.push(path);
        }
    }
    assert!(
        forgotten.is_empty(),
        "not declared by their parent module: {forgotten:?}"
    );
}
