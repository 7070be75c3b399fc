//! Errors with a position: every failure (syntax, unknown name, type, runtime, limit) is
//! reported as one `ExprError` carrying the 1-based line and column (in characters) of the
//! offending text, so the mapping editor can underline it.

use serde::Serialize;

/// What went wrong, for code that reacts to the class of an error (never match on text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// The text is not a well-formed expression.
    Syntax,
    /// An unknown variable, field, function or method.
    UnknownName,
    /// An operation applied to a value of the wrong type.
    Type,
    /// Any other failure while evaluating (index out of range, bad date, ...).
    Runtime,
    /// A safety limit was hit (length, nesting, steps, size of a produced value).
    Limit,
}

/// An error located in the expression source.
///
/// `column` and `end_column` count characters (not bytes) from 1; `end_column` is exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{line}:{column}: {message}")]
pub struct ExprError {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    pub kind: ErrorKind,
}

/// A byte range in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end.max(start) as u32 }
    }

    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// An error before it is placed in the source: produced by the lexer, parser, checker,
/// evaluator and builtins; the span is filled in by the innermost node that knows it.
/// Boxed, so that `Res<Value>` is no larger than a value on the hot path.
#[derive(Clone, Debug)]
pub(crate) struct Fail(Box<FailInner>);

#[derive(Clone, Debug)]
pub(crate) struct FailInner {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Option<Span>,
}

impl std::ops::Deref for Fail {
    type Target = FailInner;
    fn deref(&self) -> &FailInner {
        &self.0
    }
}

impl Fail {
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Fail {
        Fail(Box::new(FailInner { kind, message: message.into(), span: None }))
    }
    #[cold]
    pub fn syntax(message: impl Into<String>, span: Span) -> Fail {
        Fail::new(ErrorKind::Syntax, message).at(span)
    }
    pub fn ty(message: impl Into<String>) -> Fail {
        Fail::new(ErrorKind::Type, message)
    }
    pub fn runtime(message: impl Into<String>) -> Fail {
        Fail::new(ErrorKind::Runtime, message)
    }
    pub fn limit(message: impl Into<String>) -> Fail {
        Fail::new(ErrorKind::Limit, message)
    }
    pub fn at(mut self, span: Span) -> Fail {
        if self.0.span.is_none() {
            self.0.span = Some(span);
        }
        self
    }
    pub fn into_error(self, source: &str) -> ExprError {
        let FailInner { kind, message, span } = *self.0;
        let span = span.unwrap_or_default();
        let (line, column) = position(source, span.start as usize);
        let (end_line, end_column) = position(source, span.end as usize);
        ExprError { line, column, end_line, end_column, message, kind }
    }
}

pub(crate) type Res<T> = Result<T, Fail>;

/// 1-based (line, column) of a byte offset, counting characters.
fn position(source: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_lines() {
        assert_eq!(position("abc", 0), (1, 1));
        assert_eq!(position("é + x", 3), (1, 3));
        assert_eq!(position("a\nbc", 3), (2, 2));
        assert_eq!(position("a", 99), (1, 2));
    }
}
