//! Placeholders in SSO templates (`https://YOURDOMAIN.15five.com/saml2/acs/`): finding
//! them and filling them in. A placeholder is a whole word (letters, digits, `_`) that
//! starts with `YOUR`, so ordinary capitals in a URL (`/SAML2/ACS`) are never mistaken
//! for one, and filling never touches part of a longer word or the values it inserts.

use std::collections::HashMap;

/// The prefix every placeholder token starts with.
pub const PLACEHOLDER_PREFIX: &str = "YOUR";

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `token` is a well-formed placeholder: `YOUR` then capitals, digits or `_`.
pub fn is_placeholder_token(token: &str) -> bool {
    token.starts_with(PLACEHOLDER_PREFIX)
        && token.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Splits `text` into (start, word) pairs for every maximal run of word bytes.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        // Word bytes are ASCII, so both ends are char boundaries.
        Some((start, &text[start..i]))
    })
}

/// Every placeholder token in `text`, in order of first appearance, without repeats.
/// Use it on a filled template to find what the admin has not replaced yet.
pub fn find_placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (_, word) in words(text) {
        if is_placeholder_token(word) && !found.iter().any(|f| f == word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// Replaces every whole-word occurrence of each key of `values` in `template` with its
/// value. Keys not present are left alone, as are words that merely contain a key
/// (`YOUR_ORG` inside `YOUR_ORG_ID`); inserted values are never scanned again.
pub fn fill_placeholders(template: &str, values: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut copied = 0;
    for (start, word) in words(template) {
        if let Some(value) = values.get(word) {
            out.push_str(&template[copied..start]);
            out.push_str(value);
            copied = start + word.len();
        }
    }
    out.push_str(&template[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_need_the_prefix_and_capitals() {
        assert!(is_placeholder_token("YOURDOMAIN"));
        assert!(is_placeholder_token("YOUR_ORG_ID"));
        assert!(!is_placeholder_token("YOUR_org"));
        assert!(!is_placeholder_token("DOMAIN"));
    }

    #[test]
    fn ordinary_capitals_are_not_placeholders() {
        let found = find_placeholders("https://x.example/SAML2/ACS?c=YOUR_CONNECTION_NAME&d=YOURDOMAIN");
        assert_eq!(found, ["YOUR_CONNECTION_NAME", "YOURDOMAIN"]);
    }
}
