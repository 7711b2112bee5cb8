//! Prometheus alerting rules on the runtime's error counter (`error_responses_total`, the
//! `metrics` feature of `unkey-errors`): one rule for each system of the catalogue that has a
//! server error, firing while a service keeps sending that system's server errors.
//!
//! A server error is a 5xx status on the API or the gateway (`status=~"5.."`: the status that
//! was sent), and on gRPC a code whose HTTP status is a 5xx (by `error_type`: a gRPC status
//! alone does not say whose fault it was; a user's query that ran out of time is
//! `DEADLINE_EXCEEDED` as much as a stalled server). The counter's `system` label only ever
//! holds a system of the catalogue (anything else is `_OTHER`), so the HTTP half of a rule
//! also covers codes added after the rules were generated.
//!
//! The output is YAML written as text: every string is a JSON string literal, which YAML reads
//! as the same double-quoted scalar, and everything else is fixed. `promtool check rules` and
//! `promtool test rules` read it in CI (`tests/tools/check-exports.sh`).

use std::collections::BTreeMap;
use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use super::{Origin, string_literal};

/// How long a system's server errors must keep coming before its rule fires, and the window
/// of their rate.
const WINDOW: &str = "5m";

/// The rules file for `catalogue`, made by `origin`.
pub fn rules(catalogue: &Catalogue, origin: &Origin) -> String {
    let mut yaml = String::new();
    for line in origin.header().lines() {
        // The header's `//` comments, as YAML's `#` ones.
        let _ = writeln!(yaml, "#{}", line.trim_start_matches('/'));
    }
    let systems = systems_with_server_errors(catalogue);
    let _ = write!(
        yaml,
        "#
# Prometheus alerting rules on error_responses_total, the counter of error responses that
# unkey-errors' `metrics` feature keeps: one rule per system of the catalogue with a server
# error (a 5xx status over HTTP; over gRPC, a code whose HTTP status is a 5xx), firing when
# the service has sent that system's server errors for {WINDOW}, per surface.
groups:
  - name: {group}
    rules:{empty}
",
        group = string_literal("unkey-errors"),
        // A catalogue without server errors has no rule: an empty list keeps the file valid.
        empty = if systems.is_empty() { " []" } else { "" },
    );
    for (system, codes) in systems {
        rule(&mut yaml, catalogue, system, &codes);
    }
    yaml
}

/// The rule for `system`'s server errors, of which `grpc_codes` are the codes whose HTTP status
/// is a 5xx.
fn rule(yaml: &mut String, catalogue: &Catalogue, system: &str, grpc_codes: &[&str]) {
    let system_label = string_literal(system);
    let http = format!(
        "sum by (surface) (rate(error_responses_total{{system={system_label},status=~\"5..\"}}[{WINDOW}]))"
    );
    let expr = if grpc_codes.is_empty() {
        format!("{http} > 0")
    } else {
        format!(
            "({http} or sum by (surface) (rate(error_responses_total{{system={system_label},\
             surface=\"grpc\",error_type=~{}}}[{WINDOW}]))) > 0",
            string_literal(&grpc_codes.join("|"))
        )
    };
    let summary = format!("The service is sending server errors of the {system} system");
    let description = format!(
        "{{{{ $value | humanize }}}} error responses per second on the {{{{ $labels.surface }}}} \
         surface are server errors of the {system} system, for {WINDOW}. What each code \
         means: {}",
        catalogue.docs_base_url()
    );
    let _ = write!(
        yaml,
        "      - alert: {alert}
        expr: {expr}
        for: {WINDOW}
        labels:
          severity: {severity}
          system: {system_label}
        annotations:
          summary: {summary}
          description: {description}
",
        alert = string_literal(&alert_name(system)),
        expr = string_literal(&expr),
        severity = string_literal("critical"),
        summary = string_literal(&summary),
        description = string_literal(&description),
    );
}

/// The alert's name for `system`: its words in UpperCamelCase and `ServerErrors`, e.g.
/// `UnkeyServerErrors`, as Prometheus names alerts.
pub fn alert_name(system: &str) -> String {
    let mut name: String = system
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    name.push_str("ServerErrors");
    name
}

/// The systems with a code that is a server error on some surface, in order, each with its
/// codes that are one over gRPC (their HTTP status is a 5xx).
fn systems_with_server_errors(catalogue: &Catalogue) -> BTreeMap<&str, Vec<&str>> {
    let mut systems: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for entry in catalogue
        .entries()
        .iter()
        .filter(|entry| is_server_error(entry))
    {
        let codes = systems.entry(entry.code.system()).or_default();
        if entry.status >= 500 {
            codes.push(entry.code.as_str());
        }
    }
    systems
}

/// Whether `entry` is sent as a server error on any surface.
fn is_server_error(entry: &Entry) -> bool {
    entry.status >= 500 || entry.gateway.as_ref().is_some_and(|g| g.status >= 500)
}

#[cfg(test)]
mod tests {
    use super::alert_name;

    #[test]
    fn alerts_are_named_in_upper_camel_case() {
        assert_eq!(alert_name("unkey"), "UnkeyServerErrors");
        assert_eq!(alert_name("key_store"), "KeyStoreServerErrors");
    }
}
