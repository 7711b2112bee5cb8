//! The two workflows end to end, across crates and across releases, in a scratch workspace
//! built with cargo (in `target/rebuild-scratch/`, outside this workspace):
//!
//! - `shop-errors`, a library with its own catalogue, depending on `unkey-errors` under another
//!   name (`ue`), as a crate that publishes its error codes would;
//! - `shop-service`, a binary that derives an error enum against that catalogue and matches on
//!   its `Code` with a wildcard, as a client of the published codes would.
//!
//! Then: adding a code to the catalogue is not a breaking change for the service; a code the
//! catalogue lacks is our compile error on the string, with no cascade; a broken catalogue is a
//! compile error located in the file.

use crate::scratch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CATALOGUE: &str = "\
docs_base_url: https://shop.example/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order has the id ord_1
    internal: true
  err:shop:orders:locked:
    status: 423
    title: Locked
    description: The order is being changed by another request.
    detail: Order ord_1 is locked
    internal: true
";

const SERVICE: &str = r#"
// Were `Code` exhaustive, the wildcard below would be unreachable: this makes that an error.
#![deny(unreachable_patterns)]

use shop_errors::errors::Code;

#[derive(Debug, thiserror::Error, ue::UnkeyError)]
#[unkey(catalogue = shop_errors::errors, crate = ue)]
enum OrderError {
    #[error("order {0} does not exist")]
    #[unkey(code = "err:shop:orders:not_found")]
    NotFound(String),
}

// Outside `shop-errors`, `Code` is non-exhaustive: the wildcard is required, and it is what
// keeps this crate compiling when a minor release of `shop-errors` adds codes.
fn describe(code: Code) -> &'static str {
    match code {
        Code::ShopOrdersNotFound => "not found",
        Code::ShopOrdersLocked => "locked",
        _ => "newer than this build",
    }
}

fn main() {
    use ue::UnkeyError;
    let error = OrderError::NotFound("ord_1".into());
    let body = error.to_response("req_1");
    println!("{} {} {}", error.code(), body.error.status, body.error.detail);
    for code in Code::ALL {
        println!("{code} {}", describe(*code));
    }
}
"#;

struct Workspace {
    dir: PathBuf,
}

impl Workspace {
    fn new(name: &str) -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("target/rebuild-scratch").join(name);
        let runtime = format!("{:?}", root.join("unkey-errors").display().to_string());
        let files = [
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"shop-errors\", \"shop-service\"]\nresolver = \"3\"\n"
                    .to_owned(),
            ),
            (
                "shop-errors/Cargo.toml",
                format!(
                    "[package]\nname = \"shop-errors\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                     [dependencies]\nue = {{ package = \"unkey-errors\", path = {runtime} }}\n"
                ),
            ),
            (
                "shop-errors/src/lib.rs",
                "/// The shop's error codes.\npub mod errors {\n    ue::catalogue!(\"errors.yaml\");\n}\n"
                    .to_owned(),
            ),
            ("shop-errors/errors.yaml", CATALOGUE.to_owned()),
            (
                "shop-service/Cargo.toml",
                format!(
                    "[package]\nname = \"shop-service\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                     [dependencies]\nshop-errors = {{ path = \"../shop-errors\" }}\n\
                     ue = {{ package = \"unkey-errors\", path = {runtime} }}\nthiserror = \"2\"\n"
                ),
            ),
            ("shop-service/src/main.rs", SERVICE.to_owned()),
        ];
        for (path, text) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        // The workspace's lock file pins the same versions, so no registry lookup is needed.
        fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        Workspace { dir }
    }

    fn cargo(&self, command: &str) -> Output {
        Command::new(env!("CARGO"))
            .args([command, "--quiet", "--offline", "-p", "shop-service"])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", scratch::target_dir())
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("CARGO_MANIFEST_DIR")
            .output()
            .unwrap()
    }

    fn run(&self) -> String {
        let output = self.cargo("run");
        assert!(
            output.status.success(),
            "the scratch service failed to build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// The errors of a build that must fail.
    fn build_errors(&self) -> String {
        let output = self.cargo("build");
        assert!(!output.status.success(), "the build should have failed");
        String::from_utf8(output.stderr).unwrap()
    }

    fn edit(&self, path: &str, edit: impl FnOnce(String) -> String) {
        let path = self.dir.join(path);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(path, edit(text)).unwrap();
    }
}

#[test]
fn a_crate_derives_against_another_crates_catalogue_and_survives_its_new_codes() {
    let workspace = Workspace::new("workflows");
    assert_eq!(
        workspace.run(),
        "err:shop:orders:not_found 404 order ord_1 does not exist\n\
         err:shop:orders:not_found not found\n\
         err:shop:orders:locked locked\n"
    );

    // A minor release of `shop-errors` adds a code: the service still compiles, and reads
    // the new code through its wildcard arm.
    workspace.edit("shop-errors/errors.yaml", |text| {
        text + "  err:shop:orders:refunded:\n    status: 409\n    title: Conflict\n    \
                description: The order was refunded.\n    detail: Order ord_1 was refunded\n    \
                internal: true\n"
    });
    assert!(
        workspace
            .run()
            .ends_with("err:shop:orders:refunded newer than this build\n")
    );

    // A code the catalogue lacks: our error, on the string, suggesting that catalogue's codes,
    // and nothing else (no "trait not implemented" from the uses in `main`).
    workspace.edit("shop-service/src/main.rs", |text| {
        text.replace(
            "\"err:shop:orders:not_found\"",
            "\"err:shop:orders:not_fuond\"",
        )
    });
    let errors = workspace.build_errors();
    assert!(
        errors.contains(
            "error: unknown error code `err:shop:orders:not_fuond`: the catalogue `errors.yaml` \
             (`shop_errors::errors::Code`) has no such entry; did you mean `err:shop:orders:not_found`?"
        ),
        "{errors}"
    );
    assert!(
        errors.contains("--> shop-service/src/main.rs:11:20"),
        "{errors}"
    );
    let reported = errors
        .lines()
        .filter(|line| line.starts_with("error"))
        .count();
    assert_eq!(reported, 2, "one error, and cargo's summary:\n{errors}");
    workspace.edit("shop-service/src/main.rs", |_| SERVICE.to_owned());

    // A broken catalogue is a compile error at the `catalogue!` call, located in the file.
    workspace.edit("shop-errors/errors.yaml", |text| {
        text.replacen("status: 404", "status: 4040", 1)
    });
    let errors = workspace.build_errors();
    assert!(
        errors.contains("error: status 4040 is not an error status"),
        "{errors}"
    );
    assert!(errors.contains("--> errors.yaml:4:13"), "{errors}");
    assert!(
        errors.contains("--> shop-errors/src/lib.rs:3:20"),
        "{errors}"
    );
}

/// "Adding an error", step 1, is `cargo build` at the repository root: it must build the
/// published crates (and so expand `errors.yaml`), not only the test package at the root.
#[test]
fn cargo_build_at_the_root_builds_the_published_crates() {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let default_members: Vec<&str> = metadata["workspace_default_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    for package in ["unkey-errors", "unkey-errors-cli"] {
        let id = metadata["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == package)
            .map(|p| p["id"].as_str().unwrap())
            .unwrap();
        assert!(
            default_members.contains(&id),
            "{package} is not built by `cargo build`"
        );
    }
}
