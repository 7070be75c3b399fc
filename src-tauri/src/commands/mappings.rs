//! Commands of the mapping editor: an application's SCIM attribute mappings, the live
//! preview of the exact SCIM resource for a user (saved or draft mappings), and the
//! editor's completion data.

use gatehouse_core::mappings::{self, ExprCatalog, Mapping, MappingSet, Preview};
use gatehouse_core::ApiError;
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn mappings_get(state: State<'_, AppState>, id: String) -> Res<MappingSet> {
    Ok(state.core()?.mappings(&id)?)
}

#[tauri::command]
pub async fn mappings_save(state: State<'_, AppState>, id: String, mappings: Vec<Mapping>) -> Res<MappingSet> {
    Ok(state.core()?.save_mappings(&id, mappings)?)
}

#[tauri::command]
pub async fn mappings_restore(state: State<'_, AppState>, id: String) -> Res<MappingSet> {
    Ok(state.core()?.restore_default_mappings(&id)?)
}

#[tauri::command]
pub async fn mapping_preview(
    state: State<'_, AppState>,
    id: String,
    user: String,
    draft: Option<Vec<Mapping>>,
) -> Res<Preview> {
    Ok(state.core()?.preview(&id, &user, draft)?)
}

#[tauri::command]
pub async fn expr_functions() -> Res<ExprCatalog> {
    Ok(mappings::expr_catalog())
}
