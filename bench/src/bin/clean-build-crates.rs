//! Writes two small services for the clean-build comparison (see `bench/compile_time.py
//! --clean-build`): the same three-error API with unkey-errors, and with only thiserror and
//! serde_json and a hand-written status mapping.
//!
//! `cargo run -p unkey-errors-bench --bin clean-build-crates -- DIR`

use std::fs;
use std::path::{Path, PathBuf};

const WITH_UNKEY_ERRORS: &str = r#"
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("root keys cannot be deleted")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
    #[error("database failure")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Database(#[source] std::io::Error),
}

pub fn body(error: &KeyError, request_id: &str) -> String {
    serde_json::to_string(&error.to_response(request_id)).unwrap_or_default()
}
"#;

const WITH_THISERROR_ONLY: &str = r#"
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key {0} does not exist")]
    NotFound(String),
    #[error("root keys cannot be deleted")]
    Forbidden,
    #[error("database failure")]
    Database(#[source] std::io::Error),
}

#[derive(Serialize)]
struct Body<'a> {
    meta: Meta<'a>,
    error: Problem<'a>,
}

#[derive(Serialize)]
struct Meta<'a> {
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

#[derive(Serialize)]
struct Problem<'a> {
    detail: String,
    status: u16,
    title: &'a str,
    #[serde(rename = "type")]
    type_url: &'a str,
}

pub fn body(error: &KeyError, request_id: &str) -> String {
    let (status, title, type_url) = match error {
        KeyError::NotFound(_) => (404, "Not Found", "https://unkey.com/docs/errors/unkey/data/key_not_found"),
        KeyError::Forbidden => (403, "Forbidden", "https://unkey.com/docs/errors/unkey/authorization/forbidden"),
        KeyError::Database(_) => (500, "Internal Server Error", "https://unkey.com/docs/errors/unkey/application/unexpected_error"),
    };
    let detail = if status >= 500 { "An unexpected error occurred".to_owned() } else { error.to_string() };
    let body = Body { meta: Meta { request_id }, error: Problem { detail, status, title, type_url } };
    serde_json::to_string(&body).unwrap_or_default()
}
"#;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: clean-build-crates DIR");
        std::process::exit(2);
    };
    let dir = std::path::absolute(dir)?;
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../unkey-errors");
    let unkey_dependency = format!(
        "unkey-errors = {{ path = {:?} }}\n",
        runtime.display().to_string()
    );
    for (name, source, extra) in [
        (
            "with-unkey-errors",
            WITH_UNKEY_ERRORS,
            unkey_dependency.as_str(),
        ),
        (
            "with-thiserror-only",
            WITH_THISERROR_ONLY,
            "serde = { version = \"1\", features = [\"derive\"] }\n",
        ),
    ] {
        let crate_dir = dir.join(name);
        fs::create_dir_all(crate_dir.join("src"))?;
        fs::write(
            crate_dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
                 [dependencies]\nthiserror = \"2\"\nserde_json = \"1\"\n{extra}\n[workspace]\n"
            ),
        )?;
        fs::write(crate_dir.join("src/lib.rs"), source)?;
        fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock"),
            crate_dir.join("Cargo.lock"),
        )?;
    }
    Ok(())
}
