//! Every way a catalogue can be wrong is reported with its position and a fix, never a panic.

use unkey_errors_catalogue::{Diagnostic, Diagnostics, Position, parse};

const HEADER: &str = "docs_base_url: https://example.com/docs/errors\nerrors:\n";

/// The docs sections every public entry needs, as one-liners.
const SECTIONS: &str = "    what_happened: It was never created.\n    how_to_fix: Create it.\n    common_mistakes: \"- **Typos**: check the id.\"\n";

/// A valid entry, indented as under `errors:`.
fn entry(code: &str) -> String {
    format!(
        "  {code}:\n    status: 404\n    title: Not Found\n    description: It is not there.\n    detail: Nothing has the id x_1\n{SECTIONS}"
    )
}

fn errors(yaml: &str) -> Diagnostics {
    parse(yaml.as_bytes(), "errors.yaml").expect_err("the catalogue should be rejected")
}

fn only(yaml: &str) -> Diagnostic {
    let found = errors(yaml);
    assert_eq!(found.len(), 1, "expected one problem, found:\n{found}");
    found.0.into_iter().next().unwrap()
}

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

#[test]
fn a_valid_catalogue_parses() {
    let yaml = format!(
        "{HEADER}{}{}",
        entry("err:shop:orders:not_found"),
        entry("err:shop:items:not_found")
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(catalogue.entries().len(), 2);
    assert_eq!(catalogue.entries()[1].line, 11);
    assert_eq!(catalogue.docs_base_url(), "https://example.com/docs/errors");
}

#[test]
fn an_empty_file_says_what_a_catalogue_starts_with() {
    for yaml in ["", "\n\n", "# only a comment\n"] {
        let problem = only(yaml);
        assert_eq!(problem.message, "the catalogue is empty");
        assert_eq!(problem.position, at(1, 1));
        assert!(problem.help.unwrap().contains("docs_base_url"));
    }
}

#[test]
fn a_field_indented_too_little_is_explained_in_catalogue_terms() {
    let yaml = format!("{HEADER}  err:a:b:c:\n    status: 404\n   title: Not Found\n");
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "this line is indented 3 spaces; the fields of `err:a:b:c` are indented 4"
    );
    assert_eq!(problem.position, at(5, 4));
    assert_eq!(problem.width, "title".len(), "the key is underlined");
    assert_eq!(problem.source_line.as_deref(), Some("   title: Not Found"));
}

#[test]
fn a_field_indented_too_deeply_is_explained_in_catalogue_terms() {
    let yaml = format!("{HEADER}  err:a:b:c:\n    status: 404\n     title: Not Found\n");
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "this line is indented 5 spaces; the fields of `err:a:b:c` are indented 4"
    );
    assert_eq!(problem.position, at(5, 6));
    assert_eq!(
        problem.help.as_deref(),
        Some("indent it 4 spaces, like the lines around it")
    );
}

#[test]
fn an_entry_indented_differently_from_its_siblings_is_explained() {
    let yaml = format!(
        "{HEADER}{}   err:a:b:d:\n    status: 404\n",
        entry("err:a:b:c")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "this line is indented 3 spaces; the entries of `errors` are indented 2"
    );
    assert_eq!(problem.width, "err:a:b:d".len());
}

#[test]
fn a_colon_in_an_unquoted_title_says_to_quote_it() {
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("title: Not Found", "title: Not: Found")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "the value of `title` contains `:`, which YAML reads as the start of another key"
    );
    assert_eq!(problem.position, at(5, 12));
    assert_eq!(
        problem.width,
        "Not: Found".len(),
        "the whole value is underlined"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("quote the value: `title: \"Not: Found\"`")
    );
}

#[test]
fn a_field_without_a_space_after_its_colon_is_named() {
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("status: 404", "status:404")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "`status:404` has no space after the colon, so YAML reads it as text, not as the field `status`"
    );
    assert_eq!(problem.position, at(4, 5));
    assert_eq!(problem.help.as_deref(), Some("write `status: 404`"));
}

#[test]
fn an_unquoted_hash_that_would_cut_a_title_is_an_error() {
    // YAML reads ` # v2` as a comment: the title would silently become `Keys`.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("title: Not Found", "title: Keys # v2")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "YAML reads ` # v2` as a comment, so `title` would be cut to `Keys`"
    );
    assert_eq!(problem.position, at(5, 17));
    assert_eq!(problem.width, "# v2".len());
    assert_eq!(
        problem.help.as_deref(),
        Some("quote the whole value to keep the `#`: `title: \"Keys # v2\"`")
    );
    // Quoted, or a `#` without a space before it, is kept and fine.
    for title in ["\"Keys # v2\"", "'Keys # v2'", "Keys#v2"] {
        let yaml = format!(
            "{HEADER}{}",
            entry("err:a:b:c").replace("title: Not Found", &format!("title: {title}"))
        );
        let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
        assert!(catalogue.entries()[0].title.contains('#'), "{title}");
    }
}

#[test]
fn four_mistakes_in_four_places_are_four_errors() {
    // A bad status does not hide a misspelled related code in the same entry.
    let yaml = format!(
        "{HEADER}{}{}{}",
        entry("err:a:b:c")
            .replace("status: 404", "status: 4040")
            .replace("    title:", "    related:\n      - err:a:b:dd\n    title:"),
        entry("err:a:b:d").replace("title:", "titel:"),
        entry("err:a:b:e").replace("status: 404", "status: many")
    );
    let problems = errors(&yaml);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "status 4040 is not an error status",
            "related code `err:a:b:dd` is not in the catalogue",
            "unknown field `titel`",
            "`status` must be an integer, not a string",
        ]
    );
}

#[test]
fn unicode_line_separators_are_refused_where_they_stand() {
    // YAML's parser also breaks lines at NEL, U+2028 and U+2029, where editors show none: the
    // text after one would be read as a line of its own, here a key that hides a field.
    for (separator, name) in [
        ('\u{2028}', "U+2028 (line separator)"),
        ('\u{85}', "U+0085 (next line)"),
        ('\u{2029}', "U+2029 (paragraph separator)"),
    ] {
        let yaml = format!(
            "{HEADER}{}",
            entry("err:a:b:c").replace(
                "title: Not Found",
                &format!("title: Not Found{separator}    internal: true")
            )
        );
        let problem = only(&yaml);
        assert_eq!(
            problem.message,
            format!(
                "the file holds {name}, which YAML reads as a line break though editors do not \
                 show one"
            )
        );
        assert_eq!(problem.position, at(5, 21), "{name}");
        assert!(problem.help.unwrap().contains("remove it"));
    }
    // Written as an escape in a double-quoted string, the character is text.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("title: Not Found", "title: \"Not\\u2028Found\"")
    );
    parse(yaml.as_bytes(), "errors.yaml").unwrap();
}

#[test]
fn tabs_in_indentation_are_a_syntax_error_with_a_hint() {
    let yaml = format!("{HEADER}  err:a:b:c:\n\tstatus: 404\n");
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "this line is indented with a tab; YAML indents with spaces only"
    );
    assert_eq!(problem.position, at(4, 1));
    assert!(
        problem
            .help
            .unwrap()
            .contains("replace the tab with spaces")
    );
}

#[test]
fn malformed_codes_are_reported_on_their_key() {
    let yaml = format!(
        "{HEADER}{}{}{}",
        entry("err:Unkey:data:x"),
        entry("err:unkey:data"),
        entry("error:unkey:data:x")
    );
    let found = errors(&yaml);
    assert_eq!(found.len(), 3, "{found}");
    assert_eq!(found.0[0].position, at(3, 3));
    assert!(
        found.0[0].message.contains("the system part `Unkey`"),
        "{}",
        found.0[0].message
    );
    assert_eq!(found.0[1].position, at(11, 3));
    assert!(
        found.0[1].message.contains("has 2 part(s) after `err:`"),
        "{}",
        found.0[1].message
    );
    assert!(
        found.0[2].message.contains("does not start with `err:`"),
        "{}",
        found.0[2].message
    );
}

#[test]
fn a_duplicate_code_is_an_error_not_last_one_wins() {
    let yaml = format!("{HEADER}{}{}", entry("err:a:b:c"), entry("err:a:b:c"));
    let problem = only(&yaml);
    assert_eq!(problem.message, "duplicate code `err:a:b:c`");
    assert_eq!(problem.position, at(11, 3));
    assert!(problem.help.unwrap().contains("the first is at line 3"));
}

#[test]
fn a_field_set_twice_is_an_error() {
    let yaml = format!("{HEADER}{}    title: Gone\n", entry("err:a:b:c"));
    let problem = only(&yaml);
    assert_eq!(problem.message, "field `title` is set twice in this entry");
    assert_eq!(problem.position, at(11, 5));
}

#[test]
fn statuses_must_be_error_statuses() {
    for (status, message) in [
        ("4040", "status 4040 is not an error status"),
        ("200", "status 200 is not an error status"),
        ("\"404\"", "`status` must be an integer, not a string"),
        ("404.5", "`status` must be an integer, not a number"),
    ] {
        let yaml = format!(
            "{HEADER}{}",
            entry("err:a:b:c").replace("status: 404", &format!("status: {status}"))
        );
        let problem = only(&yaml);
        assert_eq!(problem.message, message);
        assert_eq!(problem.position, at(4, 13), "points at the value");
    }
}

#[test]
fn title_and_description_must_not_be_empty() {
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c")
            .replace("title: Not Found", "title: \"\"")
            .replace("description: It is not there.", "description:")
    );
    let found = errors(&yaml);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["`title` is empty", "`description` is empty"]);
    assert_eq!(found.0[0].position.unwrap().line, 5);
    assert_eq!(found.0[1].position.unwrap().line, 6);
}

#[test]
fn unknown_fields_suggest_the_intended_one() {
    let yaml = format!("{HEADER}{}", entry("err:a:b:c").replace("title:", "titel:"));
    // One mistake, one error: the missing `title` is not reported a second time.
    let unknown = only(&yaml);
    assert_eq!(unknown.message, "unknown field `titel`");
    assert_eq!(unknown.position, at(5, 5));
    assert!(
        unknown
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `title`?")
    );
    // A key that suggests nothing leaves the missing field reported.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("title:", "heading:")
    );
    let found = errors(&yaml);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["`err:a:b:c` has no `title`", "unknown field `heading`"]
    );
    assert_eq!(found.0[0].position, at(3, 3));
    assert_eq!(
        found.0[0].help.as_deref(),
        Some("add `title: Not Found` to the entry")
    );
}

#[test]
fn missing_required_fields_are_each_reported() {
    let yaml = format!("{HEADER}  err:a:b:c:\n    status: 404\n    internal: true\n");
    let found = errors(&yaml);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`err:a:b:c` has no `title`",
            "`err:a:b:c` has no `description`",
            "`err:a:b:c` has no `detail`"
        ]
    );
}

#[test]
fn related_codes_must_exist_and_not_point_at_themselves() {
    let yaml = format!(
        "{HEADER}{}    related:\n      - err:a:b:d\n      - err:a:b:c\n      - err:a:b:cc\n{}",
        entry("err:a:b:c"),
        entry("err:a:b:dd")
    );
    let found = errors(&yaml);
    assert_eq!(found.len(), 3, "{found}");
    assert_eq!(
        found.0[0].message,
        "related code `err:a:b:d` is not in the catalogue"
    );
    assert_eq!(found.0[0].position, at(12, 9));
    assert_eq!(
        found.0[0].help.as_deref(),
        Some("did you mean `err:a:b:dd`?")
    );
    assert_eq!(found.0[1].message, "`err:a:b:c` lists itself as related");
    assert_eq!(found.0[1].position, at(13, 9));
    assert_eq!(
        found.0[2].message,
        "related code `err:a:b:cc` is not in the catalogue"
    );
}

#[test]
fn top_level_keys_are_checked() {
    let yaml = format!(
        "docs_base_ur: https://x.com\nerrors:\n{}",
        entry("err:a:b:c")
    );
    let found = errors(&yaml);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown top-level key `docs_base_ur`",
            "the catalogue has no `docs_base_url`"
        ]
    );
    assert!(
        found.0[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `docs_base_url`?")
    );
    let problem = only(&format!(
        "docs_base_url: example.com\nerrors:\n{}",
        entry("err:a:b:c")
    ));
    assert_eq!(
        problem.message,
        "`docs_base_url` must be an http(s) URL, not `example.com`"
    );
}

#[test]
fn three_mistakes_are_three_errors_in_one_report_in_file_order() {
    let yaml = format!(
        "{HEADER}{}{}{}",
        entry("err:a:b:one").replace("status: 404", "status: 99"),
        entry("err:a:b:two").replace("detail:", "detial:"),
        entry("err:a:b:THREE"),
    );
    let found = errors(&yaml);
    let lines: Vec<usize> = found.iter().map(|d| d.position.unwrap().line).collect();
    assert!(lines.len() >= 3, "{found}");
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "in file order: {lines:?}"
    );
}

#[test]
fn codes_that_collide_as_rust_names_are_rejected() {
    let yaml = format!("{HEADER}{}{}", entry("err:a:b_c:d"), entry("err:a:b:c_d"));
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "`err:a:b_c:d` and `err:a:b:c_d` both become the Rust variant `ABCD`"
    );
    assert_eq!(problem.position, at(11, 3));
}

#[test]
fn a_code_whose_variant_would_hide_code_all_is_rejected() {
    let yaml = format!("{HEADER}{}{}", entry("err:a:b:c"), entry("err:a:l:l"));
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "`err:a:l:l` becomes the Rust variant `ALL`, which would hide `Code::ALL`, the list of every code"
    );
    assert_eq!(problem.position, at(11, 3));
    assert_eq!(problem.help.as_deref(), Some("rename one of its parts"));
    // `Code::DOMAIN` the same way.
    let yaml = format!("{HEADER}{}{}", entry("err:a:b:c"), entry("err:d_o:m_a:i_n"));
    assert_eq!(
        only(&yaml).message,
        "`err:d_o:m_a:i_n` becomes the Rust variant `DOMAIN`, which would hide `Code::DOMAIN`, the catalogue's error domain"
    );
}

#[test]
fn reserved_path_words_cannot_be_parts() {
    let problem = only(&format!("{HEADER}{}", entry("err:self:b:c")));
    assert!(
        problem
            .message
            .starts_with("`self` cannot be a system or category"),
        "{}",
        problem.message
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    let mut bytes = format!("{HEADER}{}", entry("err:a:b:c")).into_bytes();
    let title = bytes.windows(5).position(|w| w == b"Not F").unwrap();
    bytes[title + 4] = 0xFF;
    let found = parse(&bytes, "errors.yaml").unwrap_err();
    assert_eq!(found.len(), 1);
    assert_eq!(found.0[0].position, at(5, 16));
    assert!(found.0[0].message.contains("not valid UTF-8"));
}

#[test]
fn random_binary_is_an_error_not_a_panic() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..256)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(parse(&bytes, "errors.yaml").is_err());
    }
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let yaml = format!("\u{feff}{HEADER}{}", entry("err:a:b:c")).replace('\n', "\r\n");
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(catalogue.entries()[0].title, "Not Found");
    // Positions stay right with CRLF.
    let bad = format!("{HEADER}{}", entry("err:a:b:c").replace("404", "99")).replace('\n', "\r\n");
    assert_eq!(only(&bad).position, at(4, 13));
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let prev = i - 1;
        yaml.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
    }
    let started = std::time::Instant::now();
    let problem = only(&yaml);
    assert!(
        problem.message.starts_with("invalid YAML"),
        "{}",
        problem.message
    );
    // Not a timing assertion of speed, only a guard against a hang.
    assert!(started.elapsed().as_secs() < 30);
}

/// A wide bomb: few aliases, each repeating a long list. The parser's own guard counts only
/// the aliases (20,000 here, well within it), but expanded this would be 400 million values.
#[test]
fn a_wide_alias_bomb_is_refused_by_the_count_of_values_it_expands_to() {
    let items = vec!["x"; 20_000].join(", ");
    let aliases = vec!["*a"; 20_000].join(", ");
    let yaml = format!("a: &a [{items}]\nb: [{aliases}]\n");
    let problem = only(&yaml);
    assert!(
        problem
            .message
            .contains("expands to more values than its text holds"),
        "{}",
        problem.message
    );
    assert!(
        problem.help.unwrap().contains("write the values out"),
        "the help names the cause"
    );
    // Aliases that repeat a little are fine: a real catalogue may share a value.
    let yaml = format!(
        "docs_base_url: https://example.com/docs/errors\nerrors:\n{}",
        entry("err:a:b:c").replace("    status: 404\n", "    status: &status 404\n")
            + &entry("err:a:b:d").replace("    status: 404\n", "    status: *status\n")
    );
    parse(yaml.as_bytes(), "errors.yaml").unwrap();
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let yaml = format!(
        "{HEADER}  err:a:b:c: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let problem = only(&yaml);
    assert!(
        problem.message.contains("recursion limit"),
        "{}",
        problem.message
    );
}

#[test]
fn the_display_form_quotes_the_line_and_points_at_the_column() {
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("status: 404", "status: 4040")
    );
    let text = only(&yaml).to_string();
    assert_eq!(
        text,
        "status 4040 is not an error status\n \
         --> errors.yaml:4:13\n  \
         |\n\
         4 |     status: 4040\n  \
         |             ^^^^\n  \
         = help: error statuses are the HTTP client (4xx) and server (5xx) errors: 400 to 599"
    );
}

#[test]
fn a_missing_file_and_a_directory_name_the_path_tried() {
    let missing =
        unkey_errors_catalogue::load(std::path::Path::new("/no/such/errors.yaml"), "errors.yaml")
            .unwrap_err();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing.0[0].position, None);
    assert!(
        missing.0[0]
            .message
            .contains("cannot read the catalogue `/no/such/errors.yaml`")
    );
    let directory =
        unkey_errors_catalogue::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), "here")
            .unwrap_err();
    assert!(
        directory.0[0].message.ends_with("is a directory"),
        "{}",
        directory.0[0].message
    );
}

#[test]
fn a_long_line_is_quoted_around_the_column() {
    let yaml = format!(
        "{HEADER}  err:a:b:c: {}{}\n",
        "[".repeat(300),
        "]".repeat(300)
    );
    let text = only(&yaml).to_string();
    let quoted = text.lines().find(|line| line.starts_with("3 | ")).unwrap();
    assert!(quoted.chars().count() < 110, "{quoted}");
    assert!(
        quoted.starts_with("3 | …") && quoted.ends_with('…'),
        "{quoted}"
    );
    let caret = text
        .lines()
        .find(|line| line.trim_end().ends_with('^'))
        .unwrap();
    // The underline starts under the character the parser stopped at.
    let caret_at = caret.chars().position(|c| c == '^').unwrap();
    assert_eq!(quoted.chars().nth(caret_at), Some('['));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let huge = vec![b'#'; unkey_errors_catalogue::MAX_FILE_BYTES as usize + 1];
    let problem = parse(&huge, "errors.yaml").unwrap_err().0.remove(0);
    assert_eq!(problem.position, None);
    assert!(
        problem.message.contains("more than the limit of 16777216"),
        "{}",
        problem.message
    );
}

/// A special file says it is empty and never ends: it is read up to the limit, not forever.
#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_refused_at_the_size_limit() {
    let problem = unkey_errors_catalogue::load(std::path::Path::new("/dev/zero"), "errors.yaml")
        .unwrap_err()
        .0
        .remove(0);
    assert!(
        problem.message.contains("more than the limit of 16777216"),
        "{}",
        problem.message
    );
}

/// Each unknown related code's suggestion compares it with every code: only the first hundred
/// get one, so a catalogue with thousands of them still reports at once.
#[test]
fn only_the_first_hundred_unknown_related_codes_get_a_suggestion() {
    let mut yaml = String::from(HEADER);
    for i in 0..150 {
        yaml.push_str(&entry(&format!("err:a:b:c{i}")).replace(
            "    status: 404\n",
            &format!("    related: [err:a:b:x{i}]\n    status: 404\n"),
        ));
    }
    let found = errors(&yaml);
    assert_eq!(found.len(), 150);
    let suggested = found
        .0
        .iter()
        .filter(|problem| {
            problem
                .help
                .as_deref()
                .is_some_and(|help| help.contains("did you mean"))
        })
        .count();
    assert_eq!(suggested, 100);
}

#[test]
fn mutations_of_a_real_catalogue_never_panic() {
    // The first entries of Unkey's catalogue, mutated byte by byte: every result is either a
    // catalogue or a list of problems, each with a position inside the file.
    let text = include_str!("../../../errors.yaml");
    let cut = text
        .match_indices("\n  err:")
        .nth(4)
        .map_or(text.len(), |(i, _)| i + 1);
    let original = &text.as_bytes()[..cut];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    let alphabet = b" \n:-|>#&*[]{}'\"\t\\0aZ\xff";
    let mut rejected = 0;
    for _ in 0..300 {
        let mut bytes = original.to_vec();
        for _ in 0..1 + next(4) {
            let at = next(bytes.len());
            match next(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, alphabet[next(alphabet.len())]),
                _ => bytes[at] = alphabet[next(alphabet.len())],
            }
        }
        if let Err(problems) = parse(&bytes, "errors.yaml") {
            rejected += 1;
            let lines = bytes.split(|&b| b == b'\n').count();
            for problem in problems.iter() {
                if let Some(position) = problem.position {
                    assert!(
                        position.line >= 1 && position.line <= lines + 1,
                        "{problem}"
                    );
                }
            }
        }
    }
    assert!(
        rejected > 100,
        "most mutations break the catalogue; only {rejected} did"
    );
}

#[test]
fn public_entries_need_every_docs_section_internal_ones_do_not() {
    let bare = "  err:a:b:c:\n    status: 404\n    title: Not Found\n    description: Gone.\n    detail: Gone\n";
    let found = errors(&format!("{HEADER}{bare}    what_happened: \"\"\n"));
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`err:a:b:c` has no `how_to_fix` section: every public code has a complete docs page",
            "`err:a:b:c` has no `common_mistakes` section: every public code has a complete docs page",
            "`err:a:b:c` has no `what_happened` section: every public code has a complete docs page",
        ]
    );
    // The empty section is reported where it stands; the absent ones on the entry.
    assert_eq!(found.0[2].position, at(8, 5));
    assert!(
        found.0[0]
            .help
            .as_deref()
            .unwrap()
            .contains("internal: true")
    );

    let catalogue = parse(
        format!("{HEADER}{bare}    internal: true\n").as_bytes(),
        "errors.yaml",
    )
    .unwrap();
    assert!(catalogue.entries()[0].internal);
}

#[test]
fn a_public_page_cannot_link_to_an_internal_code() {
    let internal = "  err:a:b:hidden:\n    status: 500\n    title: Internal Server Error\n    description: Hidden.\n    detail: Hidden\n    internal: true\n";
    let yaml = format!(
        "{HEADER}{}    related:\n      - err:a:b:hidden\n{internal}",
        entry("err:a:b:c")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "related code `err:a:b:hidden` is internal and has no docs page to link to"
    );
    assert_eq!(problem.position, at(12, 9));
}

#[test]
fn more_entries_than_the_limit_is_one_clear_error() {
    let mut yaml = String::from(HEADER);
    for i in 0..=unkey_errors_catalogue::MAX_ENTRIES {
        yaml.push_str(&format!(
            "  err:a:b:c{i}: {{status: 404, title: T, description: D, detail: X, internal: true}}\n"
        ));
    }
    assert!(yaml.len() > 4_000_000, "{} bytes", yaml.len());
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "the catalogue has 65536 entries, more than the limit of 65535"
    );
    assert_eq!(problem.position, at(2, 1));
}

#[test]
fn unicode_in_titles_and_prose_is_kept_exactly() {
    let yaml = format!(
        "{HEADER}  err:a:b:c:\n    status: 403\n    title: Zugriff verweigert ✋\n    description: \"Nicht erlaubt: 許可されていません. 🚫\"\n    \
         detail: Ключ не найден\n{SECTIONS}"
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let entry = &catalogue.entries()[0];
    assert_eq!(entry.title, "Zugriff verweigert ✋");
    assert_eq!(entry.description, "Nicht erlaubt: 許可されていません. 🚫");
    assert_eq!(entry.detail, "Ключ не найден");
    // A non-ASCII key is reported by name.
    let bad = yaml.replace(
        "detail: Ключ не найден",
        "detail: Ключ не найден\n    🚫: 1",
    );
    let problem = errors(&bad).0.remove(0);
    assert_eq!(problem.message, "unknown field `🚫`");
    assert_eq!(problem.position, at(8, 5));
    // Columns and underlines count characters, not bytes: the value is 7 characters, 11 bytes.
    let bad = yaml.replace("detail: Ключ не найден", "detail: Ключ: x");
    let problem = only(&bad);
    assert!(
        problem
            .message
            .starts_with("the value of `detail` contains `:`"),
        "{}",
        problem.message
    );
    assert_eq!(problem.position, at(7, 13));
    assert_eq!(problem.width, 7);
}

#[test]
fn a_symlinked_catalogue_loads_and_a_symlink_loop_is_an_error() {
    let dir = std::env::temp_dir().join(format!("unkey-errors-symlinks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let real = dir.join("real.yaml");
    std::fs::write(&real, format!("{HEADER}{}", entry("err:a:b:c"))).unwrap();
    let link = dir.join("errors.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_eq!(
        unkey_errors_catalogue::load(&link, "errors.yaml")
            .unwrap()
            .entries()
            .len(),
        1
    );

    let (a, b) = (dir.join("a.yaml"), dir.join("b.yaml"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let looped = unkey_errors_catalogue::load(&a, "a.yaml").unwrap_err();
    assert!(
        looped.0[0].message.starts_with("cannot read the catalogue"),
        "{}",
        looped.0[0].message
    );

    // A file that vanishes between builds is reported like a missing one.
    std::fs::remove_file(&real).unwrap();
    let vanished = unkey_errors_catalogue::load(&link, "errors.yaml").unwrap_err();
    assert!(
        vanished.0[0].message.contains("No such file"),
        "{}",
        vanished.0[0].message
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_ten_megabyte_file_of_comments_is_read_and_rejected_for_what_it_lacks() {
    let yaml = "# a comment line of sixty-four bytes, repeated to fill the file\n".repeat(160_000);
    assert!(yaml.len() >= 10_000_000);
    let problem = only(&yaml);
    assert_eq!(problem.message, "the catalogue is empty");
}

#[test]
fn lone_carriage_returns_break_lines_for_positions_and_quotes_alike() {
    // Found by fuzzing: YAML counts a lone CR as a line break, `str::lines` does not.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace("status: 404", "status: 4040")
    )
    .replace('\n', "\r");
    let problem = only(&yaml);
    assert_eq!(problem.message, "status 4040 is not an error status");
    assert_eq!(problem.position, at(4, 13));
    assert_eq!(problem.source_line.as_deref(), Some("    status: 4040"));
    let syntax = only("docs_base_url: x\rerrors:\r  a: [\r\r\r\r  b");
    assert!(
        syntax.message.starts_with("invalid YAML"),
        "{}",
        syntax.message
    );
    // At most one past the last line, where the parser met the end of the file.
    assert!(syntax.position.unwrap().line <= 8, "{syntax}");
}

#[test]
fn lookups_by_code_find_each_entry() {
    let yaml = format!("{HEADER}{}{}", entry("err:a:b:c"), entry("err:a:b:d"));
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    // The entries are read-only, so the index by code cannot go stale.
    for code in ["err:a:b:c", "err:a:b:d"] {
        assert_eq!(catalogue.get(code).unwrap().code.as_str(), code);
    }
    assert!(catalogue.get("err:a:b:e").is_none());
}

#[test]
fn surfaces_default_to_the_api_and_the_gateway_facts_default_to_the_entrys() {
    let gateway =
        "    surfaces: [api, gateway]\n    gateway:\n      status: 401\n      message: No key.\n";
    let yaml = format!(
        "{HEADER}{}{}{}{gateway}{}    surfaces:\n      - gateway\n    gateway:\n      message_from_error: true\n",
        entry("err:a:b:api"),
        entry("err:a:b:both"),
        "",
        entry("err:a:b:gateway_only"),
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let [api, both, gateway_only] = catalogue.entries() else {
        panic!("three entries");
    };
    assert!(api.api && api.gateway.is_none());
    assert!(both.api);
    let facts = both.gateway.as_ref().unwrap();
    assert_eq!((facts.status, facts.title.as_str()), (401, "Not Found"));
    assert_eq!(facts.message.as_deref(), Some("No key."));
    assert!(!gateway_only.api);
    let facts = gateway_only.gateway.as_ref().unwrap();
    assert_eq!((facts.status, facts.message.as_deref()), (404, None));
}

#[test]
fn surface_mistakes_are_located_errors() {
    let case = |fields: &str| format!("{HEADER}{}{fields}", entry("err:a:b:c"));
    let problem = only(&case(
        "    surfaces: [api, gatewy]\n    gateway:\n      message: x\n",
    ));
    assert_eq!(problem.message, "unknown surface `gatewy`");
    assert_eq!((problem.position, problem.width), (at(11, 21), 6));
    assert_eq!(problem.help.as_deref(), Some("did you mean `gateway`?"));

    let problem = only(&case(
        "    surfaces: [api, gateway]\n    gateway:\n      status: 600\n      message: x\n",
    ));
    assert_eq!(problem.message, "status 600 is not an error status");
    assert_eq!(problem.position, at(13, 15));

    let problem = only(&case(
        "    surfaces: [gateway]\n    gateway:\n      message_from_error: false\n",
    ));
    assert_eq!(problem.message, "`err:a:b:c`'s `gateway` has no `message`");
    assert_eq!(problem.position, at(12, 5));

    let problem = only(&case("    gateway:\n      message: x\n"));
    assert_eq!(
        problem.message,
        "`err:a:b:c` has `gateway` facts, but the gateway is not among its `surfaces`"
    );

    let problem = only(&case("    surfaces: [api, gateway]\n"));
    assert_eq!(
        problem.message,
        "`err:a:b:c` is sent by the gateway but has no `gateway` facts"
    );

    let problem = only(&case("    surfaces: []\n"));
    assert!(
        problem.message.starts_with("`surfaces` is empty"),
        "{}",
        problem.message
    );

    let problem = only(&case(
        "    surfaces: [gateway]\n    gateway:\n      status: 503\n      message: x\n",
    ));
    assert_eq!(
        problem.message,
        "`err:a:b:c` is sent by the gateway only, so its `status` and `title` are the gateway's"
    );

    let problem = only(&case(
        "    surfaces: [api, gateway]\n    gateway:\n      message: x\n      message_from_error: true\n",
    ));
    assert!(
        problem
            .message
            .contains("both a `message` and `message_from_error: true`")
    );

    let problem = only(&case(
        "    surfaces: [api, gateway]\n    gateway:\n      mesage: x\n",
    ));
    assert_eq!(problem.message, "unknown gateway field `mesage`");
}

/// A catalogue with the codes `err:shop:orders:gone` and `err:billing:invoices:gone`, and
/// `navigation` (a `docs_navigation:` block) between its base URL and its errors.
fn with_navigation(navigation: &str) -> String {
    format!(
        "docs_base_url: https://example.com/docs/errors\n{navigation}errors:\n{}{}",
        entry("err:shop:orders:gone"),
        entry("err:billing:invoices:gone")
    )
}

#[test]
fn without_docs_navigation_every_system_is_listed_alphabetically_in_title_case() {
    let yaml = with_navigation("");
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let navigation = catalogue.docs_navigation();
    assert_eq!(navigation.group, "Errors");
    assert_eq!(navigation.icon, None);
    assert!(!navigation.expanded);
    let systems: Vec<(&str, &str)> = navigation
        .systems
        .iter()
        .map(|s| (s.system.as_str(), s.group.as_str()))
        .collect();
    assert_eq!(systems, [("billing", "Billing"), ("shop", "Shop")]);
}

#[test]
fn docs_navigation_sets_the_group_and_the_systems_order_and_names() {
    let yaml = with_navigation(
        "docs_navigation:\n  group: Error Codes\n  icon: triangle-exclamation\n  expanded: true\n  systems:\n    - system: shop\n      group: Shop Errors\n    - system: billing\n",
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let navigation = catalogue.docs_navigation();
    assert_eq!(navigation.group, "Error Codes");
    assert_eq!(navigation.icon.as_deref(), Some("triangle-exclamation"));
    assert!(navigation.expanded);
    let systems: Vec<(&str, &str)> = navigation
        .systems
        .iter()
        .map(|s| (s.system.as_str(), s.group.as_str()))
        .collect();
    assert_eq!(systems, [("shop", "Shop Errors"), ("billing", "Billing")]);
}

#[test]
fn unknown_docs_navigation_keys_suggest_the_intended_one() {
    let problem = only(&with_navigation(
        "docs_navigation:\n  icn: triangle-exclamation\n",
    ));
    assert_eq!(problem.message, "unknown `docs_navigation` key `icn`");
    assert_eq!(problem.position, at(3, 3));
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `icon`?"),
        "{problem}"
    );

    let problem = only(&with_navigation(
        "docs_navigation:\n  systems:\n    - system: shop\n      gruop: Shop Errors\n    - system: billing\n",
    ));
    assert_eq!(
        problem.message,
        "unknown key of a navigation system `gruop`"
    );
    assert_eq!(problem.position, at(5, 7));
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `group`?")
    );
}

#[test]
fn a_listed_system_without_codes_is_located_on_its_value_with_a_suggestion() {
    let problem = only(&with_navigation(
        "docs_navigation:\n  systems:\n    - system: shopp\n    - system: billing\n",
    ));
    assert_eq!(
        problem.message,
        "`docs_navigation` lists the system `shopp`, but no code has it"
    );
    assert_eq!(problem.position, at(4, 15));
    assert_eq!(problem.width, 5);
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `shop`?"),
        "{problem}"
    );
}

#[test]
fn a_system_with_codes_left_out_of_the_list_is_an_error() {
    let problem = only(&with_navigation(
        "docs_navigation:\n  systems:\n    - system: shop\n",
    ));
    assert_eq!(
        problem.message,
        "`docs_navigation.systems` leaves out the system `billing`, which has codes"
    );
    assert_eq!(problem.position, at(3, 3));
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .contains("`- system: billing`")
    );
}

#[test]
fn a_system_listed_twice_or_two_systems_with_one_name_are_errors() {
    let problem = only(&with_navigation(
        "docs_navigation:\n  systems:\n    - system: shop\n    - system: billing\n    - system: shop\n",
    ));
    assert_eq!(
        problem.message,
        "system `shop` is listed twice in `docs_navigation.systems`"
    );
    assert_eq!(problem.position, at(6, 15));
    assert!(problem.help.as_deref().unwrap().ends_with("line 4"));

    let problem = only(&with_navigation(
        "docs_navigation:\n  systems:\n    - system: shop\n      group: Errors\n    - system: billing\n      group: Errors\n",
    ));
    assert_eq!(
        problem.message,
        "systems `shop` and `billing` both have the group name `Errors`"
    );
    assert_eq!(problem.position, at(6, 15));
}

#[test]
fn docs_navigation_values_of_the_wrong_kind_are_located_errors() {
    let found = errors(&with_navigation(
        "docs_navigation:\n  group: \"\"\n  expanded: sometimes\n  systems:\n    - shop\n    - group: Billing\n",
    ));
    let messages: Vec<(&str, Option<Position>)> = found
        .iter()
        .map(|d| (d.message.as_str(), d.position))
        .collect();
    assert_eq!(
        messages,
        [
            ("`group` is empty", at(3, 10)),
            (
                "`expanded` must be `true` or `false`, not a string",
                at(4, 13)
            ),
            (
                "an item of `systems` must be a mapping, not a string",
                at(6, 7)
            ),
            ("this item of `systems` has no `system`", at(7, 5)),
        ]
    );
    let problem = only(&with_navigation("docs_navigation: Errors\n"));
    assert_eq!(
        problem.message,
        "`docs_navigation` must be a mapping, not a string"
    );
    assert_eq!(problem.position, at(2, 18));
}

#[test]
fn a_one_line_field_with_any_line_break_or_control_character_is_refused() {
    for (title, message) in [
        ("\"Not\\r## Found\"", "`title` must be one line"),
        (
            "\"Not\\x85Found\"",
            "`title` holds the control character U+0085",
        ),
        (
            "\"Not\\u0007Found\"",
            "`title` holds the control character U+0007",
        ),
        (
            "\"Not\\tFound\"",
            "`title` holds the control character U+0009",
        ),
        (
            "\"Not\\uFEFFFound\"",
            "`title` holds the byte order mark U+FEFF",
        ),
    ] {
        let yaml = format!(
            "{HEADER}{}",
            entry("err:shop:orders:not_found")
                .replace("title: Not Found", &format!("title: {title}"))
        );
        let problem = only(&yaml);
        assert_eq!(problem.message, message, "{title}");
        assert_eq!(problem.position, at(5, 12), "{title}");
        assert!(problem.help.is_some(), "{title}");
    }
    // A block scalar's final line break is trimmed, as before.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:shop:orders:not_found").replace("title: Not Found", "title: |\n      Not Found")
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(catalogue.entries()[0].title, "Not Found");
}

#[test]
fn a_docs_base_url_with_a_character_no_url_holds_is_refused_with_the_character_named() {
    for (url, named) in [
        ("https://example.com/docs errors", "the character U+0020"),
        ("https://example.com/docs/{errors}", "`{`"),
        (
            "\"https://example.com/docs\\nexport const x = 1;\"",
            "the character U+000A",
        ),
        ("https://example.com/<docs>", "`<`"),
    ] {
        let yaml = format!(
            "docs_base_url: {url}\nerrors:\n{}",
            entry("err:shop:orders:not_found")
        );
        let problem = only(&yaml);
        assert_eq!(
            problem.message,
            format!("`docs_base_url` holds {named}, which a URL cannot"),
            "{url}"
        );
        assert_eq!(problem.position, at(1, 16), "{url}");
        assert!(problem.help.unwrap().contains("percent-encode"), "{url}");
    }
    // Every character RFC 3986 allows as written is accepted, `*` and `%` among them.
    let yaml = format!(
        "docs_base_url: https://example.com/a-b_c.d~e/*/%20(x)!$&'+,;=@:?q=1#f\nerrors:\n{}",
        entry("err:shop:orders:not_found")
    );
    parse(yaml.as_bytes(), "errors.yaml").unwrap();
}

#[test]
fn a_comment_after_a_tab_a_quoted_key_or_in_a_plain_section_is_found_too() {
    for (from, to, message) in [
        (
            "title: Not Found",
            "title: Keys\t# v2",
            "YAML reads ` # v2` as a comment, so `title` would be cut to `Keys`",
        ),
        (
            "title: Not Found",
            "\"title\": Keys # v2",
            "YAML reads ` # v2` as a comment, so `title` would be cut to `Keys`",
        ),
        (
            "how_to_fix: Create it.",
            "how_to_fix: Retry, see issue #42",
            "YAML reads ` #42` as a comment, so `how_to_fix` would be cut to `Retry, see issue`",
        ),
    ] {
        let yaml = format!("{HEADER}{}", entry("err:a:b:c").replace(from, to));
        let problem = only(&yaml);
        assert_eq!(problem.message, message, "{to:?}");
    }
}

#[test]
fn an_unquoted_hash_on_a_line_a_plain_value_runs_on_to_is_an_error_too() {
    // YAML folds the two lines into one and cuts it at ` #`.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace(
            "description: It is not there.",
            "description: The key was revoked\n      by an admin # see the audit log"
        )
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "YAML reads ` # see the audit log` as a comment, so `description` would be cut to \
         `The key was revoked by an admin`"
    );
    assert_eq!(problem.position, at(7, 19));
    assert_eq!(problem.width, "# see the audit log".len());
    assert!(problem.help.unwrap().contains("quote the whole value"));
    // The value may start on the line after its key.
    let yaml = format!(
        "{HEADER}{}",
        entry("err:a:b:c").replace(
            "description: It is not there.",
            "description:\n      It is gone # for now"
        )
    );
    assert_eq!(only(&yaml).position, at(7, 18));
    // A comment line of its own cuts nothing; a quoted or block value keeps its `#`.
    for description in [
        "description: It is not there.\n      # a note for the catalogue's readers",
        "description: \"It is\n      gone # for now\"",
        "description: >\n      It is gone # for now",
    ] {
        let yaml = format!(
            "{HEADER}{}",
            entry("err:a:b:c").replace("description: It is not there.", description)
        );
        parse(yaml.as_bytes(), "errors.yaml")
            .unwrap_or_else(|problems| panic!("{description:?}: {problems}"));
    }
}

#[test]
fn an_empty_errors_mapping_is_refused_as_an_empty_errors_key_is() {
    for errors in ["errors:\n", "errors: {}\n"] {
        let problem = only(&format!(
            "docs_base_url: https://example.com/docs/errors\n{errors}"
        ));
        assert_eq!(problem.message, "`errors` has no entries", "{errors:?}");
        assert_eq!(problem.position, at(2, 1), "{errors:?}");
    }
}

#[test]
fn a_second_yaml_document_is_reported_where_it_starts() {
    let catalogue = format!("{HEADER}{}", entry("err:a:b:c"));
    for (yaml, line) in [
        (format!("{catalogue}---\nfoo: 1\n"), 11),
        (format!("---\n{catalogue}---\nfoo: 1\n"), 12),
        (format!("# a comment\n{catalogue}--- {{foo: 1}}\n"), 12),
    ] {
        let problem = only(&yaml);
        assert_eq!(
            problem.message,
            "a catalogue is one YAML document; this line starts a second"
        );
        assert_eq!(problem.position, at(line, 1), "{yaml}");
    }
}

#[test]
fn the_byte_not_utf8_is_counted_in_the_file_with_its_byte_order_mark() {
    for (bom, byte) in [(&b""[..], 5), (&b"\xEF\xBB\xBF"[..], 8)] {
        let mut yaml = bom.to_vec();
        yaml.extend_from_slice(b"title\xff: x\n");
        let problem = parse(&yaml, "errors.yaml").unwrap_err().0.remove(0);
        assert_eq!(
            problem.message,
            format!("the catalogue is not valid UTF-8 (byte {byte} is not)")
        );
    }
}
