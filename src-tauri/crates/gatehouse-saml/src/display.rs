//! Text for people and browsers: an indented view of a SAML document, and the page that
//! posts a Response to the application (HTTP-POST binding, IdP-initiated).

use crate::xml::html;
use quick_xml::events::{BytesText, Event};
use quick_xml::{Reader, Writer};

/// `xml` indented by two spaces per level, for display. Indenting changes whitespace, so
/// a signed document shown this way no longer verifies: never send the result. Input that
/// is not well-formed XML is returned unchanged.
pub fn pretty(xml: &str) -> String {
    try_pretty(xml).unwrap_or_else(|| xml.to_owned())
}

fn try_pretty(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // quick-xml reports `a &amp; b` as text, a reference and text: gather such runs so
    // that only whitespace *between* elements is dropped, never spaces inside a value.
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Text(t) => text.push_str(std::str::from_utf8(&t).ok()?),
            Event::GeneralRef(r) => {
                text.push('&');
                text.push_str(std::str::from_utf8(&r).ok()?);
                text.push(';');
            }
            event => {
                if !text.trim().is_empty() {
                    let run = BytesText::from_escaped(text.as_str());
                    writer.write_event(Event::Text(run)).ok()?;
                }
                text.clear();
                if matches!(event, Event::Eof) {
                    break;
                }
                writer.write_event(event).ok()?;
            }
        }
    }
    let mut out = String::from_utf8(writer.into_inner()).ok()?;
    out.push('\n');
    Some(out)
}

/// The page a browser receives after an IdP-initiated sign-in: a form that posts
/// `SAMLResponse` (and `RelayState`, when given) to the application's ACS URL and submits
/// itself; without JavaScript the user presses Continue. Every value is HTML-escaped.
pub fn post_form_html(acs_url: &str, response_b64: &str, relay_state: Option<&str>) -> String {
    let relay = relay_state
        .map(|rs| format!("\n<input type=\"hidden\" name=\"RelayState\" value=\"{}\">", html(rs)))
        .unwrap_or_default();
    format!(
        r#"<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Signing in</title></head>
<body>
<form method="post" action="{action}">
<input type="hidden" name="SAMLResponse" value="{response}">{relay}
<noscript><p>JavaScript is off: press Continue to finish signing in.</p><button type="submit">Continue</button></noscript>
</form>
<script>document.forms[0].submit();</script>
</body>
</html>
"#,
        action = html(acs_url),
        response = html(response_b64),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_indents_and_keeps_escapes() {
        let out = pretty("<a x=\"1&amp;2\">\n <b>Tom &amp; Jerry</b><c/><d>&amp; &lt;</d></a>");
        assert_eq!(out, "<a x=\"1&amp;2\">\n  <b>Tom &amp; Jerry</b>\n  <c/>\n  <d>&amp; &lt;</d>\n</a>\n");
    }

    #[test]
    fn pretty_returns_broken_input_unchanged() {
        assert_eq!(pretty("<a><b></a>"), "<a><b></a>");
    }

    #[test]
    fn form_values_cannot_break_out_of_their_attributes() {
        let page = post_form_html(
            "https://sp.example/acs?a=1&b=\"><script>alert(1)</script>",
            "PHNhbWw+",
            Some("'/><img src=x onerror=alert(1)>"),
        );
        assert!(page
            .contains(r#"action="https://sp.example/acs?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#));
        assert!(page.contains(r#"name="RelayState" value="&#39;/&gt;&lt;img src=x onerror=alert(1)&gt;""#));
        assert_eq!(page.matches("<script>").count(), 1, "only our own submit script");
        assert!(!post_form_html("https://sp/acs", "x", None).contains("RelayState"));
    }
}
