//! Builds the syntax tree from tokens with the grammar and precedences of expr-lang's Go
//! parser (pipes, `not in`, chained comparisons, `??` that may not be mixed with other
//! operators, `let`, `if/else`, predicates with `#` and the `.field` shorthand).
//!
//! Invariant: recursion and tree height are both bounded by `MAX_DEPTH`; deeper input is a
//! `Limit` error, never a stack overflow.

mod terms;

use crate::ast::{BinOp, Expr, ExprKind, UnOp, MAX_DEPTH};
use crate::error::{ErrorKind, Fail, Res, Span};
use crate::lexer::{lex, Tok, Token};
use crate::limits::StackGuard;

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
    let mut p = Parser { src, toks, pos: 0, closures: 0, nesting: 0, stack: StackGuard::new() };
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
    stack: StackGuard,
}

#[cold]
fn too_deep(span: Span) -> Fail {
    Fail::new(ErrorKind::Limit, format!("expression is nested too deeply (more than {MAX_DEPTH} levels)")).at(span)
}

/// Precedence and operator of a binary operator token (`|` is handled apart).
fn binary_op(op: &str) -> Option<(BinOp, u8, bool)> {
    BinOp::from_token(op)
}

// Note on style: the functions on the recursive path keep few locals and build errors in
// `#[cold]` helpers, because unoptimised builds give every temporary its own stack slot.
impl Parser<'_> {
    fn cur(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }
    fn op(&self) -> Option<&'static str> {
        match self.cur().tok {
            Tok::Op(o) => Some(o),
            _ => None,
        }
    }
    fn peek_op(&self, n: usize) -> Option<&'static str> {
        match self.toks[(self.pos + n).min(self.toks.len() - 1)].tok {
            Tok::Op(o) => Some(o),
            _ => None,
        }
    }
    /// Advances and returns the span of the token passed over.
    fn bump(&mut self) -> Span {
        let span = self.cur().span;
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        span
    }
    fn prev_span(&self) -> Span {
        self.toks[self.pos.saturating_sub(1)].span
    }
    /// The current token's name, if it is an identifier.
    fn ident(&self) -> Option<String> {
        match &self.cur().tok {
            Tok::Ident(n) => Some(n.clone()),
            _ => None,
        }
    }
    #[cold]
    #[inline(never)]
    fn unexpected(&self) -> Fail {
        let t = self.cur();
        Fail::syntax(format!("unexpected {}", t.describe()), t.span)
    }
    #[cold]
    #[inline(never)]
    fn expected(&self, what: &str) -> Fail {
        let t = self.cur();
        Fail::syntax(format!("expected {what} but found {}", t.describe()), t.span)
    }
    fn expect_op(&mut self, op: &'static str) -> Res<Span> {
        if self.cur().is_op(op) {
            return Ok(self.bump());
        }
        Err(self.expected_op(op))
    }
    #[cold]
    #[inline(never)]
    fn expected_op(&self, op: &str) -> Fail {
        self.expected(&format!("`{op}`"))
    }
    fn expect_bracket(&mut self, b: char) -> Res<Span> {
        if self.cur().is_bracket(b) {
            return Ok(self.bump());
        }
        Err(self.expected_op(b.encode_utf8(&mut [0; 4])))
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
        self.stack.check().map_err(|f| f.at(self.cur().span))
    }

    fn sequence(&mut self) -> Res<Expr> {
        let first = self.expression(0)?;
        if !self.cur().is_op(";") {
            return Ok(first);
        }
        let mut nodes = vec![first];
        while self.cur().is_op(";") {
            self.bump();
            if matches!(self.cur().tok, Tok::Eof) {
                break;
            }
            nodes.push(self.expression(0)?);
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
        if precedence == 0 {
            match self.op() {
                Some("let") => return self.let_declaration(),
                Some("if") => return self.if_else(),
                _ => {}
            }
        }
        let mut left = self.primary()?;
        let mut after_coalesce = false;
        while let Some(op) = self.op() {
            let step = self.operator(op, precedence, after_coalesce)?;
            let Some((op, negate)) = step else { break };
            after_coalesce = op == Some(BinOp::Coalesce);
            left = match op {
                None => self.pipe(left)?,
                Some(op) if op.is_comparison() => self.comparison(left, op, precedence_of(op))?,
                Some(op) => self.binary(left, op, negate)?,
            };
        }
        if precedence == 0 {
            left = self.conditional(left)?;
        }
        Ok(left)
    }

    /// Decides whether the operator at the cursor continues this expression, and consumes
    /// it: `Some((None, _))` is a pipe, `Some((Some(op), negated))` a binary operator.
    #[allow(clippy::type_complexity)]
    fn operator(
        &mut self,
        op: &'static str,
        precedence: u8,
        after_coalesce: bool,
    ) -> Res<Option<(Option<BinOp>, bool)>> {
        let (text, negate) = if op == "not" {
            match self.peek_op(1) {
                Some(s @ ("in" | "matches" | "contains" | "startsWith" | "endsWith")) => (s, true),
                _ => {
                    self.bump();
                    return Err(self.unexpected());
                }
            }
        } else {
            (op, false)
        };
        if text == "|" {
            if precedence > 0 {
                return Ok(None);
            }
            self.bump();
            return Ok(Some((None, false)));
        }
        let Some((bin, prec, _)) = binary_op(text) else {
            return Ok(None);
        };
        if prec < precedence {
            return Ok(None);
        }
        if negate {
            self.bump();
        }
        let span = self.bump();
        if after_coalesce && bin != BinOp::Coalesce {
            return Err(mixed_coalesce(text, span));
        }
        Ok(Some((Some(bin), negate)))
    }

    fn pipe(&mut self, left: Expr) -> Res<Expr> {
        let Some(name) = self.ident() else {
            return Err(self.expected("a function name after `|`"));
        };
        let name_span = self.bump();
        self.call(name, name_span, vec![left])
    }

    fn binary(&mut self, left: Expr, op: BinOp, negate: bool) -> Res<Expr> {
        let (_, prec, right_assoc) = binary_op(op.symbol()).unwrap_or((op, 0, false));
        let right = self.expression(if right_assoc { prec } else { prec + 1 })?;
        let span = left.span.to(right.span);
        let node = self.mk(ExprKind::Binary(op, Box::new(left), Box::new(right)), span)?;
        if negate {
            return self.mk(ExprKind::Unary(UnOp::Not, Box::new(node)), span);
        }
        Ok(node)
    }

    /// `a < b < c` means `a < b and b < c`.
    fn comparison(&mut self, mut left: Expr, mut op: BinOp, prec: u8) -> Res<Expr> {
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
            match self.op().and_then(binary_op) {
                Some((next, _, _)) if next.is_comparison() => {
                    op = next;
                    self.bump();
                }
                _ => break,
            }
        }
        Ok(root.expect("at least one comparison"))
    }

    fn conditional(&mut self, mut node: Expr) -> Res<Expr> {
        while self.cur().is_op("?") {
            self.bump();
            let (yes, no) = if self.cur().is_op(":") {
                self.bump();
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
        let start = self.bump();
        let Some(name) = self.ident() else {
            return Err(self.expected("a variable name after `let`"));
        };
        let name_span = self.bump();
        self.expect_op("=")?;
        let value = self.expression(0)?;
        self.expect_op(";")?;
        let body = self.sequence()?;
        let span = start.to(body.span);
        self.mk(ExprKind::Let { name, name_span, value: Box::new(value), body: Box::new(body) }, span)
    }

    fn if_else(&mut self) -> Res<Expr> {
        self.enter()?;
        let start = self.bump();
        let cond = self.expression(0)?;
        let yes = self.block()?;
        self.expect_op("else")?;
        let no = if self.cur().is_op("if") { self.if_else()? } else { self.block()? };
        self.nesting -= 1;
        let span = start.to(no.span);
        self.mk(ExprKind::Cond(Box::new(cond), Box::new(yes), Box::new(no)), span)
    }

    fn block(&mut self) -> Res<Expr> {
        self.expect_bracket('{')?;
        let e = self.sequence()?;
        self.expect_bracket('}')?;
        Ok(e)
    }
}

fn precedence_of(op: BinOp) -> u8 {
    binary_op(op.symbol()).map_or(0, |b| b.1)
}

#[cold]
fn mixed_coalesce(op: &str, span: Span) -> Fail {
    Fail::syntax(format!("operator `{op}` and `??` cannot be mixed; wrap either in parentheses"), span)
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
