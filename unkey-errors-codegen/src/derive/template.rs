//! Templates over an item's fields, as `detail = "…"` and a `header`'s value take them:
//! `{field}` and `{0}` placeholders, as in `format!`.

use syn::Member;

/// A template whose placeholders name fields, rewritten for `format!` with implicit captures:
/// `{0}` becomes `{__field0}`, the name the expansion binds tuple field 0 to.
pub(crate) struct Template {
    /// The format string to pass to `format!`.
    pub(crate) format: String,
    /// The fields it uses, in order of first use.
    pub(crate) members: Vec<Member>,
    /// The text outside the placeholders, with `{{` and `}}` as the braces they stand for.
    pub(crate) literal: String,
}

/// The binding of a tuple field in patterns, and in rewritten templates.
pub(crate) fn tuple_binding(index: u32) -> String {
    format!("__field{index}")
}

/// Parses `text`, the `what` (e.g. "detail template"); the error says what is wrong with it.
pub(crate) fn parse(text: &str, what: &str) -> Result<Template, String> {
    let mut format = String::with_capacity(text.len() + 8);
    let mut literal = String::with_capacity(text.len());
    let mut members: Vec<Member> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        format.push_str(&rest[..at]);
        literal.push_str(&rest[..at]);
        let brace = &rest[at..];
        if brace.starts_with("{{") || brace.starts_with("}}") {
            format.push_str(&brace[..2]);
            literal.push_str(&brace[..1]);
            rest = &brace[2..];
            continue;
        }
        if brace.starts_with('}') {
            return Err(format!(
                "unmatched `}}` in the {what}; write `}}}}` for a literal brace"
            ));
        }
        let Some(close) = brace.find('}') else {
            return Err(format!(
                "unclosed `{{` in the {what}; write `{{{{` for a literal brace"
            ));
        };
        let inside = &brace[1..close];
        let (name, spec) = inside
            .split_once(':')
            .map_or((inside, None), |(n, s)| (n, Some(s)));
        let name = name.trim();
        let member = if name.is_empty() {
            return Err(format!(
                "`{{}}` in the {what} must name a field, like `{{api_id}}` or `{{0}}`"
            ));
        } else if let Ok(index) = name.parse::<u32>() {
            format.push('{');
            format.push_str(&tuple_binding(index));
            Member::from(index as usize)
        } else if let Some(field) = name.strip_prefix("r#") {
            // `Ident::new` takes no raw identifier, and `format!` cannot name one either.
            return Err(format!(
                "`{{{name}}}` in the {what}: a raw identifier cannot be named in a template; \
                 rename the field `{field}` to something that is not a keyword"
            ));
        } else if syn::parse_str::<syn::Ident>(name).is_ok() {
            format.push('{');
            format.push_str(name);
            Member::Named(syn::Ident::new(name, proc_macro2::Span::call_site()))
        } else {
            return Err(format!(
                "`{{{inside}}}` in the {what} must name a field, like `{{api_id}}` or `{{0}}`"
            ));
        };
        if let Some(spec) = spec {
            format.push(':');
            format.push_str(spec);
        }
        format.push('}');
        if !members.contains(&member) {
            members.push(member);
        }
        rest = &brace[close + 1..];
    }
    format.push_str(rest);
    literal.push_str(rest);
    Ok(Template {
        format,
        members,
        literal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(template: &Template) -> Vec<String> {
        template
            .members
            .iter()
            .map(|m| match m {
                Member::Named(ident) => ident.to_string(),
                Member::Unnamed(index) => index.index.to_string(),
            })
            .collect()
    }

    #[test]
    fn rewrites_positional_fields_and_keeps_named_ones() {
        let template = parse("key {0} of {api_id:?} ({0}) {{literal}}", "detail template").unwrap();
        assert_eq!(
            template.format,
            "key {__field0} of {api_id:?} ({__field0}) {{literal}}"
        );
        assert_eq!(names(&template), ["0", "api_id"]);
        assert_eq!(template.literal, "key  of  () {literal}");
    }

    #[test]
    fn rejects_what_format_would_reject() {
        let what = "detail template";
        assert_eq!(
            parse("a {} b", what).err().as_deref(),
            Some("`{}` in the detail template must name a field, like `{api_id}` or `{0}`")
        );
        assert_eq!(
            parse("a { b", what).err().as_deref(),
            Some("unclosed `{` in the detail template; write `{{` for a literal brace")
        );
        assert_eq!(
            parse("a } b", "header value").err().as_deref(),
            Some("unmatched `}` in the header value; write `}}` for a literal brace")
        );
        assert_eq!(
            parse("a {x-y} b", what).err().as_deref(),
            Some("`{x-y}` in the detail template must name a field, like `{api_id}` or `{0}`")
        );
        // A raw identifier is an error, not a panic of the derive.
        assert_eq!(
            parse("a {r#type} b", what).err().as_deref(),
            Some(
                "`{r#type}` in the detail template: a raw identifier cannot be named in a \
                 template; rename the field `type` to something that is not a keyword"
            )
        );
    }
}
