//! Errors of the core, and the `{code, message}` shape in which they cross IPC.
//!
//! Codes exist only where a front end acts on them: `invalid_input` and `conflict` carry the
//! field the admin must fix; `store_too_new` / `store_unavailable` switch the UI to its
//! start-up error screen; `not_found` sends it back to a list. Nobody matches on message text.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("{message}")]
    Conflict { field: String, message: String },
    #[error("{what} not found")]
    NotFound { what: String },
    #[error(
        "This database was written by a newer version of Gatehouse (schema {found}; this version \
         understands up to {supported}). Install the newer Gatehouse, or choose another data folder."
    )]
    StoreTooNew { found: u32, supported: u32 },
    #[error("Cannot use the data folder {path}: {reason}")]
    StoreUnavailable { path: String, reason: String },
    #[error("Database upgrade {version} failed: {message}")]
    Migration { version: u32, message: String },
    #[error("Database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Internal(String),
}

impl CoreError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Invalid { field: field.into(), message: message.into() }
    }

    pub fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Conflict { field: field.into(), message: message.into() }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        CoreError::NotFound { what: what.into() }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Invalid { .. } => ErrorCode::InvalidInput,
            CoreError::Conflict { .. } => ErrorCode::Conflict,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::StoreTooNew { .. } => ErrorCode::StoreTooNew,
            CoreError::StoreUnavailable { .. } | CoreError::Migration { .. } => ErrorCode::StoreUnavailable,
            CoreError::Sqlite(_) | CoreError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The field the admin must change, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::Invalid { field, .. } | CoreError::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;

/// What a front end may act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    InvalidInput,
    Conflict,
    NotFound,
    StoreTooNew,
    StoreUnavailable,
    Internal,
}

/// An error as it crosses IPC: `{code, message, field?}`.
#[derive(Clone, Debug, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The form field the message belongs to (camelCase, as in the IPC types).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<&CoreError> for ApiError {
    fn from(e: &CoreError) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: e.field().map(str::to_owned) }
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        ApiError::from(&e)
    }
}
