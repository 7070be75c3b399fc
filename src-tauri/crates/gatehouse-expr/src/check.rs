//! Resolves names against the schema, once, at compile time: variables, `let` locals,
//! predicate pointers (`#`, `#index`, `#acc`), builtins (with arity), methods, and known
//! fields of closed variables (`jcUser.fristname` → "did you mean firstname?"). Also folds
//! constant arrays/maps and compiles constant `matches` patterns, so evaluation never
//! parses or looks anything up by name.

use std::sync::Arc;

use crate::ast::{BinOp, Expr, ExprKind, Pointer, UnOp};
use crate::builtins::{self, Func};
use crate::error::{ErrorKind, Fail, Res, Span};
use crate::gotime::methods::{Method, METHODS};
use crate::ops::compile_regex;
use crate::schema::{suggest, Schema};
use crate::value::{Array, Map, Value};

pub(crate) struct Checker<'s> {
    schema: &'s Schema,
    locals: Vec<String>,
    closures: u32,
    /// Variables the expression reads.
    pub used: Vec<Arc<str>>,
}

fn unknown(message: String, span: Span) -> Fail {
    Fail::new(ErrorKind::UnknownName, message).at(span)
}

fn with_hint(message: String, hint: Option<&str>) -> String {
    match hint {
        Some(h) => format!("{message} — did you mean {h}?"),
        None => message,
    }
}

impl<'s> Checker<'s> {
    pub fn new(schema: &'s Schema) -> Self {
        Checker { schema, locals: Vec::new(), closures: 0, used: Vec::new() }
    }

    pub fn check(&mut self, e: Expr) -> Res<Expr> {
        let span = e.span;
        let kind = match e.kind {
            ExprKind::Ident(name) => self.ident(name, span)?,
            ExprKind::PointerName(name) => ExprKind::Pointer(match name.as_str() {
                "" => Pointer::Item,
                "index" => Pointer::Index,
                "acc" => Pointer::Acc,
                _ => return Err(unknown(format!("unknown name #{name} (use #, #index or #acc)"), span)),
            }),
            ExprKind::Array(items) => {
                let items = self.check_all(items)?;
                if items.iter().all(Expr::is_const) {
                    let vals = items.into_iter().map(|i| match i.kind {
                        ExprKind::Const(v) => v,
                        _ => Value::Nil,
                    });
                    ExprKind::Const(Value::Array(Array::new(vals.collect())))
                } else {
                    ExprKind::Array(items)
                }
            }
            ExprKind::Map(pairs) => {
                let mut out = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    out.push((self.check(k)?, self.check(v)?));
                }
                let folded = out.iter().all(|(k, v)| matches!(k.kind, ExprKind::Const(Value::Str(_))) && v.is_const());
                if folded {
                    let m = out.into_iter().map(|(k, v)| match (k.kind, v.kind) {
                        (ExprKind::Const(Value::Str(k)), ExprKind::Const(v)) => (k, v),
                        _ => unreachable!("checked above"),
                    });
                    ExprKind::Const(Value::Map(Map::new(m.collect())))
                } else {
                    ExprKind::Map(out)
                }
            }
            ExprKind::Unary(op, operand) => {
                let operand = self.check(*operand)?;
                match (op, &operand.kind) {
                    (UnOp::Neg, ExprKind::Const(Value::Int(i))) => ExprKind::Const(Value::Int(i.wrapping_neg())),
                    (UnOp::Neg, ExprKind::Const(Value::Float(f))) => ExprKind::Const(Value::Float(-f)),
                    _ => ExprKind::Unary(op, Box::new(operand)),
                }
            }
            ExprKind::Binary(BinOp::Matches, l, r) => {
                let l = self.check(*l)?;
                let r = self.check(*r)?;
                match &r.kind {
                    ExprKind::Const(Value::Str(p)) => {
                        let re = compile_regex(p).map_err(|f| Fail::syntax(f.message, r.span))?;
                        ExprKind::MatchesConst(Box::new(l), Arc::new(re))
                    }
                    _ => ExprKind::Binary(BinOp::Matches, Box::new(l), Box::new(r)),
                }
            }
            ExprKind::Binary(op, l, r) => ExprKind::Binary(op, Box::new(self.check(*l)?), Box::new(self.check(*r)?)),
            ExprKind::Member { base, key, optional } => {
                let base = self.check(*base)?;
                let key = self.check(*key)?;
                if let ExprKind::Const(name @ Value::Str(_)) = &key.kind {
                    self.check_field(&base, name.as_str().unwrap_or_default(), key.span)?;
                    let name = name.clone();
                    ExprKind::Field { base: Box::new(base), name }
                } else {
                    ExprKind::Member { base: Box::new(base), key: Box::new(key), optional }
                }
            }
            ExprKind::Slice { base, from, to } => ExprKind::Slice {
                base: Box::new(self.check(*base)?),
                from: from.map(|f| self.check(*f).map(Box::new)).transpose()?,
                to: to.map(|t| self.check(*t).map(Box::new)).transpose()?,
            },
            ExprKind::Call { name, name_span, args } => self.call(name, name_span, args)?,
            ExprKind::MethodCall { base, name, name_span, args, optional } => {
                let Some((method, arity)) = Method::lookup(&name) else {
                    let hint = suggest(&name, METHODS.iter().map(|m| m.1));
                    return Err(unknown(with_hint(format!("unknown method {name}"), hint), name_span));
                };
                if args.len() != arity {
                    return Err(Fail::ty(format!("{name} takes {arity} argument(s), not {}", args.len())).at(span));
                }
                ExprKind::Method { base: Box::new(self.check(*base)?), method, args: self.check_all(args)?, optional }
            }
            ExprKind::Closure(body) => {
                self.closures += 1;
                let body = self.check(*body);
                self.closures -= 1;
                ExprKind::Closure(Box::new(body?))
            }
            ExprKind::Cond(c, a, b) => {
                ExprKind::Cond(Box::new(self.check(*c)?), Box::new(self.check(*a)?), Box::new(self.check(*b)?))
            }
            ExprKind::Let { name, name_span, value, body } => {
                self.check_redeclare(&name, name_span)?;
                let value = self.check(*value)?;
                self.locals.push(name);
                let body = self.check(*body);
                self.locals.pop();
                ExprKind::LetSlot { value: Box::new(value), body: Box::new(body?) }
            }
            ExprKind::Seq(items) => ExprKind::Seq(self.check_all(items)?),
            done @ (ExprKind::Const(_)
            | ExprKind::Var(_)
            | ExprKind::Local(_)
            | ExprKind::Pointer(_)
            | ExprKind::Field { .. }
            | ExprKind::Builtin { .. }
            | ExprKind::Method { .. }
            | ExprKind::LetSlot { .. }
            | ExprKind::MatchesConst(..)) => done,
        };
        Ok(Expr { kind, span, height: e.height })
    }

    fn check_all(&mut self, items: Vec<Expr>) -> Res<Vec<Expr>> {
        items.into_iter().map(|i| self.check(i)).collect()
    }

    fn ident(&mut self, name: String, span: Span) -> Res<ExprKind> {
        if let Some(slot) = self.locals.iter().rposition(|l| *l == name) {
            return Ok(ExprKind::Local(slot as u32));
        }
        if self.schema.variable(&name).is_some() || self.schema.is_open() {
            let var: Arc<str> = name.into();
            if !self.used.contains(&var) {
                self.used.push(var.clone());
            }
            return Ok(ExprKind::Var(var));
        }
        if Func::lookup(&name).is_some() {
            return Err(Fail::ty(format!("{name} is a function; call it as {name}(...)")).at(span));
        }
        let candidates = self.schema.variables().iter().map(|v| v.name.as_str()).chain(self.locals.iter().map(String::as_str));
        let hint = suggest(&name, candidates);
        Err(unknown(with_hint(format!("unknown name {name}"), hint), span))
    }

    fn check_redeclare(&self, name: &str, span: Span) -> Res<()> {
        let what = if self.schema.variable(name).is_some() {
            "variable"
        } else if Func::lookup(name).is_some() {
            "function"
        } else if self.locals.iter().any(|l| l == name) {
            "variable"
        } else {
            return Ok(());
        };
        Err(Fail::syntax(format!("cannot redeclare {what} {name}"), span))
    }

    /// `jcUser.fristname` is an error when `jcUser` has a closed field list.
    fn check_field(&self, base: &Expr, field: &str, span: Span) -> Res<()> {
        let ExprKind::Var(var) = &base.kind else { return Ok(()) };
        let Some(fields) = self.schema.fields(var) else { return Ok(()) };
        if fields.iter().any(|f| f == field) {
            return Ok(());
        }
        let hint = suggest(field, fields.iter().map(String::as_str));
        Err(unknown(with_hint(format!("unknown field {var}.{field}"), hint), span))
    }

    fn call(&mut self, name: String, name_span: Span, args: Vec<Expr>) -> Res<ExprKind> {
        let Some(func) = Func::lookup(&name) else {
            let hint = suggest(&name, builtins::names());
            return Err(unknown(with_hint(format!("unknown function {name}"), hint), name_span));
        };
        let (min, max) = func.arity();
        if args.len() < min || args.len() > max {
            let expected = match (min, max) {
                (a, b) if a == b => format!("{a}"),
                (a, usize::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            let span = args.iter().fold(name_span, |s, a| s.to(a.span));
            return Err(Fail::ty(format!(
                "{} takes {expected} argument(s), not {}",
                func.name(),
                args.len()
            ))
            .at(span));
        }
        Ok(ExprKind::Builtin { func, args: self.check_all(args)? })
    }
}
