//! Evaluates a checked tree against an environment. Reads of environment data borrow it;
//! every node visit costs one step of the budget, so evaluation always terminates.
//!
//! Nil-tolerance (a deliberate, documented choice for mappings): reading a field or index of
//! nil gives nil, so `jcUser.manager.email` is nil when there is no manager.

use crate::ast::{BinOp, Expr, ExprKind, Pointer, UnOp};
use crate::builtins;
use crate::env::Env;
use crate::error::{Fail, Res};
use crate::gotime::methods;
use crate::limits::{Budget, StackGuard};
use crate::ops;
use crate::value::{Key, Str, Value};

/// The iteration state of the innermost predicate (`#`, `#index`, `#acc`).
pub(crate) struct Scope<'a> {
    pub item: Value<'a>,
    pub index: usize,
    pub acc: Value<'a>,
}

pub(crate) struct Ctx<'e, 'a> {
    env: &'e Env<'a>,
    locals: Vec<Value<'a>>,
    /// The innermost predicate's iteration state (outer ones are saved on the Rust stack by
    /// `with_scope`: `#` only ever refers to the innermost element).
    scope: Option<Scope<'a>>,
    pub budget: Budget,
    stack: StackGuard,
}

#[cold]
fn not_bool(what: &str, v: &Value<'_>) -> Fail {
    Fail::ty(format!("{what} must be a boolean, not {}", v.kind_article()))
}

fn side(op: BinOp, which: &str) -> &'static str {
    match (op, which) {
        (BinOp::And, "left") => "the left side of `and`",
        (BinOp::And, _) => "the right side of `and`",
        (_, "left") => "the left side of `or`",
        _ => "the right side of `or`",
    }
}

#[cold]
fn unchecked() -> Fail {
    Fail::runtime("internal error: expression was not checked")
}

impl<'e, 'a> Ctx<'e, 'a> {
    pub fn new(env: &'e Env<'a>, budget: Budget) -> Self {
        Ctx { env, locals: Vec::new(), scope: None, budget, stack: StackGuard::new() }
    }

    pub fn eval(&mut self, e: &Expr) -> Res<Value<'a>> {
        if let Err(f) = self.enter() {
            return Err(f.at(e.span));
        }
        match self.eval_kind(e) {
            Ok(v) => Ok(v),
            Err(f) => Err(f.at(e.span)),
        }
    }

    #[inline]
    fn enter(&mut self) -> Res<()> {
        self.budget.tick()?;
        self.stack.check()
    }

    /// One arm per node kind, each delegating to a helper: in unoptimised builds this keeps
    /// the frame of the recursive path small.
    fn eval_kind(&mut self, e: &Expr) -> Res<Value<'a>> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Var(name) => Ok(self.env.get(name).cloned().unwrap_or_default()),
            ExprKind::VarField { var, name } => self.env.field(var, name),
            ExprKind::Local(slot) => Ok(self.locals.get(*slot as usize).cloned().unwrap_or_default()),
            ExprKind::Pointer(p) => Ok(self.pointer(*p)),
            ExprKind::Field { base, name } => self.field(base, name),
            ExprKind::Member { base, key, .. } => self.member(base, key),
            ExprKind::Slice { base, from, to } => self.slice(base, from.as_deref(), to.as_deref()),
            ExprKind::Unary(op, operand) => self.unary(*op, operand),
            ExprKind::Binary(op, left, right) => self.binary(*op, left, right),
            ExprKind::Cond(cond, yes, no) => self.cond(cond, yes, no),
            ExprKind::LetSlot { value, body } => self.let_slot(value, body),
            ExprKind::Seq(items) => self.seq(items),
            ExprKind::Array(items) => self.array(items),
            ExprKind::Map(pairs) => self.map(pairs),
            ExprKind::Builtin { func, args } => builtins::call(self, *func, args),
            ExprKind::Method { base, method, args, optional } => self.method(base, *method, args, *optional),
            ExprKind::MatchesConst(left, re) => self.matches_const(left, re),
            ExprKind::Closure(_)
            | ExprKind::Ident(_)
            | ExprKind::PointerName(_)
            | ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::Let { .. } => Err(unchecked()),
        }
    }

    fn field(&mut self, base: &Expr, name: &Value<'static>) -> Res<Value<'a>> {
        let b = self.eval(base)?;
        member(&b, name)
    }

    fn member(&mut self, base: &Expr, key: &Expr) -> Res<Value<'a>> {
        let b = self.eval(base)?;
        let k = self.eval(key)?;
        member(&b, &k)
    }

    fn slice(&mut self, base: &Expr, from: Option<&Expr>, to: Option<&Expr>) -> Res<Value<'a>> {
        let b = self.eval(base)?;
        let from = match from {
            Some(f) => Some(self.eval(f)?),
            None => None,
        };
        let to = match to {
            Some(t) => Some(self.eval(t)?),
            None => None,
        };
        slice(&b, from.as_ref(), to.as_ref(), &mut self.budget)
    }

    fn unary(&mut self, op: UnOp, operand: &Expr) -> Res<Value<'a>> {
        let v = self.eval(operand)?;
        unary(op, v)
    }

    fn cond(&mut self, cond: &Expr, yes: &Expr, no: &Expr) -> Res<Value<'a>> {
        let c = self.eval(cond)?;
        match c {
            Value::Bool(true) => self.eval(yes),
            Value::Bool(false) => self.eval(no),
            other => Err(not_bool("a condition", &other).at(cond.span)),
        }
    }

    fn let_slot(&mut self, value: &Expr, body: &Expr) -> Res<Value<'a>> {
        let v = self.eval(value)?;
        self.locals.push(v);
        let r = self.eval(body);
        self.locals.pop();
        r
    }

    fn seq(&mut self, items: &[Expr]) -> Res<Value<'a>> {
        let mut last = Value::Nil;
        for item in items {
            last = self.eval(item)?;
        }
        Ok(last)
    }

    fn array(&mut self, items: &[Expr]) -> Res<Value<'a>> {
        self.budget.check_len(items.len())?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(self.eval(item)?);
        }
        self.budget.array(out)
    }

    fn map(&mut self, pairs: &[(Expr, Expr)]) -> Res<Value<'a>> {
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            let key = match self.eval(k)? {
                Value::Str(s) => s,
                other => {
                    return Err(Fail::ty(format!("a map key must be a string, not {}", other.kind_article())).at(k.span))
                }
            };
            let value = self.eval(v)?;
            out.push((key, value));
        }
        self.budget.map(out)
    }

    fn method(&mut self, base: &Expr, method: methods::Method, args: &[Expr], optional: bool) -> Res<Value<'a>> {
        let recv = self.eval(base)?;
        if recv.is_nil() && optional {
            return Ok(Value::Nil);
        }
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            vals.push(self.eval(a)?);
        }
        // Date methods (formatting, calendar arithmetic) weigh more than a plain step.
        let text: usize = vals.iter().filter_map(Value::as_str).map(str::len).sum();
        self.budget.work(4 + text as u64 / 2)?;
        methods::call(method, &recv, &vals)
    }

    fn matches_const(&mut self, left: &Expr, re: &regex::Regex) -> Res<Value<'a>> {
        let v = self.eval(left)?;
        match &v {
            Value::Nil => Ok(Value::Bool(false)),
            Value::Str(s) => {
                self.budget.work(s.len() as u64 / 16)?;
                Ok(Value::Bool(re.is_match(s)))
            }
            other => Err(Fail::ty(format!("matches needs a string, not {}", other.kind_article()))),
        }
    }

    fn pointer(&self, p: Pointer) -> Value<'a> {
        let Some(s) = &self.scope else {
            return Value::Nil;
        };
        match p {
            Pointer::Item => s.item.clone(),
            Pointer::Index => Value::Int(s.index as i64),
            Pointer::Acc => s.acc.clone(),
        }
    }

    fn binary(&mut self, op: BinOp, left: &Expr, right: &Expr) -> Res<Value<'a>> {
        match op {
            BinOp::And | BinOp::Or => self.logic(op, left, right),
            BinOp::Coalesce => {
                let l = self.eval(left)?;
                if l.is_nil() {
                    self.eval(right)
                } else {
                    Ok(l)
                }
            }
            _ => {
                let l = self.eval(left)?;
                if let ExprKind::Const(c) = &right.kind {
                    // A constant operand is used in place, not copied.
                    self.budget.tick()?;
                    return ops::binary(op, l, c, &mut self.budget);
                }
                let r = self.eval(right)?;
                ops::binary(op, l, &r, &mut self.budget)
            }
        }
    }

    /// `and`/`or`: short-circuit; both sides must be booleans.
    fn logic(&mut self, op: BinOp, left: &Expr, right: &Expr) -> Res<Value<'a>> {
        let is_or = op == BinOp::Or;
        match self.eval(left)? {
            Value::Bool(l) if l == is_or => return Ok(Value::Bool(l)),
            Value::Bool(_) => {}
            other => return Err(not_bool(side(op, "left"), &other).at(left.span)),
        }
        match self.eval(right)? {
            Value::Bool(r) => Ok(Value::Bool(r)),
            other => Err(not_bool(side(op, "right"), &other).at(right.span)),
        }
    }

    /// Runs `body` once per element with `#` bound; used by the predicate builtins.
    pub fn with_scope<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        let outer = self.scope.replace(Scope { item: Value::Nil, index: 0, acc: Value::Nil });
        let r = f(self);
        self.scope = outer;
        r
    }

    /// Sets the current element (inside `with_scope`).
    pub fn set_item(&mut self, item: Value<'a>, index: usize) {
        if let Some(s) = &mut self.scope {
            s.item = item;
            s.index = index;
        }
    }

    /// Sets `#acc` (inside `with_scope`).
    pub fn set_acc(&mut self, acc: Value<'a>) {
        if let Some(s) = &mut self.scope {
            s.acc = acc;
        }
    }
}

fn unary<'a>(op: UnOp, v: Value<'a>) -> Res<Value<'a>> {
    match (op, v) {
        (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnOp::Neg, Value::Int(i)) => Ok(Value::Int(i.wrapping_neg())),
        (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnOp::Plus, v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
        (op, v) => {
            let sym = match op {
                UnOp::Not => "not",
                UnOp::Neg => "-",
                UnOp::Plus => "+",
            };
            Err(Fail::ty(format!("invalid operation: {sym} {}", v.type_name())))
        }
    }
}

fn index_of(key: &Value<'_>, len: usize, what: &str) -> Res<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Float(f) => *f as i64,
        other => {
            return Err(Fail::ty(format!("cannot index {what} with {}", other.kind_article())));
        }
    };
    let j = if i < 0 { i.saturating_add(len as i64) } else { i };
    if j < 0 || j as usize >= len {
        return Err(Fail::runtime(format!("index out of range: {i} ({what} length is {len})")));
    }
    Ok(j as usize)
}

/// `base.key` and `base[key]`.
pub(crate) fn member<'a>(base: &Value<'a>, key: &Value<'a>) -> Res<Value<'a>> {
    match base {
        Value::Nil => Ok(Value::Nil),
        Value::Map(_) | Value::JsonObject(_) => match key {
            Value::Str(k) => Ok(base.obj().and_then(|o| o.get(k)).unwrap_or_default()),
            Value::Nil => Ok(Value::Nil),
            other => Err(Fail::ty(format!("cannot look up {} in a map whose keys are strings", other.kind_article()))),
        },
        Value::AnyMap(m) => Ok(m.get(&Key::from_value(key)?).cloned().unwrap_or_default()),
        Value::Array(_) | Value::JsonArray(_) => {
            let list = base.list().expect("array");
            let i = index_of(key, list.len(), "array")?;
            Ok(list.get(i).unwrap_or_default())
        }
        Value::Str(s) => Ok(Value::Int(s.as_bytes()[index_of(key, s.len(), "string")?].into())),
        Value::Bytes(b) => Ok(Value::Int(b[index_of(key, b.len(), "byte string")?].into())),
        other => match key {
            Value::Str(k) if methods::Method::lookup(k).is_some() => {
                Err(Fail::ty(format!("{k} is a method; call it as {k}()")))
            }
            _ => Err(Fail::ty(format!(
                "cannot read {} of {}",
                match key {
                    Value::Str(k) => format!("field {k}"),
                    _ => "an element".to_string(),
                },
                other.kind_article()
            ))),
        },
    }
}

fn bound(v: Option<&Value<'_>>, default: i64) -> Res<i64> {
    match v {
        None => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Float(f)) => Ok(*f as i64),
        Some(other) => Err(Fail::ty(format!("a slice bound must be a number, not {}", other.kind_article()))),
    }
}

/// `base[from:to]`, clamped to the bounds like expr-lang (strings and byte strings slice bytes).
pub(crate) fn slice<'a>(
    base: &Value<'a>,
    from: Option<&Value<'a>>,
    to: Option<&Value<'a>>,
    budget: &mut Budget,
) -> Res<Value<'a>> {
    let len = match base {
        Value::Nil => return Ok(Value::Nil),
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        _ => match base.list() {
            Some(l) => l.len(),
            None => return Err(Fail::ty(format!("cannot slice {}", base.kind_article()))),
        },
    } as i64;
    let fix = |i: i64| (if i < 0 { i.saturating_add(len) } else { i }).clamp(0, len);
    let b = fix(bound(to, len)?);
    let a = fix(bound(from, 0)?).min(b);
    let (a, b) = (a as usize, b as usize);
    match base {
        Value::Str(s) => match (s.get(a..b), s) {
            (Some(_), Str::Borrowed(r)) => Ok(Value::Str(Str::Borrowed(&r[a..b]))),
            (Some(sub), _) => Ok(Value::from(sub.to_string())),
            (None, _) => budget.string(String::from_utf8_lossy(&s.as_bytes()[a..b]).into_owned()),
        },
        Value::Bytes(bytes) => Ok(Value::Bytes(bytes[a..b].into())),
        _ => {
            let list = base.list().expect("array");
            budget.work((b - a) as u64 / 8)?;
            budget.array((a..b).filter_map(|i| list.get(i)).collect())
        }
    }
}
