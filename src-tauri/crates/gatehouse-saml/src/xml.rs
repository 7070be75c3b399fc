//! The one way Gatehouse writes XML and HTML: every value goes through an escaping
//! function, element and attribute names are compile-time constants. samael does not
//! escape element text, and an unescaped value could close an element and inject a
//! *signed* one (`</saml2:AttributeValue><saml2:AttributeValue>admin`), so nothing here
//! takes caller text without escaping it.

use std::fmt::Write as _;

/// Text that cannot appear in an XML 1.0 document at all, even escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} contains a character XML cannot carry (U+{code:04X})")]
pub struct InvalidText {
    pub field: String,
    pub code: u32,
}

/// Refuses control characters other than tab, LF and CR, and U+FFFE/U+FFFF.
pub(crate) fn check(field: &str, s: &str) -> Result<(), InvalidText> {
    match s.chars().find(|&c| !is_xml_char(c)) {
        None => Ok(()),
        Some(c) => Err(InvalidText { field: field.to_owned(), code: c as u32 }),
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes element text. `\r` becomes `&#13;` so a parser does not fold it into `\n`.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value (double-quoted). Tab, LF and CR are written as character
/// references, because attribute-value normalization would turn them into spaces.
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A compact XML writer: names are `&'static str` (our constants), values are escaped.
#[derive(Default)]
pub(crate) struct Xml(String);

pub(crate) type Attrs<'a> = &'a [(&'static str, &'a str)];

impl Xml {
    pub(crate) fn new() -> Self {
        Xml(String::with_capacity(4096))
    }

    fn start(&mut self, name: &'static str, attrs: Attrs<'_>) {
        self.0.push('<');
        self.0.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.0, " {k}=\"{}\"", attr(v));
        }
    }

    /// `<name attrs>`
    pub(crate) fn open(&mut self, name: &'static str, attrs: Attrs<'_>) {
        self.start(name, attrs);
        self.0.push('>');
    }

    /// `</name>`
    pub(crate) fn close(&mut self, name: &'static str) {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
    }

    /// `<name attrs/>`
    pub(crate) fn empty(&mut self, name: &'static str, attrs: Attrs<'_>) {
        self.start(name, attrs);
        self.0.push_str("/>");
    }

    /// `<name attrs>text</name>`, text escaped.
    pub(crate) fn leaf(&mut self, name: &'static str, attrs: Attrs<'_>, content: &str) {
        self.open(name, attrs);
        self.0.push_str(&text(content));
        self.close(name);
    }

    /// Inserts XML this crate produced itself (a signature template, a signed element).
    pub(crate) fn trusted(&mut self, xml: &str) {
        self.0.push_str(xml);
    }

    pub(crate) fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(text("Tom & Jerry <x>"), "Tom &amp; Jerry &lt;x&gt;");
        assert_eq!(attr(r#"a"b'c&d"#), "a&quot;b&apos;c&amp;d");
        assert_eq!(text("a\r\nb"), "a&#13;\nb");
        assert_eq!(attr("a\tb\nc"), "a&#9;b&#10;c");
        assert_eq!(html(r#"<script>"x'"#), "&lt;script&gt;&quot;x&#39;");
    }

    #[test]
    fn text_xml_cannot_carry_is_refused() {
        assert!(check("NameID", "plain text, tabs\tand\nnew lines").is_ok());
        assert!(check("NameID", "emoji 🙂 and ü").is_ok());
        let err = check("NameID", "bell\u{7}").unwrap_err();
        assert_eq!(err.code, 7);
        assert!(err.to_string().contains("NameID"));
        assert!(check("x", "\u{FFFE}").is_err());
        assert!(check("x", "\0").is_err());
    }

    #[test]
    fn writer_escapes_values_not_names() {
        let mut x = Xml::new();
        x.open("a", &[("k", "1\"2")]);
        x.leaf("b", &[], "</b><c>");
        x.empty("d", &[]);
        x.close("a");
        assert_eq!(x.finish(), r#"<a k="1&quot;2"><b>&lt;/b&gt;&lt;c&gt;</b><d/></a>"#);
    }
}
