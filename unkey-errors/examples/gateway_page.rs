//! Prints the gateway's HTML error page for a code, as a browser would get it:
//!
//! ```text
//! cargo run -p unkey-errors --features html --example gateway_page -- CODE REQUEST_ID [MESSAGE]
//! ```
//!
//! Without MESSAGE the page carries the catalogue's public message. `tests/tools/check-html.sh`
//! renders its output in a real browser.

use std::process::ExitCode;

use unkey_errors::{Code, GatewayResponse};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(code), Some(request_id)) = (args.next(), args.next()) else {
        eprintln!("usage: gateway_page CODE REQUEST_ID [MESSAGE]");
        return ExitCode::from(2);
    };
    let code: Code = match code.parse() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let page = match args.next() {
        Some(message) => GatewayResponse::with_message(code, request_id, message),
        None => GatewayResponse::new(code, request_id),
    };
    print!("{}", page.to_html());
    ExitCode::SUCCESS
}
