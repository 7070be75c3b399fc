//! `Sensitive<T>`: a value that must not be printed and should not outlive its use in
//! memory. `Debug` and `Display` print `<redacted>`; dropping zeroes the value.
//! Modelled on GitButler's `but-secret::Sensitive`.

use std::fmt;
use zeroize::Zeroize;

/// A secret value. Read it with [`Sensitive::expose`], which is easy to find in review.
///
/// Deliberately not `Serialize`, `PartialEq` or `Deref`: a secret is written to the keychain
/// or handed to the code that needs it, nothing else.
#[derive(Clone, Default)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    pub fn new(value: T) -> Self {
        Sensitive(value)
    }

    /// The secret itself.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Sensitive(value)
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T: Zeroize> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Sensitive::new(b"hunter2".to_vec());
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(format!("{s}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&s)), "Some(<redacted>)");
        let text = Sensitive::new(String::from("token-123"));
        assert!(!format!("{text:?} {text} {text:#?}").contains("token"));
    }

    #[test]
    fn expose_gives_the_value_back() {
        let s = Sensitive::from(vec![1u8, 2, 3]);
        assert_eq!(s.expose(), &vec![1, 2, 3]);
        assert_eq!(s.clone().expose(), s.expose());
    }
}
