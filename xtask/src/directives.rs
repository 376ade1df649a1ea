//! The `{{#…}}` directives of the book's markdown, found the same way by the
//! checker (`book.rs`) and the preprocessor (`preprocess.rs`), so that what
//! one validates is exactly what the other expands.

/// One `{{#kind arg}}` in a chapter's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: String,
    pub arg: String,
    /// Byte range of the whole `{{#…}}` in the source.
    pub start: usize,
    pub end: usize,
}

/// The course's own directives, expanded by `cargo xtask preprocess`.
pub const EXAMPLE: &str = "example";
pub const OUTPUT: &str = "output";
pub const COMPILE_FAIL: &str = "compile_fail";
/// mdBook's own, allowed only with a file and an ANCHOR name.
pub const INCLUDE: &str = "include";
pub const RUSTDOC_INCLUDE: &str = "rustdoc_include";

/// Every directive in `text`, in order. `\{{#` escapes one, as in mdBook.
pub fn scan(text: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find("{{#") {
        let start = from + offset;
        let escaped = text[..start].ends_with('\\');
        let Some(close) = text[start..].find("}}") else {
            break;
        };
        let end = start + close + 2;
        let inner = text[start + 3..end - 2].trim();
        let (kind, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        if !escaped {
            found.push(Directive {
                kind: kind.to_string(),
                arg: arg.trim().to_string(),
                start,
                end,
            });
        }
        from = end;
    }
    found
}

/// Splits `NAME:ANCHOR` (or a path with an anchor) into its two parts.
pub fn split_anchor(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once(':') {
        Some((target, anchor)) => (target.trim(), Some(anchor.trim())),
        None => (arg.trim(), None),
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Does `source` define the mdBook anchor `name` (start and end)?
pub fn has_anchor(source: &str, name: &str) -> bool {
    let marks = |tag: &str| {
        source.lines().any(|line| {
            line.split_once(tag)
                .is_some_and(|(_, rest)| rest.split_whitespace().next() == Some(name))
        })
    };
    marks("ANCHOR:") && marks("ANCHOR_END:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_directives_and_skips_escaped_ones() {
        let text = "a {{#example threads_spawn:main}} b \\{{#output x}} {{#include ../x.rs:part}}";
        let found = scan(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, "example");
        assert_eq!(split_anchor(&found[0].arg), ("threads_spawn", Some("main")));
        assert_eq!(found[1].kind, "include");
    }

    #[test]
    fn anchors_need_both_ends() {
        assert!(has_anchor(
            "// ANCHOR: main\nx\n// ANCHOR_END: main\n",
            "main"
        ));
        assert!(has_anchor(
            "# ANCHOR: main\nx\n# ANCHOR_END: main\n",
            "main"
        ));
        assert!(!has_anchor("// ANCHOR: main\nx\n", "main"));
        assert!(!has_anchor(
            "// ANCHOR: mainly\n// ANCHOR_END: mainly\n",
            "main"
        ));
    }
}
