//! The terms of the grammar: unary operators, literals, names and calls (with expr-lang's
//! predicate arguments), arrays, maps, and the postfix chains `.field`, `?.field`,
//! `.Method(...)`, `[index]` and `[from:to]`.

use super::{Parser, Pred, PREDICATES};
use crate::ast::{Expr, ExprKind, UnOp};
use crate::error::{Fail, Res, Span};
use crate::lexer::{is_ident_char, is_ident_start, Tok, Token};
use crate::value::{Str, Value};

impl Parser<'_> {
    pub(super) fn primary(&mut self) -> Res<Expr> {
        match self.op() {
            Some("not" | "!") => return self.unary(UnOp::Not, 50),
            Some("-") => return self.unary(UnOp::Neg, 90),
            Some("+") => return self.unary(UnOp::Plus, 90),
            Some("#" | ".") if self.closures > 0 => return self.pointer(),
            Some("::") => return self.builtin_call(),
            _ => {}
        }
        if self.cur().is_bracket('(') {
            self.bump();
            let e = self.sequence()?;
            self.expect_bracket(')')?;
            return self.postfix(e);
        }
        self.secondary()
    }

    fn unary(&mut self, op: UnOp, prec: u8) -> Res<Expr> {
        let start = self.bump();
        let operand = self.expression(prec)?;
        let span = start.to(operand.span);
        let node = self.mk(ExprKind::Unary(op, Box::new(operand)), span)?;
        self.postfix(node)
    }

    /// `#`, `#index`, `#acc`, or `.` (the start of `.field`, meaning `#.field`).
    fn pointer(&mut self) -> Res<Expr> {
        let mut span = self.cur().span;
        let mut name = String::new();
        if self.cur().is_op("#") {
            self.bump();
            if let Some(n) = self.ident() {
                name = n;
                span = span.to(self.bump());
            }
        }
        let node = self.mk(ExprKind::PointerName(name), span)?;
        self.postfix(node)
    }

    fn builtin_call(&mut self) -> Res<Expr> {
        self.bump();
        let Some(name) = self.ident() else {
            return Err(self.expected("a name"));
        };
        let name_span = self.bump();
        let node = self.call(name, name_span, Vec::new())?;
        self.postfix(node)
    }

    fn secondary(&mut self) -> Res<Expr> {
        let span = self.cur().span;
        let node = match &self.cur().tok {
            Tok::Ident(name) => return self.name(name.clone()),
            Tok::Int(i) => Value::Int(*i),
            Tok::Float(f) => Value::Float(*f),
            Tok::Str(s) => Value::Str(Str::shared(s)),
            Tok::Bytes(b) => Value::Bytes(b.as_slice().into()),
            Tok::Bracket('[') => return self.array(),
            Tok::Bracket('{') => return self.map(),
            _ => return Err(self.unexpected()),
        };
        let numeric = matches!(node, Value::Int(_) | Value::Float(_));
        self.bump();
        let node = self.mk(ExprKind::Const(node), span)?;
        if numeric {
            return Ok(node);
        }
        self.postfix(node)
    }

    /// An identifier: `true`/`false`/`nil`, a call, or a name.
    fn name(&mut self, name: String) -> Res<Expr> {
        let span = self.bump();
        let constant = match name.as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            "nil" => Some(Value::Nil),
            _ => None,
        };
        if let Some(v) = constant {
            return self.mk(ExprKind::Const(v), span);
        }
        let node = if self.cur().is_bracket('(') {
            self.call(name, span, Vec::new())?
        } else {
            self.mk(ExprKind::Ident(name), span)?
        };
        self.postfix(node)
    }

    pub(super) fn call(&mut self, name: String, name_span: Span, args: Vec<Expr>) -> Res<Expr> {
        let spec = PREDICATES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p);
        let args = match spec {
            Some(spec) => self.predicate_arguments(&name, spec, args)?,
            None => self.arguments(args)?,
        };
        let span = name_span.to(self.prev_span());
        self.mk(ExprKind::Call { name, name_span, args }, span)
    }

    /// Arguments of a predicate builtin: the collection, the predicate, maybe one more.
    fn predicate_arguments(&mut self, name: &str, spec: Pred, mut args: Vec<Expr>) -> Res<Vec<Expr>> {
        self.expect_bracket('(')?;
        // (is a predicate, is optional) per position.
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
                return Err(too_few(name, kinds, self.cur().span));
            }
            if i > given {
                self.expect_op(",")?;
            }
            let arg = if is_pred { self.predicate()? } else { self.expression(0)? };
            args.push(arg);
        }
        if self.cur().is_op(",") {
            self.bump();
        }
        self.expect_bracket(')')?;
        Ok(args)
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
            self.bump();
        }
        self.closures += 1;
        let body = if braces { self.sequence() } else { self.bare_predicate() };
        self.closures -= 1;
        let body = body?;
        let mut span = start.to(body.span);
        if braces {
            span = span.to(self.expect_bracket('}')?);
        }
        self.mk(ExprKind::Closure(Box::new(body)), span)
    }

    fn bare_predicate(&mut self) -> Res<Expr> {
        let e = self.expression(0)?;
        if self.cur().is_op(";") {
            return Err(Fail::syntax("wrap a predicate with several parts in { and }", self.cur().span));
        }
        Ok(e)
    }

    fn array(&mut self) -> Res<Expr> {
        let start = self.bump();
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
        let end = self.expect_bracket(']')?;
        let node = self.mk(ExprKind::Array(items), start.to(end))?;
        self.postfix(node)
    }

    fn map(&mut self) -> Res<Expr> {
        let start = self.bump();
        let mut pairs = Vec::new();
        while !self.cur().is_bracket('}') {
            if !pairs.is_empty() {
                self.expect_op(",")?;
                if self.cur().is_bracket('}') {
                    break;
                }
            }
            let key = self.map_key()?;
            self.expect_op(":")?;
            let value = self.expression(0)?;
            pairs.push((key, value));
        }
        let end = self.expect_bracket('}')?;
        let node = self.mk(ExprKind::Map(pairs), start.to(end))?;
        self.postfix(node)
    }

    /// A map key: a name, string or number (all meaning strings), or `(expression)`.
    fn map_key(&mut self) -> Res<Expr> {
        let span = self.cur().span;
        let text = match &self.cur().tok {
            Tok::Int(_) | Tok::Float(_) => self.src[span.start as usize..span.end as usize].to_string(),
            Tok::Str(s) | Tok::Ident(s) => s.clone(),
            Tok::Bracket('(') => return self.expression(0),
            _ => return Err(bad_map_key(self.cur())),
        };
        self.bump();
        self.mk(ExprKind::Const(Value::Str(Str::shared(&text))), span)
    }

    fn postfix(&mut self, mut node: Expr) -> Res<Expr> {
        loop {
            match self.op() {
                Some(op @ ("." | "?.")) => {
                    self.bump();
                    let optional = op == "?.";
                    node = if optional && self.cur().is_bracket('[') {
                        self.index(node, true)?
                    } else {
                        self.property(node, optional)?
                    };
                }
                _ if self.cur().is_bracket('[') => node = self.index(node, false)?,
                _ => return Ok(node),
            }
        }
    }

    /// `.name` or `.Name(args)` after the dot.
    fn property(&mut self, node: Expr, optional: bool) -> Res<Expr> {
        let name = match &self.cur().tok {
            Tok::Ident(n) => n.clone(),
            Tok::Op(n) if is_identifier(n) => n.to_string(),
            _ => return Err(Fail::syntax("expected a field name after `.`", self.cur().span)),
        };
        let name_span = self.bump();
        if self.cur().is_bracket('(') {
            let args = self.arguments(Vec::new())?;
            let span = node.span.to(self.prev_span());
            let kind = ExprKind::MethodCall { base: Box::new(node), name, name_span, args, optional };
            return self.mk(kind, span);
        }
        let key = self.mk(ExprKind::Const(Value::Str(Str::shared(&name))), name_span)?;
        let span = node.span.to(name_span);
        self.mk(ExprKind::Member { base: Box::new(node), key: Box::new(key), optional }, span)
    }

    /// `[i]`, `[a:b]`, `[:b]`, `[a:]`, `[:]`, with the current token on `[`.
    fn index(&mut self, node: Expr, optional: bool) -> Res<Expr> {
        self.bump();
        let from = if self.cur().is_op(":") { None } else { Some(Box::new(self.expression(0)?)) };
        let kind = if self.cur().is_op(":") {
            self.bump();
            let to = if self.cur().is_bracket(']') { None } else { Some(Box::new(self.expression(0)?)) };
            ExprKind::Slice { base: Box::new(node), from, to }
        } else {
            let Some(key) = from else {
                return Err(self.unexpected());
            };
            ExprKind::Member { base: Box::new(node), key, optional }
        };
        let end = self.expect_bracket(']')?;
        let mut start = end;
        kind.for_each_child(&mut |c| start = start.to(c.span));
        self.mk(kind, start.to(end))
    }
}

#[cold]
fn too_few(name: &str, kinds: &[(bool, bool)], span: Span) -> Fail {
    let n = kinds.iter().filter(|k| !k.1).count();
    Fail::syntax(format!("{name} expects at least {n} arguments"), span)
}

#[cold]
fn bad_map_key(t: &Token) -> Fail {
    Fail::syntax(
        format!(
            "a map key must be a quoted string, a number, a name, or an expression in parentheses (found {})",
            t.describe()
        ),
        t.span,
    )
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_ident_start) && cs.all(is_ident_char)
}
