//! Builds the syntax tree from tokens with the grammar and precedences of expr-lang's Go
//! parser (pipes, `not in`, chained comparisons, `??` that may not be mixed with other
//! operators, `let`, `if/else`, predicates with `#` and the `.field` shorthand).
//!
//! Invariant: recursion and tree height are both bounded by `MAX_DEPTH`; deeper input is a
//! `Limit` error, never a stack overflow.

use crate::ast::{BinOp, Expr, ExprKind, UnOp, MAX_DEPTH};
use crate::error::{ErrorKind, Fail, Res, Span};
use crate::lexer::{is_ident_char, is_ident_start, lex, Tok, Token};
use crate::value::Value;

/// Builtins whose arguments include a predicate: (name, has optional trailing argument).
/// The predicate is always the second argument; `count` and `sum` may omit it.
const PREDICATES: [(&str, Pred); 15] = [
    ("all", Pred::Required),
    ("none", Pred::Required),
    ("any", Pred::Required),
    ("one", Pred::Required),
    ("filter", Pred::Required),
    ("map", Pred::Required),
    ("count", Pred::Optional),
    ("sum", Pred::Optional),
    ("find", Pred::Required),
    ("findIndex", Pred::Required),
    ("findLast", Pred::Required),
    ("findLastIndex", Pred::Required),
    ("groupBy", Pred::Required),
    ("sortBy", Pred::ThenOptionalExpr),
    ("reduce", Pred::ThenOptionalExpr),
];

#[derive(Clone, Copy, PartialEq)]
enum Pred {
    Required,
    Optional,
    ThenOptionalExpr,
}

pub(crate) fn parse(src: &str) -> Res<Expr> {
    let toks = lex(src)?;
    let mut p = Parser { src, toks, pos: 0, closures: 0, nesting: 0 };
    let e = p.sequence()?;
    if !matches!(p.cur().tok, Tok::Eof) {
        return Err(p.unexpected());
    }
    Ok(e)
}

struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    closures: u32,
    nesting: u32,
}

fn too_deep(span: Span) -> Fail {
    Fail::new(ErrorKind::Limit, format!("expression is nested too deeply (more than {MAX_DEPTH} levels)"))
        .at(span)
}

impl Parser<'_> {
    fn cur(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }
    fn peek(&self, n: usize) -> &Token {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)]
    }
    fn next(&mut self) -> Token {
        let t = self.cur().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn unexpected(&self) -> Fail {
        let t = self.cur();
        Fail::syntax(format!("unexpected {}", t.describe()), t.span)
    }
    fn expect_op(&mut self, op: &str) -> Res<Token> {
        if self.cur().is_op(op) {
            Ok(self.next())
        } else {
            Err(self.expected(&format!("`{op}`")))
        }
    }
    fn expect_bracket(&mut self, b: char) -> Res<Token> {
        if self.cur().is_bracket(b) {
            Ok(self.next())
        } else {
            Err(self.expected(&format!("`{b}`")))
        }
    }
    fn expected(&self, what: &str) -> Fail {
        let t = self.cur();
        Fail::syntax(format!("expected {what} but found {}", t.describe()), t.span)
    }
    fn mk(&self, kind: ExprKind, span: Span) -> Res<Expr> {
        let e = Expr::new(kind, span);
        if e.height > MAX_DEPTH {
            return Err(too_deep(span));
        }
        Ok(e)
    }
    fn enter(&mut self) -> Res<()> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(too_deep(self.cur().span));
        }
        Ok(())
    }

    fn sequence(&mut self) -> Res<Expr> {
        let first = self.expression(0)?;
        let mut nodes = vec![first];
        while self.cur().is_op(";") {
            self.next();
            if matches!(self.cur().tok, Tok::Eof) {
                break;
            }
            nodes.push(self.expression(0)?);
        }
        if nodes.len() == 1 {
            return Ok(nodes.pop().expect("one node"));
        }
        let span = nodes[0].span.to(nodes[nodes.len() - 1].span);
        self.mk(ExprKind::Seq(nodes), span)
    }

    fn expression(&mut self, precedence: u8) -> Res<Expr> {
        self.enter()?;
        let r = self.expression_inner(precedence);
        self.nesting -= 1;
        r
    }

    fn expression_inner(&mut self, precedence: u8) -> Res<Expr> {
        if precedence == 0 && self.cur().is_op("let") {
            return self.let_declaration();
        }
        if precedence == 0 && self.cur().is_op("if") {
            return self.if_else();
        }
        let mut left = self.primary()?;
        let mut prev: Option<String> = None;
        loop {
            let Tok::Op(op_text) = &self.cur().tok else { break };
            let mut op_text = op_text.clone();
            let mut op_span = self.cur().span;
            let negate = op_text == "not";
            if negate {
                let next = self.peek(1).clone();
                let suffix = match &next.tok {
                    Tok::Op(s) if matches!(s.as_str(), "in" | "matches" | "contains" | "startsWith" | "endsWith") => s,
                    _ => return Err(Fail::syntax(format!("unexpected {}", next.describe()), next.span)),
                };
                let (_, prec, _) = BinOp::from_token(suffix).expect("negatable operator");
                if prec < precedence {
                    break;
                }
                self.next();
                op_text = suffix.clone();
                op_span = op_span.to(next.span);
            }
            if op_text == "|" {
                if precedence > 0 {
                    break;
                }
                self.next();
                let Tok::Ident(name) = self.cur().tok.clone() else {
                    return Err(self.expected("a function name after `|`"));
                };
                let name_span = self.next().span;
                left = self.call(name, name_span, vec![left])?;
                prev = Some(op_text);
                continue;
            }
            let Some((op, prec, right_assoc)) = BinOp::from_token(&op_text) else { break };
            if prec < precedence {
                break;
            }
            self.next();
            if prev.as_deref() == Some("??") && op != BinOp::Coalesce {
                return Err(Fail::syntax(
                    format!("operator `{op_text}` and `??` cannot be mixed; wrap either in parentheses"),
                    op_span,
                ));
            }
            if op.is_comparison() {
                left = self.comparison(left, op, op_span, prec)?;
            } else {
                let right = self.expression(if right_assoc { prec } else { prec + 1 })?;
                let span = left.span.to(right.span);
                left = self.mk(ExprKind::Binary(op, Box::new(left), Box::new(right)), span)?;
                if negate {
                    left = self.mk(ExprKind::Unary(UnOp::Not, Box::new(left)), span)?;
                }
            }
            prev = Some(op_text);
        }
        if precedence == 0 {
            left = self.conditional(left)?;
        }
        Ok(left)
    }

    /// `a < b < c` means `a < b and b < c`.
    fn comparison(&mut self, mut left: Expr, mut op: BinOp, mut op_span: Span, prec: u8) -> Res<Expr> {
        let mut root: Option<Expr> = None;
        loop {
            let right = self.expression(prec + 1)?;
            let span = left.span.to(right.span);
            let cmp = self.mk(ExprKind::Binary(op, Box::new(left), Box::new(right.clone())), span)?;
            root = Some(match root {
                None => cmp,
                Some(r) => {
                    let span = r.span.to(cmp.span);
                    self.mk(ExprKind::Binary(BinOp::And, Box::new(r), Box::new(cmp)), span)?
                }
            });
            left = right;
            match &self.cur().tok {
                Tok::Op(t) if matches!(t.as_str(), "<" | ">" | "<=" | ">=") => {
                    op = BinOp::from_token(t).expect("comparison").0;
                    op_span = self.next().span;
                }
                _ => break,
            }
        }
        let _ = op_span;
        Ok(root.expect("at least one comparison"))
    }

    fn conditional(&mut self, mut node: Expr) -> Res<Expr> {
        while self.cur().is_op("?") {
            self.next();
            let (yes, no) = if self.cur().is_op(":") {
                self.next();
                (node.clone(), self.expression(0)?)
            } else {
                let yes = self.expression(0)?;
                self.expect_op(":")?;
                (yes, self.expression(0)?)
            };
            let span = node.span.to(no.span);
            node = self.mk(ExprKind::Cond(Box::new(node), Box::new(yes), Box::new(no)), span)?;
        }
        Ok(node)
    }

    fn let_declaration(&mut self) -> Res<Expr> {
        let start = self.next().span;
        let Tok::Ident(name) = self.cur().tok.clone() else {
            return Err(self.expected("a variable name after `let`"));
        };
        let name_span = self.next().span;
        self.expect_op("=")?;
        let value = self.expression(0)?;
        self.expect_op(";")?;
        let body = self.sequence()?;
        let span = start.to(body.span);
        self.mk(ExprKind::Let { name, name_span, value: Box::new(value), body: Box::new(body) }, span)
    }

    fn if_else(&mut self) -> Res<Expr> {
        self.enter()?;
        let start = self.next().span;
        let cond = self.expression(0)?;
        self.expect_bracket('{')?;
        let yes = self.sequence()?;
        self.expect_bracket('}')?;
        self.expect_op("else")?;
        let no = if self.cur().is_op("if") {
            self.if_else()?
        } else {
            self.expect_bracket('{')?;
            let no = self.sequence()?;
            self.expect_bracket('}')?;
            no
        };
        self.nesting -= 1;
        let span = start.to(no.span);
        self.mk(ExprKind::Cond(Box::new(cond), Box::new(yes), Box::new(no)), span)
    }

    fn primary(&mut self) -> Res<Expr> {
        let tok = self.cur().clone();
        if let Tok::Op(op) = &tok.tok {
            let unary = match op.as_str() {
                "not" | "!" => Some((UnOp::Not, 50)),
                "-" => Some((UnOp::Neg, 90)),
                "+" => Some((UnOp::Plus, 90)),
                _ => None,
            };
            if let Some((op, prec)) = unary {
                self.next();
                let operand = self.expression(prec)?;
                let span = tok.span.to(operand.span);
                let node = self.mk(ExprKind::Unary(op, Box::new(operand)), span)?;
                return self.postfix(node);
            }
            if self.closures > 0 && (op == "#" || op == ".") {
                let mut name = String::new();
                let mut span = tok.span;
                if op == "#" {
                    self.next();
                    if let Tok::Ident(n) = &self.cur().tok {
                        name = n.clone();
                        span = span.to(self.next().span);
                    }
                }
                let node = self.mk(ExprKind::PointerName(name), span)?;
                return self.postfix(node);
            }
            if op == "::" {
                self.next();
                let Tok::Ident(name) = self.cur().tok.clone() else { return Err(self.expected("a name")) };
                let name_span = self.next().span;
                let node = self.call(name, name_span, Vec::new())?;
                return self.postfix(node);
            }
        }
        if tok.is_bracket('(') {
            self.next();
            let e = self.sequence()?;
            self.expect_bracket(')')?;
            return self.postfix(e);
        }
        self.secondary()
    }

    fn secondary(&mut self) -> Res<Expr> {
        let tok = self.next();
        let node = match tok.tok {
            Tok::Ident(name) => {
                let c = match name.as_str() {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    "nil" => Some(Value::Nil),
                    _ => None,
                };
                if let Some(v) = c {
                    return self.mk(ExprKind::Const(v), tok.span);
                }
                if self.cur().is_bracket('(') {
                    self.call(name, tok.span, Vec::new())?
                } else {
                    self.mk(ExprKind::Ident(name), tok.span)?
                }
            }
            Tok::Int(i) => return self.mk(ExprKind::Const(Value::Int(i)), tok.span),
            Tok::Float(f) => return self.mk(ExprKind::Const(Value::Float(f)), tok.span),
            Tok::Str(s) => self.mk(ExprKind::Const(Value::from(s)), tok.span)?,
            Tok::Bytes(b) => self.mk(ExprKind::Const(Value::Bytes(b.into())), tok.span)?,
            Tok::Bracket('[') => self.array(tok.span)?,
            Tok::Bracket('{') => self.map(tok.span)?,
            _ => {
                self.pos -= 1;
                return Err(self.unexpected());
            }
        };
        self.postfix(node)
    }

    fn call(&mut self, name: String, name_span: Span, mut args: Vec<Expr>) -> Res<Expr> {
        let spec = PREDICATES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p);
        let Some(spec) = spec else {
            args = self.arguments(args)?;
            let span = name_span.to(self.toks[self.pos - 1].span);
            return self.mk(ExprKind::Call { name, name_span, args }, span);
        };
        self.expect_bracket('(')?;
        // Argument kinds: the collection, the predicate, and maybe a trailing expression.
        let kinds: &[(bool, bool)] = match spec {
            Pred::Required => &[(false, false), (true, false)],
            Pred::Optional => &[(false, false), (true, true)],
            Pred::ThenOptionalExpr => &[(false, false), (true, false), (false, true)],
        };
        let given = args.len();
        for (i, &(is_pred, optional)) in kinds.iter().enumerate().skip(given.min(kinds.len())) {
            if self.cur().is_bracket(')') {
                if optional {
                    break;
                }
                return Err(Fail::syntax(
                    format!("{name} expects at least {} arguments", kinds.iter().filter(|k| !k.1).count()),
                    self.cur().span,
                ));
            }
            if i > given {
                self.expect_op(",")?;
            }
            let arg = if is_pred { self.predicate()? } else { self.expression(0)? };
            args.push(arg);
        }
        if self.cur().is_op(",") {
            self.next();
        }
        let end = self.expect_bracket(')')?.span;
        self.mk(ExprKind::Call { name, name_span, args }, name_span.to(end))
    }

    fn arguments(&mut self, mut args: Vec<Expr>) -> Res<Vec<Expr>> {
        let offset = args.len();
        self.expect_bracket('(')?;
        while !self.cur().is_bracket(')') {
            if args.len() > offset {
                self.expect_op(",")?;
                if self.cur().is_bracket(')') {
                    break;
                }
            }
            args.push(self.expression(0)?);
        }
        self.expect_bracket(')')?;
        Ok(args)
    }

    fn predicate(&mut self) -> Res<Expr> {
        let start = self.cur().span;
        let braces = self.cur().is_bracket('{');
        if braces {
            self.next();
        }
        self.closures += 1;
        let body = if braces {
            self.sequence()
        } else {
            let e = self.expression(0);
            if e.is_ok() && self.cur().is_op(";") {
                Err(Fail::syntax("wrap a predicate with several parts in { and }", self.cur().span))
            } else {
                e
            }
        };
        self.closures -= 1;
        let body = body?;
        let mut span = start.to(body.span);
        if braces {
            span = span.to(self.expect_bracket('}')?.span);
        }
        self.mk(ExprKind::Closure(Box::new(body)), span)
    }

    fn array(&mut self, start: Span) -> Res<Expr> {
        let mut items = Vec::new();
        while !self.cur().is_bracket(']') {
            if !items.is_empty() {
                self.expect_op(",")?;
                if self.cur().is_bracket(']') {
                    break;
                }
            }
            items.push(self.expression(0)?);
        }
        let end = self.expect_bracket(']')?.span;
        self.mk(ExprKind::Array(items), start.to(end))
    }

    fn map(&mut self, start: Span) -> Res<Expr> {
        let mut pairs = Vec::new();
        while !self.cur().is_bracket('}') {
            if !pairs.is_empty() {
                self.expect_op(",")?;
                if self.cur().is_bracket('}') {
                    break;
                }
            }
            let tok = self.cur().clone();
            let key = match &tok.tok {
                Tok::Int(_) | Tok::Float(_) => {
                    let text = self.src[tok.span.start as usize..tok.span.end as usize].to_string();
                    self.next();
                    self.mk(ExprKind::Const(Value::from(text)), tok.span)?
                }
                Tok::Str(s) | Tok::Ident(s) => {
                    let s = s.clone();
                    self.next();
                    self.mk(ExprKind::Const(Value::from(s)), tok.span)?
                }
                Tok::Bracket('(') => self.expression(0)?,
                _ => {
                    return Err(Fail::syntax(
                        format!(
                            "a map key must be a quoted string, a number, a name, or an expression in parentheses (found {})",
                            tok.describe()
                        ),
                        tok.span,
                    ))
                }
            };
            self.expect_op(":")?;
            let value = self.expression(0)?;
            pairs.push((key, value));
        }
        let end = self.expect_bracket('}')?.span;
        self.mk(ExprKind::Map(pairs), start.to(end))
    }

    fn postfix(&mut self, mut node: Expr) -> Res<Expr> {
        loop {
            let tok = self.cur().clone();
            let optional = tok.is_op("?.");
            if tok.is_op(".") || optional {
                self.next();
                if optional && self.cur().is_bracket('[') {
                    node = self.index(node, true)?;
                    continue;
                }
                let prop = self.next();
                let name = match &prop.tok {
                    Tok::Ident(n) => n.clone(),
                    Tok::Op(n) if is_identifier(n) => n.clone(),
                    _ => return Err(Fail::syntax("expected a field name after `.`", prop.span)),
                };
                if self.cur().is_bracket('(') {
                    let args = self.arguments(Vec::new())?;
                    let span = node.span.to(self.toks[self.pos - 1].span);
                    node = self.mk(
                        ExprKind::MethodCall { base: Box::new(node), name, name_span: prop.span, args, optional },
                        span,
                    )?;
                } else {
                    let key = self.mk(ExprKind::Const(Value::from(name)), prop.span)?;
                    let span = node.span.to(prop.span);
                    node = self.mk(ExprKind::Member { base: Box::new(node), key: Box::new(key), optional }, span)?;
                }
            } else if tok.is_bracket('[') {
                node = self.index(node, false)?;
            } else {
                return Ok(node);
            }
        }
    }

    /// `[i]`, `[a:b]`, `[:b]`, `[a:]`, `[:]`, with the current token on `[`.
    fn index(&mut self, node: Expr, optional: bool) -> Res<Expr> {
        self.next();
        let (from, is_slice) = if self.cur().is_op(":") {
            (None, true)
        } else {
            let from = self.expression(0)?;
            (Some(from), self.cur().is_op(":"))
        };
        let kind = if is_slice {
            self.next();
            let to = if self.cur().is_bracket(']') { None } else { Some(Box::new(self.expression(0)?)) };
            ExprKind::Slice { base: Box::new(node), from: from.map(Box::new), to }
        } else {
            let key = from.expect("index expression");
            ExprKind::Member { base: Box::new(node), key: Box::new(key), optional }
        };
        let end = self.expect_bracket(']')?.span;
        let mut start = end;
        kind.for_each_child(&mut |c| start = start.to(c.span));
        self.mk(kind, start.to(end))
    }
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_ident_start) && cs.all(is_ident_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> String {
        fn go(e: &Expr) -> String {
            match &e.kind {
                ExprKind::Const(v) => format!("{v:?}"),
                ExprKind::Ident(n) => n.clone(),
                ExprKind::Binary(op, a, b) => format!("({} {} {})", go(a), op.symbol(), go(b)),
                ExprKind::Unary(op, a) => format!("({op:?} {})", go(a)),
                ExprKind::Call { name, args, .. } => {
                    format!("{name}({})", args.iter().map(go).collect::<Vec<_>>().join(", "))
                }
                ExprKind::Cond(a, b, c) => format!("({} ? {} : {})", go(a), go(b), go(c)),
                other => format!("{other:?}").chars().take(12).collect(),
            }
        }
        go(&parse(src).unwrap())
    }

    #[test]
    fn precedence_matches_expr_lang() {
        assert_eq!(shape("1 + 2 * 3"), "(Int(1) + (Int(2) * Int(3)))");
        assert_eq!(shape("2 ** 3 ** 2"), "(Int(2) ** (Int(3) ** Int(2)))");
        assert_eq!(shape("1 + 1..2 + 2"), "((Int(1) + Int(1)) .. (Int(2) + Int(2)))");
        assert_eq!(shape("a not in b"), "(Not (a in b))");
        assert_eq!(shape("1 < a < 3"), "((Int(1) < a) and (a < Int(3)))");
        assert_eq!(shape("x | f(y)"), "f(x, y)");
        assert_eq!(shape("a ? b : c"), "(a ? b : c)");
    }

    #[test]
    fn coalesce_cannot_be_mixed() {
        assert!(parse("a ?? b + c").is_err());
        assert!(parse("a ?? (b + c)").is_ok());
        assert!(parse("a + b ?? c").is_ok());
    }

    #[test]
    fn pointer_only_inside_predicates() {
        assert!(parse("#").is_err());
        assert!(parse("filter(xs, .type == 'work')").is_ok());
        assert!(parse("filter(xs, {let y = #; y})").is_ok());
        assert!(parse("filter(xs, # > 1; true)").is_err());
    }

    #[test]
    fn deep_nesting_is_a_limit_error_not_a_crash() {
        let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(parse(&deep).unwrap_err().kind, ErrorKind::Limit);
        let long = vec!["1"; 5000].join(" + ");
        assert_eq!(parse(&long).unwrap_err().kind, ErrorKind::Limit);
        let chain = format!("a{}", ".b".repeat(5000));
        assert_eq!(parse(&chain).unwrap_err().kind, ErrorKind::Limit);
    }
}
