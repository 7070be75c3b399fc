//! What names an expression may use: the variables (and, for some, the exact list of
//! fields), so that typos such as `jcUser.fristname` are caught when the mapping is saved,
//! not when a user is provisioned. Also the source of completion lists for the editor.

use serde::Serialize;

/// The directory user's fields, with the vendor's API names (the `jcUser` variable).
pub const DIRECTORY_USER_FIELDS: [&str; 22] = [
    "id",
    "username",
    "email",
    "firstname",
    "middlename",
    "lastname",
    "displayname",
    "jobTitle",
    "employeeIdentifier",
    "employeeType",
    "department",
    "costCenter",
    "company",
    "manager",
    "location",
    "description",
    "addresses",
    "phoneNumbers",
    "locale",
    "preferredLanguage",
    "state",
    "customAttributes",
];

/// A variable an expression may read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Variable {
    pub name: String,
    /// `Some`: only these fields exist (others are a compile error); `None`: any field may be
    /// read, and a missing one reads nil.
    pub fields: Option<Vec<String>>,
}

/// The variables known to the compiler.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    variables: Vec<Variable>,
    /// Whether names not declared are accepted as variables (reading nil when unbound).
    open: bool,
}

impl Schema {
    /// No variables at all.
    pub fn new() -> Schema {
        Schema::default()
    }

    /// Any name is a variable with any fields; unbound names read nil.
    pub fn open() -> Schema {
        Schema { variables: Vec::new(), open: true }
    }

    /// Attribute mappings: `jcUser` (the directory user, exactly `DIRECTORY_USER_FIELDS`)
    /// and `providerUser` (the application's account, any field, `{}` before it exists).
    pub fn mapping() -> Schema {
        Schema::new().with_fields("jcUser", &DIRECTORY_USER_FIELDS).with_variable("providerUser")
    }

    /// One open variable per key of a JSON object (for `expr eval` with a context file).
    pub fn from_context(context: &serde_json::Value) -> Schema {
        let mut s = Schema::new();
        if let Some(o) = context.as_object() {
            for k in o.keys() {
                s = s.with_variable(k);
            }
        }
        s
    }

    /// Declares a variable whose fields are open.
    pub fn with_variable(self, name: &str) -> Schema {
        self.declare(Variable { name: name.to_string(), fields: None })
    }

    /// Declares a variable with exactly these fields.
    pub fn with_fields(self, name: &str, fields: &[&str]) -> Schema {
        let fields = Some(fields.iter().map(|f| f.to_string()).collect());
        self.declare(Variable { name: name.to_string(), fields })
    }

    fn declare(mut self, v: Variable) -> Schema {
        self.variables.retain(|x| x.name != v.name);
        self.variables.push(v);
        self
    }

    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.iter().find(|v| v.name == name)
    }

    /// The declared fields of a variable (`None` if unknown or open).
    pub fn fields(&self, name: &str) -> Option<&[String]> {
        self.variable(name)?.fields.as_deref()
    }

    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// The candidate closest to `name`: one that differs only by case, else the nearest by
/// edit distance (with transpositions), if it is near enough to be a plausible typo.
pub fn suggest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = name.to_lowercase();
    let max = (name.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = if c.to_lowercase() == lower { 0 } else { strsim::osa_distance(&lower, &c.to_lowercase()) };
        if d <= max && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_prefer_case_then_nearest() {
        let f = DIRECTORY_USER_FIELDS;
        assert_eq!(suggest("fristname", f), Some("firstname"));
        assert_eq!(suggest("jobtitle", f), Some("jobTitle"));
        assert_eq!(suggest("lastnme", f), Some("lastname"));
        assert_eq!(suggest("zzzzzz", f), None);
    }
}
