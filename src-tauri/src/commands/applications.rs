//! Commands of applications: the Add Application wizard, General tab, bound groups.

use gatehouse_core::applications::{Application, EffectiveUserPage, GeneralInfo, NewApplication};
use gatehouse_core::ApiError;
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn applications_list(state: State<'_, AppState>) -> Res<Vec<Application>> {
    Ok(state.core()?.applications()?)
}

#[tauri::command]
pub async fn application_get(state: State<'_, AppState>, id: String) -> Res<Application> {
    Ok(state.core()?.application(&id)?)
}

#[tauri::command]
pub async fn application_suggest_suffix(state: State<'_, AppState>, label: String) -> Res<String> {
    Ok(state.core()?.suggest_idp_url_suffix(&label)?)
}

#[tauri::command]
pub async fn application_create(state: State<'_, AppState>, app: NewApplication) -> Res<Application> {
    Ok(state.core()?.create_application(&app)?)
}

#[tauri::command]
pub async fn application_update_general(
    state: State<'_, AppState>,
    id: String,
    general: GeneralInfo,
) -> Res<Application> {
    Ok(state.core()?.update_application_general(&id, &general)?)
}

#[tauri::command]
pub async fn applications_delete(state: State<'_, AppState>, ids: Vec<String>, typed_count: String) -> Res<usize> {
    Ok(state.core()?.delete_applications(&ids, &typed_count)?)
}

#[tauri::command]
pub async fn application_bind_group(state: State<'_, AppState>, id: String, group_id: String) -> Res<Application> {
    Ok(state.core()?.bind_group(&id, &group_id)?)
}

#[tauri::command]
pub async fn application_unbind_group(state: State<'_, AppState>, id: String, group_id: String) -> Res<Application> {
    Ok(state.core()?.unbind_group(&id, &group_id)?)
}

#[tauri::command]
pub async fn application_effective_users(
    state: State<'_, AppState>,
    id: String,
    page: u32,
    page_size: u32,
) -> Res<EffectiveUserPage> {
    Ok(state.core()?.effective_users(&id, page, page_size)?)
}
