//! Directory types as they cross IPC and as mapping expressions see them (`jcUser.<name>`):
//! field names are the vendor's API names from PRODUCT.md (firstname, jobTitle, costCenter…).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum UserState {
    #[default]
    Active,
    Suspended,
    PasswordExpired,
}

impl UserState {
    pub fn as_str(self) -> &'static str {
        match self {
            UserState::Active => "active",
            UserState::Suspended => "suspended",
            UserState::PasswordExpired => "password_expired",
        }
    }

    pub fn parse(s: &str) -> Option<UserState> {
        match s.trim().to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
            "active" => Some(UserState::Active),
            "suspended" => Some(UserState::Suspended),
            "password_expired" => Some(UserState::PasswordExpired),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Address {
    /// work | home | other
    #[serde(rename = "type")]
    pub kind: String,
    pub street_address: String,
    pub po_box: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PhoneNumber {
    /// work | home | mobile | other
    #[serde(rename = "type")]
    pub kind: String,
    pub number: String,
}

/// Everything an admin edits on a user. Missing fields read as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[ts(export)]
pub struct UserDraft {
    pub username: String,
    pub email: String,
    pub firstname: String,
    pub middlename: String,
    pub lastname: String,
    pub displayname: String,
    pub job_title: String,
    pub employee_identifier: String,
    pub employee_type: String,
    pub department: String,
    pub cost_center: String,
    pub company: String,
    pub manager: String,
    pub location: String,
    pub description: String,
    pub locale: String,
    pub preferred_language: String,
    pub addresses: Vec<Address>,
    pub phone_numbers: Vec<PhoneNumber>,
    pub custom_attributes: BTreeMap<String, String>,
    pub state: UserState,
}

/// A directory user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct User {
    pub id: String,
    #[serde(flatten)]
    pub draft: UserDraft,
    pub created_at: String,
    pub updated_at: String,
}

impl User {
    /// The name to show: display name, else "first last", else username.
    pub fn shown_name(&self) -> String {
        self.draft.shown_name()
    }
}

impl UserDraft {
    pub fn shown_name(&self) -> String {
        shown_name(&self.displayname, &self.firstname, &self.lastname, &self.username)
    }
}

/// The one rule for the name shown for a user: display name, else "first last", else username.
pub fn shown_name(display: &str, first: &str, last: &str, username: &str) -> String {
    if !display.trim().is_empty() {
        return display.trim().to_string();
    }
    let full = format!("{} {}", first.trim(), last.trim()).trim().to_string();
    if full.is_empty() {
        username.to_string()
    } else {
        full
    }
}

/// One row of the users list.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UserSummary {
    pub id: String,
    pub username: String,
    pub email: String,
    pub name: String,
    pub job_title: String,
    pub department: String,
    pub state: UserState,
    pub created_at: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum UserSort {
    #[default]
    Name,
    Username,
    Email,
    State,
    Created,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct UserQuery {
    /// Matches name, username and email (substring, case-insensitive).
    #[ts(optional)]
    pub search: Option<String>,
    /// Only members of this group.
    #[ts(optional)]
    pub group_id: Option<String>,
    pub sort: UserSort,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UserPage {
    pub items: Vec<UserSummary>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}
