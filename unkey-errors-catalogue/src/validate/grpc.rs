//! The gRPC facts: an entry's `grpc` status and the catalogue's error `domain`.

use super::*;
use crate::grpc::GrpcCode;

/// An entry's `grpc`: the name of a gRPC status code other than `OK`, e.g.
/// `FAILED_PRECONDITION`; an unknown name is reported with the names it may have meant.
pub(super) fn grpc_code(value: &Node, place: Place, report: &mut Report<'_>) -> Option<GrpcCode> {
    let names = || {
        GrpcCode::ALL[1..]
            .iter()
            .map(|code| code.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = match value {
        Node::String(name) => name.trim(),
        Node::Integer(number) => {
            let named = GrpcCode::ALL
                .into_iter()
                .find(|code| i128::from(code.number()) == *number)
                .filter(|code| *code != GrpcCode::Ok);
            report.error(
                place.value,
                format!("`grpc` is written as the status code's name, not its number {number}"),
                Some(named.map_or_else(
                    || format!("write one of {}", names()),
                    |code| format!("write `grpc: {code}`"),
                )),
            );
            return None;
        }
        other => {
            report.error(
                place.value,
                format!(
                    "`grpc` must be a gRPC status code's name, not {}",
                    other.kind()
                ),
                Some(format!(
                    "write e.g. `grpc: FAILED_PRECONDITION`; the names are {}",
                    names()
                )),
            );
            return None;
        }
    };
    match GrpcCode::from_name(name) {
        Some(GrpcCode::Ok) => {
            report.error(
                place.value,
                "`grpc: OK` is not an error status",
                Some(format!(
                    "name the status the error is answered with, one of {}",
                    names()
                )),
            );
            None
        }
        Some(code) => Some(code),
        None => {
            // A name in another case is the most likely mistake: suggest it alone.
            let upper = name.to_ascii_uppercase().replace([' ', '-'], "_");
            let candidates: Vec<&str> = match GrpcCode::from_name(&upper) {
                Some(code) if code != GrpcCode::Ok => vec![code.name()],
                _ => closest(&upper, GrpcCode::ALL[1..].iter().map(|code| code.name())),
            };
            report.error(
                place.value,
                format!("unknown gRPC status code `{name}`"),
                Some(
                    did_you_mean(&candidates)
                        .unwrap_or_else(|| format!("the status codes are {}", names())),
                ),
            );
            None
        }
    }
}

/// The top-level `domain`: a service name such as `unkey.com` (letters, digits, `.` and `-`,
/// each label non-empty), the `domain` of every gRPC error's `ErrorInfo`.
pub(super) fn domain(value: &Node, place: Place, report: &mut Report<'_>) -> Option<String> {
    let help = || {
        Some(
            "write the service's name as a domain, like `unkey.com` or `pubsub.googleapis.com`"
                .to_owned(),
        )
    };
    let Node::String(domain) = value else {
        report.error(
            place.value,
            format!("`domain` must be a name, not {}", value.kind()),
            help(),
        );
        return None;
    };
    let domain = domain.trim();
    let well_formed = !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        });
    if !well_formed {
        report.error(
            place.value,
            format!("`domain` must be a domain name, not `{domain}`"),
            help(),
        );
        return None;
    }
    Some(domain.to_owned())
}
