//! The desktop shell: opens the core's store, registers the IPC commands and the window.
//!
//! Nothing here decides anything: each command adapts one `Gatehouse` call and turns its
//! error into `{code, message, field?}`. If the store cannot be opened (newer schema,
//! unwritable folder) the window still opens and every command answers with that error,
//! so the UI can show a clear start-up screen instead of the process crashing.

mod commands;
mod state;

use std::path::PathBuf;

use gatehouse_core::{paths, Actor, Gatehouse};
use state::AppState;

/// Parses `--data-dir DIR` / `--data-dir=DIR` from the process arguments.
fn data_dir_arg() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

fn open_core() -> (AppState, Option<impl Drop>) {
    let data_dir = match paths::resolve_data_dir(data_dir_arg()) {
        Ok(d) => d,
        Err(e) => return (AppState::failed(e, None), None),
    };
    let guard = gatehouse_core::logging::init(&data_dir);
    match Gatehouse::open(&data_dir, Actor::App) {
        Ok(core) => {
            tracing::info!(data_dir = %data_dir.display(), "store opened");
            (AppState::ready(core), guard)
        }
        Err(e) => {
            tracing::error!("cannot open the store: {e}");
            eprintln!("gatehouse: {e}");
            (AppState::failed(e, Some(data_dir)), guard)
        }
    }
}

/// Builds and runs the app; returns when the last window closes.
pub fn run() {
    let (state, _log_guard) = open_core();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .manage(commands::SsoScratch::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::settings_get,
            commands::settings_update,
            commands::catalog_list,
            commands::events_list,
            commands::event_names,
            commands::users_list,
            commands::user_get,
            commands::user_groups,
            commands::user_create,
            commands::user_update,
            commands::user_set_state,
            commands::user_delete,
            commands::users_import_csv,
            commands::groups_list,
            commands::group_get,
            commands::group_create,
            commands::group_update,
            commands::group_delete,
            commands::group_members_add,
            commands::group_members_remove,
            commands::directory_is_empty,
            commands::sample_load,
            commands::applications_list,
            commands::application_get,
            commands::application_suggest_suffix,
            commands::application_create,
            commands::application_update_general,
            commands::applications_delete,
            commands::application_bind_group,
            commands::application_unbind_group,
            commands::application_effective_users,
            commands::mappings_get,
            commands::mappings_save,
            commands::mappings_restore,
            commands::mapping_preview,
            commands::expr_functions,
            commands::dialog_override,
            commands::sso_get,
            commands::sso_save,
            commands::preview_sp_metadata_file,
            commands::apply_sp_metadata_file,
            commands::certificate_generate,
            commands::certificate_activate_next,
            commands::certificate_discard_next,
            commands::export_certificate,
            commands::export_metadata,
            commands::assertion_preview,
            commands::save_assertion,
            commands::sso_test,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("gatehouse: the window could not be started: {e}");
            std::process::exit(1);
        });
}
