//! Commands of the foundation: installation info, settings, catalog, activity.

use gatehouse_catalog::CatalogSnapshot;
use gatehouse_core::{ApiError, AppInfo, EventPage, EventQuery, Settings};
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Res<AppInfo> {
    Ok(state.core()?.info())
}

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Res<Settings> {
    Ok(state.core()?.settings()?)
}

#[tauri::command]
pub async fn settings_update(state: State<'_, AppState>, settings: Settings) -> Res<Settings> {
    Ok(state.core()?.update_settings(&settings)?)
}

#[tauri::command]
pub async fn catalog_list(state: State<'_, AppState>) -> Res<CatalogSnapshot> {
    Ok(state.core()?.catalog().clone())
}

#[tauri::command]
pub async fn events_list(state: State<'_, AppState>, query: EventQuery) -> Res<EventPage> {
    Ok(state.core()?.events(&query)?)
}

#[tauri::command]
pub async fn event_names(state: State<'_, AppState>) -> Res<Vec<String>> {
    Ok(state.core()?.event_names()?)
}
