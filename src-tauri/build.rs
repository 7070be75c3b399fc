//! Generates the app's permission set from the command list, so each command must be
//! granted explicitly in `capabilities/`.

const COMMANDS: &[&str] = &[
    "app_info",
    "settings_get",
    "settings_update",
    "catalog_list",
    "events_list",
    "event_names",
    "users_list",
    "user_get",
    "user_groups",
    "user_create",
    "user_update",
    "user_set_state",
    "user_delete",
    "users_import_csv",
    "groups_list",
    "group_get",
    "group_create",
    "group_update",
    "group_delete",
    "group_members_add",
    "group_members_remove",
    "directory_is_empty",
    "sample_load",
    "applications_list",
    "application_get",
    "application_suggest_suffix",
    "application_create",
    "application_update_general",
    "applications_delete",
    "application_bind_group",
    "application_unbind_group",
    "application_effective_users",
    "mappings_get",
    "mappings_save",
    "mappings_restore",
    "mapping_preview",
    "expr_functions",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
