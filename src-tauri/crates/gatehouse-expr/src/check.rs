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
use crate::limits::StackGuard;
use crate::ops::compile_regex;
use crate::schema::{suggest, Schema};
use crate::value::{Array, Map, Value};

pub(crate) struct Checker<'s> {
    schema: &'s Schema,
    locals: Vec<String>,
    closures: u32,
    stack: StackGuard,
    /// Variables the expression reads.
    pub used: Vec<Arc<str>>,
}

fn unknown(message: String, span: Span) -> Fail {
    Fail::new(ErrorKind::UnknownName, message).at(span)
}

fn pointer(name: &str, span: Span) -> Res<ExprKind> {
    Ok(ExprKind::Pointer(match name {
        "" => Pointer::Item,
        "index" => Pointer::Index,
        "acc" => Pointer::Acc,
        _ => return Err(unknown(format!("unknown name #{name} (use #, #index or #acc)"), span)),
    }))
}

fn with_hint(message: String, hint: Option<&str>) -> String {
    match hint {
        Some(h) => format!("{message} — did you mean {h}?"),
        None => message,
    }
}

impl<'s> Checker<'s> {
    pub fn new(schema: &'s Schema) -> Self {
        Checker { schema, locals: Vec::new(), closures: 0, stack: StackGuard::new(), used: Vec::new() }
    }

    pub fn check(&mut self, e: Expr) -> Res<Expr> {
        let (span, height) = (e.span, e.height);
        if let Err(f) = self.stack.check() {
            return Err(f.at(span));
        }
        let kind = self.kind(e.kind, span)?;
        Ok(Expr { kind, span, height })
    }

    /// One arm per node kind, each delegating to a helper (small frames on the recursive path).
    fn kind(&mut self, kind: ExprKind, span: Span) -> Res<ExprKind> {
        match kind {
            ExprKind::Ident(name) => self.ident(name, span),
            ExprKind::PointerName(name) => pointer(&name, span),
            ExprKind::Array(items) => self.array(items),
            ExprKind::Map(pairs) => self.map(pairs),
            ExprKind::Unary(op, operand) => self.unary(op, *operand),
            ExprKind::Binary(op, l, r) => self.binary(op, *l, *r),
            ExprKind::Member { base, key, optional } => self.member(*base, *key, optional),
            ExprKind::Slice { base, from, to } => self.slice(*base, from, to),
            ExprKind::Call { name, name_span, args } => self.call(name, name_span, args),
            ExprKind::MethodCall { base, name, name_span, args, optional } => {
                self.method(*base, name, name_span, args, optional, span)
            }
            ExprKind::Closure(body) => self.closure(*body),
            ExprKind::Cond(c, a, b) => self.cond(*c, *a, *b),
            ExprKind::Let { name, name_span, value, body } => self.let_binding(name, name_span, *value, *body),
            ExprKind::Seq(items) => Ok(ExprKind::Seq(self.check_all(items)?)),
            done @ (ExprKind::Const(_)
            | ExprKind::Var(_)
            | ExprKind::VarField { .. }
            | ExprKind::Local(_)
            | ExprKind::Pointer(_)
            | ExprKind::Field { .. }
            | ExprKind::Builtin { .. }
            | ExprKind::Method { .. }
            | ExprKind::LetSlot { .. }
            | ExprKind::MatchesConst(..)) => Ok(done),
        }
    }

    fn array(&mut self, items: Vec<Expr>) -> Res<ExprKind> {
        let items = self.check_all(items)?;
        if !items.iter().all(Expr::is_const) {
            return Ok(ExprKind::Array(items));
        }
        let vals = items.into_iter().map(|i| match i.kind {
            ExprKind::Const(v) => v,
            _ => Value::Nil,
        });
        Ok(ExprKind::Const(Value::Array(Array::new(vals.collect()))))
    }

    fn map(&mut self, pairs: Vec<(Expr, Expr)>) -> Res<ExprKind> {
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            out.push((self.check(k)?, self.check(v)?));
        }
        let folded = out.iter().all(|(k, v)| matches!(k.kind, ExprKind::Const(Value::Str(_))) && v.is_const());
        if !folded {
            return Ok(ExprKind::Map(out));
        }
        let m = out.into_iter().filter_map(|(k, v)| match (k.kind, v.kind) {
            (ExprKind::Const(Value::Str(k)), ExprKind::Const(v)) => Some((k, v)),
            _ => None,
        });
        Ok(ExprKind::Const(Value::Map(Map::from_entries(m.collect()))))
    }

    fn unary(&mut self, op: UnOp, operand: Expr) -> Res<ExprKind> {
        let operand = self.check(operand)?;
        Ok(match (op, &operand.kind) {
            (UnOp::Neg, ExprKind::Const(Value::Int(i))) => ExprKind::Const(Value::Int(i.wrapping_neg())),
            (UnOp::Neg, ExprKind::Const(Value::Float(f))) => ExprKind::Const(Value::Float(-f)),
            _ => ExprKind::Unary(op, Box::new(operand)),
        })
    }

    fn binary(&mut self, op: BinOp, l: Expr, r: Expr) -> Res<ExprKind> {
        let l = self.check(l)?;
        let r = self.check(r)?;
        if let (BinOp::Matches, ExprKind::Const(Value::Str(p))) = (op, &r.kind) {
            let re = compile_regex(p).map_err(|f| Fail::syntax(f.message.clone(), r.span))?;
            return Ok(ExprKind::MatchesConst(Box::new(l), Arc::new(re)));
        }
        Ok(ExprKind::Binary(op, Box::new(l), Box::new(r)))
    }

    fn member(&mut self, base: Expr, key: Expr, optional: bool) -> Res<ExprKind> {
        let base = self.check(base)?;
        let key = self.check(key)?;
        if let ExprKind::Const(name @ Value::Str(_)) = &key.kind {
            self.check_field(&base, name.as_str().unwrap_or_default(), key.span)?;
            let name = name.clone();
            if let ExprKind::Var(var) = base.kind {
                return Ok(ExprKind::VarField { var, name });
            }
            return Ok(ExprKind::Field { base: Box::new(base), name });
        }
        Ok(ExprKind::Member { base: Box::new(base), key: Box::new(key), optional })
    }

    fn slice(&mut self, base: Expr, from: Option<Box<Expr>>, to: Option<Box<Expr>>) -> Res<ExprKind> {
        let base = Box::new(self.check(base)?);
        let from = match from {
            Some(f) => Some(Box::new(self.check(*f)?)),
            None => None,
        };
        let to = match to {
            Some(t) => Some(Box::new(self.check(*t)?)),
            None => None,
        };
        Ok(ExprKind::Slice { base, from, to })
    }

    fn method(
        &mut self,
        base: Expr,
        name: String,
        name_span: Span,
        args: Vec<Expr>,
        optional: bool,
        span: Span,
    ) -> Res<ExprKind> {
        let Some((method, arity)) = Method::lookup(&name) else {
            let hint = suggest(&name, METHODS.iter().map(|m| m.1));
            return Err(unknown(with_hint(format!("unknown method {name}"), hint), name_span));
        };
        if args.len() != arity {
            return Err(Fail::ty(format!("{name} takes {arity} argument(s), not {}", args.len())).at(span));
        }
        let base = Box::new(self.check(base)?);
        Ok(ExprKind::Method { base, method, args: self.check_all(args)?, optional })
    }

    fn closure(&mut self, body: Expr) -> Res<ExprKind> {
        self.closures += 1;
        let body = self.check(body);
        self.closures -= 1;
        Ok(ExprKind::Closure(Box::new(body?)))
    }

    fn cond(&mut self, c: Expr, a: Expr, b: Expr) -> Res<ExprKind> {
        let c = Box::new(self.check(c)?);
        let a = Box::new(self.check(a)?);
        Ok(ExprKind::Cond(c, a, Box::new(self.check(b)?)))
    }

    fn let_binding(&mut self, name: String, name_span: Span, value: Expr, body: Expr) -> Res<ExprKind> {
        self.check_redeclare(&name, name_span)?;
        let value = self.check(value)?;
        self.locals.push(name);
        let body = self.check(body);
        self.locals.pop();
        Ok(ExprKind::LetSlot { value: Box::new(value), body: Box::new(body?) })
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
        let candidates =
            self.schema.variables().iter().map(|v| v.name.as_str()).chain(self.locals.iter().map(String::as_str));
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
        let ExprKind::Var(var) = &base.kind else {
            return Ok(());
        };
        let Some(fields) = self.schema.fields(var) else {
            return Ok(());
        };
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
            return Err(Fail::ty(format!("{} takes {expected} argument(s), not {}", func.name(), args.len())).at(span));
        }
        Ok(ExprKind::Builtin { func, args: self.check_all(args)? })
    }
}
