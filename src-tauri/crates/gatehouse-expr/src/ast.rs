//! The expression tree. The parser builds the syntactic forms; the checker rewrites names
//! into resolved forms (variables, locals, builtins, methods, precompiled regexes) so the
//! evaluator never looks anything up by string except keys inside data.
//!
//! Invariant: every node records its height, and the parser refuses trees higher than
//! `MAX_DEPTH`, so every recursive walk (check, eval, drop) has a bounded depth.

use std::sync::Arc;

use crate::builtins::Func;
use crate::error::Span;
use crate::gotime::methods::Method;
use crate::value::Value;

/// Maximum height of a tree (and nesting depth of the source).
pub const MAX_DEPTH: u32 = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Not,
    Neg,
    Plus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    In,
    Matches,
    Contains,
    StartsWith,
    EndsWith,
    Range,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Coalesce,
}

impl BinOp {
    pub fn from_token(op: &str) -> Option<(BinOp, u8, bool)> {
        // (operator, precedence, right-associative), as in expr-lang's operator table.
        Some(match op {
            "or" | "||" => (BinOp::Or, 10, false),
            "and" | "&&" => (BinOp::And, 15, false),
            "==" => (BinOp::Eq, 20, false),
            "!=" => (BinOp::Ne, 20, false),
            "<" => (BinOp::Lt, 20, false),
            ">" => (BinOp::Gt, 20, false),
            "<=" => (BinOp::Le, 20, false),
            ">=" => (BinOp::Ge, 20, false),
            "in" => (BinOp::In, 20, false),
            "matches" => (BinOp::Matches, 20, false),
            "contains" => (BinOp::Contains, 20, false),
            "startsWith" => (BinOp::StartsWith, 20, false),
            "endsWith" => (BinOp::EndsWith, 20, false),
            ".." => (BinOp::Range, 25, false),
            "+" => (BinOp::Add, 30, false),
            "-" => (BinOp::Sub, 30, false),
            "*" => (BinOp::Mul, 60, false),
            "/" => (BinOp::Div, 60, false),
            "%" => (BinOp::Mod, 60, false),
            "**" | "^" => (BinOp::Pow, 100, true),
            "??" => (BinOp::Coalesce, 200, false),
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::In => "in",
            BinOp::Matches => "matches",
            BinOp::Contains => "contains",
            BinOp::StartsWith => "startsWith",
            BinOp::EndsWith => "endsWith",
            BinOp::Range => "..",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Coalesce => "??",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(self, BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge)
    }
}

/// What `#` refers to inside a predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    Item,
    Index,
    Acc,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    pub height: u32,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    // ---- produced by the parser ----
    Const(Value<'static>),
    Array(Vec<Expr>),
    Map(Vec<(Expr, Expr)>),
    Ident(String),
    /// `#`, `#index`, `#acc`, or any other `#name` (rejected by the checker).
    PointerName(String),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Member {
        base: Box<Expr>,
        key: Box<Expr>,
        optional: bool,
    },
    Slice {
        base: Box<Expr>,
        from: Option<Box<Expr>>,
        to: Option<Box<Expr>>,
    },
    /// A call by name (builtin or mapping function); `args` include a piped value.
    Call {
        name: String,
        name_span: Span,
        args: Vec<Expr>,
    },
    /// `base.Name(args)`.
    MethodCall {
        base: Box<Expr>,
        name: String,
        name_span: Span,
        args: Vec<Expr>,
        optional: bool,
    },
    /// The body of a predicate argument (`{...}` or a bare expression).
    Closure(Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Let {
        name: String,
        name_span: Span,
        value: Box<Expr>,
        body: Box<Expr>,
    },
    Seq(Vec<Expr>),
    // ---- produced by the checker ----
    Var(Arc<str>),
    Local(u32),
    Pointer(Pointer),
    /// Member access with a constant string key.
    Field {
        base: Box<Expr>,
        name: Value<'static>,
    },
    /// `variable.name`: a field of an environment variable.
    VarField {
        var: Arc<str>,
        name: Value<'static>,
    },
    Builtin {
        func: Func,
        args: Vec<Expr>,
    },
    Method {
        base: Box<Expr>,
        method: Method,
        args: Vec<Expr>,
        optional: bool,
    },
    LetSlot {
        value: Box<Expr>,
        body: Box<Expr>,
    },
    MatchesConst(Box<Expr>, Arc<regex::Regex>),
}

impl Expr {
    /// Builds a node, computing its height from its children.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let mut h = 0;
        kind.for_each_child(&mut |c: &Expr| h = h.max(c.height));
        Expr { kind, span, height: h + 1 }
    }

    pub fn is_const(&self) -> bool {
        matches!(self.kind, ExprKind::Const(_))
    }
}

impl ExprKind {
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        use ExprKind::*;
        match self {
            Const(_) | Ident(_) | PointerName(_) | Var(_) | VarField { .. } | Local(_) | Pointer(_) => {}
            Array(items) | Seq(items) => items.iter().for_each(f),
            Call { args, .. } | Builtin { args, .. } => args.iter().for_each(f),
            Map(pairs) => pairs.iter().for_each(|(k, v)| {
                f(k);
                f(v)
            }),
            Unary(_, e) | Closure(e) | Field { base: e, .. } | MatchesConst(e, _) => f(e),
            Binary(_, a, b) | Member { base: a, key: b, .. } => {
                f(a);
                f(b)
            }
            Let { value, body, .. } | LetSlot { value, body, .. } => {
                f(value);
                f(body)
            }
            Slice { base, from, to } => {
                f(base);
                from.iter().for_each(|e| f(e));
                to.iter().for_each(|e| f(e));
            }
            MethodCall { base, args, .. } | Method { base, args, .. } => {
                f(base);
                args.iter().for_each(f)
            }
            Cond(a, b, c) => {
                f(a);
                f(b);
                f(c)
            }
        }
    }
}
