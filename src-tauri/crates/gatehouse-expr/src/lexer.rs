//! Turns source text into tokens, following the Go lexer of expr-lang: keywords are whole
//! words only (so `notNullOrEmpty` is one identifier, never `not NullOrEmpty`), strings take
//! Go escapes, `b"..."` is a byte string, numbers accept `_`, hex/octal/binary prefixes and
//! a leading dot (`.5`).

use crate::error::{Fail, Res, Span};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Ident(String),
    Op(&'static str),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Bracket(char),
    Eof,
}

#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub tok: Tok,
    pub span: Span,
}

impl Token {
    pub fn is_op(&self, op: &str) -> bool {
        matches!(self.tok, Tok::Op(o) if o == op)
    }
    pub fn is_bracket(&self, b: char) -> bool {
        self.tok == Tok::Bracket(b)
    }
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match &self.tok {
            Tok::Ident(s) => format!("name `{s}`"),
            Tok::Op(s) => format!("`{s}`"),
            Tok::Int(i) => format!("number {i}"),
            Tok::Float(f) => format!("number {f}"),
            Tok::Str(_) => "string".to_string(),
            Tok::Bytes(_) => "byte string".to_string(),
            Tok::Bracket(c) => format!("`{c}`"),
            Tok::Eof => "end of expression".to_string(),
        }
    }
}

const KEYWORD_OPS: [&str; 11] =
    ["not", "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else"];

const SYMBOL_OPS: [&str; 29] = [
    "|", "||", ":", "::", ",", ";", "%", "+", "-", "^", "/", "&&", "!", "!=", "=", "==", "*", "**", "<", "<=", ">",
    ">=", "?", "?.", "??", ".", "..", "#", "##",
];

fn static_op(s: &str) -> Option<&'static str> {
    KEYWORD_OPS.iter().chain(SYMBOL_OPS.iter()).find(|o| **o == s).copied()
}

pub(crate) fn is_ident_start(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphabetic()
}

pub(crate) fn is_ident_char(c: char) -> bool {
    is_ident_start(c) || c.is_numeric()
}

struct Lexer<'s> {
    src: &'s str,
    pos: usize,
    out: Vec<Token>,
}

pub(crate) fn lex(src: &str) -> Res<Vec<Token>> {
    let mut lx = Lexer { src, pos: 0, out: Vec::new() };
    lx.run()?;
    Ok(lx.out)
}

impl<'s> Lexer<'s> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }
    fn peek2(&self) -> Option<char> {
        let mut it = self.src[self.pos..].chars();
        it.next();
        it.next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn accept(&mut self, set: &str) -> bool {
        match self.peek() {
            Some(c) if set.contains(c) => {
                self.pos += c.len_utf8();
                true
            }
            _ => false,
        }
    }
    fn push(&mut self, tok: Tok, start: usize) {
        self.out.push(Token { tok, span: Span::new(start, self.pos) });
    }
    fn push_op(&mut self, start: usize) -> Res<()> {
        let text = &self.src[start..self.pos];
        match static_op(text) {
            Some(op) => {
                self.push(Tok::Op(op), start);
                Ok(())
            }
            None => Err(Fail::syntax(format!("unexpected `{text}`"), Span::new(start, self.pos))),
        }
    }

    fn err_here(&self, msg: impl Into<String>) -> Fail {
        let end = self.pos + self.peek().map_or(1, char::len_utf8);
        Fail::syntax(msg, Span::new(self.pos, end))
    }

    fn run(&mut self) -> Res<()> {
        while let Some(c) = self.peek() {
            let start = self.pos;
            if c.is_whitespace() {
                self.bump();
                continue;
            }
            match c {
                '\'' | '"' => {
                    self.bump();
                    let s = self.quoted(c, false)?;
                    self.push(Tok::Str(String::from_utf8_lossy(&s).into_owned()), start);
                }
                '`' => {
                    self.bump();
                    let s = self.raw_string(start)?;
                    self.push(Tok::Str(s), start);
                }
                'b' | 'B' if matches!(self.peek2(), Some('\'' | '"')) => {
                    self.bump();
                    let q = self.bump().unwrap_or('"');
                    let s = self.quoted(q, true)?;
                    self.push(Tok::Bytes(s), start);
                }
                '0'..='9' => self.number(start)?,
                '.' => {
                    if matches!(self.peek2(), Some('0'..='9')) {
                        self.number(start)?;
                    } else {
                        self.bump();
                        self.accept(".");
                        self.push_op(start)?;
                    }
                }
                '/' if self.peek2() == Some('/') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                '/' if self.peek2() == Some('*') => {
                    self.pos += 2;
                    match self.src[self.pos..].find("*/") {
                        Some(i) => self.pos += i + 2,
                        None => return Err(Fail::syntax("unclosed comment", Span::new(start, start + 2))),
                    }
                }
                '(' | '[' | '{' | ')' | ']' | '}' => {
                    self.bump();
                    self.push(Tok::Bracket(c), start);
                }
                '#' => {
                    self.bump();
                    self.accept("#");
                    self.push_op(start)?;
                    let name_start = self.pos;
                    while self.peek().is_some_and(is_ident_char) {
                        self.bump();
                    }
                    if self.pos > name_start {
                        let name = self.src[name_start..self.pos].to_string();
                        self.push(Tok::Ident(name), name_start);
                    }
                }
                _ if is_ident_start(c) => {
                    while self.peek().is_some_and(is_ident_char) {
                        self.bump();
                    }
                    let word = &self.src[start..self.pos];
                    let tok = match KEYWORD_OPS.iter().find(|k| **k == word) {
                        Some(k) => Tok::Op(k),
                        None => Tok::Ident(word.to_string()),
                    };
                    self.push(tok, start);
                }
                _ => {
                    self.bump();
                    match c {
                        '|' => {
                            self.accept("|");
                        }
                        ':' => {
                            self.accept(":");
                        }
                        '?' => {
                            self.accept(".?");
                        }
                        ',' | ';' | '%' | '+' | '-' | '^' | '/' => {}
                        '&' | '!' | '=' | '*' | '<' | '>' => {
                            self.accept("&=*");
                        }
                        _ => {
                            self.pos = start;
                            return Err(self.err_here(format!("unrecognized character {c:?}")));
                        }
                    }
                    self.push_op(start)?;
                }
            }
        }
        let end = self.src.len();
        self.out.push(Token { tok: Tok::Eof, span: Span::new(end, end) });
        Ok(())
    }

    fn number(&mut self, start: usize) -> Res<()> {
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        while self.accept(digits) {}
        if self.peek() == Some('.') && self.peek2() != Some('.') {
            self.bump();
            while self.accept(digits) {}
        }
        if self.accept("eE") {
            self.accept("+-");
            while self.accept(digits) {}
        }
        if self.peek().is_some_and(is_ident_char) {
            self.bump();
            return Err(Fail::syntax(
                format!("bad number syntax: {:?}", &self.src[start..self.pos]),
                Span::new(start, self.pos),
            ));
        }
        let text: String = self.src[start..self.pos].chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        let span = Span::new(start, self.pos);
        let radix = if lower.starts_with("0x") {
            16
        } else if lower.contains(['.', 'e']) {
            let f: f64 = text.parse().map_err(|_| Fail::syntax(format!("invalid float literal {text:?}"), span))?;
            if f.is_infinite() {
                return Err(Fail::syntax("float literal is too large", span));
            }
            self.push(Tok::Float(f), start);
            return Ok(());
        } else if lower.starts_with("0b") {
            2
        } else if lower.starts_with("0o") {
            8
        } else {
            10
        };
        let body = if radix == 10 { &text[..] } else { &text[2..] };
        let value = i64::from_str_radix(body, radix)
            .map_err(|_| Fail::syntax(format!("invalid integer literal {text:?}"), span))?;
        self.push(Tok::Int(value), start);
        Ok(())
    }

    fn raw_string(&mut self, start: usize) -> Res<String> {
        let mut out = String::new();
        loop {
            match self.bump() {
                None => return Err(Fail::syntax("literal not terminated", Span::new(start, self.pos))),
                Some('`') if self.peek() == Some('`') => {
                    self.bump();
                    out.push('`');
                }
                Some('`') => return Ok(out),
                Some(c) => out.push(c),
            }
        }
    }

    /// Reads a quoted literal after its opening quote, decoding Go escapes; `bytes` keeps
    /// `\x`/octal escapes as raw bytes and rejects `\u`.
    fn quoted(&mut self, quote: char, bytes: bool) -> Res<Vec<u8>> {
        let start = self.pos - 1;
        let mut out = Vec::new();
        loop {
            let esc_start = self.pos;
            let c = match self.bump() {
                None | Some('\n') => return Err(Fail::syntax("literal not terminated", Span::new(start, self.pos))),
                Some(c) => c,
            };
            if c == quote {
                return Ok(out);
            }
            if c == '\r' {
                if self.peek() == Some('\n') {
                    return Err(Fail::syntax("literal not terminated", Span::new(start, self.pos)));
                }
                out.push(b'\n');
                continue;
            }
            if c != '\\' {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                continue;
            }
            let bad = |lx: &Self| Fail::syntax("invalid char escape", Span::new(esc_start, lx.pos));
            let e = self.bump().ok_or_else(|| bad(self))?;
            let simple = match e {
                'a' => Some(7u8),
                'b' => Some(8),
                'f' => Some(12),
                'n' => Some(b'\n'),
                'r' => Some(b'\r'),
                't' => Some(b'\t'),
                'v' => Some(11),
                '\\' => Some(b'\\'),
                _ if e == quote => Some(e as u8),
                _ => None,
            };
            if let Some(b) = simple {
                out.push(b);
                continue;
            }
            let code: u32 = match e {
                '0'..='7' => {
                    let mut v = e as u32 - '0' as u32;
                    for _ in 0..2 {
                        match self.bump() {
                            Some(d @ '0'..='7') => v = v * 8 + (d as u32 - '0' as u32),
                            _ => return Err(bad(self)),
                        }
                    }
                    if e > '3' {
                        return Err(bad(self));
                    }
                    v
                }
                'x' => self.hex_digits(2).ok_or_else(|| bad(self))?,
                'u' if bytes => return Err(bad(self)),
                'U' if bytes => return Err(bad(self)),
                'u' if self.peek() == Some('{') => {
                    self.bump();
                    let mut v = 0u32;
                    let mut n = 0;
                    while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                        self.bump();
                        n += 1;
                        if n > 6 {
                            return Err(bad(self));
                        }
                        v = v * 16 + d;
                    }
                    if n == 0 || !self.accept("}") || v > 0x10FFFF {
                        return Err(bad(self));
                    }
                    v
                }
                'u' => self.hex_digits(4).ok_or_else(|| bad(self))?,
                'U' => {
                    let v = self.hex_digits(8).ok_or_else(|| bad(self))?;
                    if v > 0x10FFFF {
                        return Err(bad(self));
                    }
                    v
                }
                _ => return Err(bad(self)),
            };
            if bytes {
                out.push(code as u8);
            } else {
                let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }

    fn hex_digits(&mut self, n: usize) -> Option<u32> {
        let mut v = 0u32;
        for _ in 0..n {
            let d = self.bump()?.to_digit(16)?;
            v = v * 16 + d;
        }
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        lex(src).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn keywords_need_a_word_boundary() {
        assert_eq!(toks("notNullOrEmpty")[0], Tok::Ident("notNullOrEmpty".into()));
        assert_eq!(toks("nilable")[0], Tok::Ident("nilable".into()));
        assert_eq!(toks("not x")[0], Tok::Op("not"));
    }

    #[test]
    fn numbers_follow_go_syntax() {
        assert_eq!(toks("0x_2A")[0], Tok::Int(42));
        assert_eq!(toks("1_000.5_0e-2")[0], Tok::Float(10.005));
        assert_eq!(toks(".5")[0], Tok::Float(0.5));
        assert_eq!(toks("1..3")[..3], [Tok::Int(1), Tok::Op(".."), Tok::Int(3)]);
        assert!(lex("1abc").is_err());
        assert!(lex("9223372036854775808").is_err());
    }

    #[test]
    fn escapes_decode_like_go() {
        assert_eq!(toks(r#""a\tb\u00e9\x41""#)[0], Tok::Str("a\tbéA".into()));
        assert_eq!(toks(r#"b'\xff\000'"#)[0], Tok::Bytes(vec![0xff, 0]));
        assert!(lex(r#"b"\u0041""#).is_err());
        assert!(lex(r#"b"\x0""#).is_err());
        assert!(lex(r#"b"\400""#).is_err());
        assert!(lex(r#""it\'s""#).is_err());
        assert!(lex("\"open").is_err());
    }
}
