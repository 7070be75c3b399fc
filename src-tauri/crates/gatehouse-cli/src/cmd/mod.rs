//! One module per command group.

pub mod app;
pub mod catalog;
pub mod cert;
pub mod events;
pub mod expr;
pub mod group;
pub mod info;
pub mod mapping;
pub mod metadata;
pub mod preview;
pub mod sample;
pub mod settings;
pub mod sso;
pub mod user;
