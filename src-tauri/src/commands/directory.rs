//! Commands of the directory: users, groups, membership, CSV import, sample organization.

use gatehouse_core::directory::csv_import::CsvImportReport;
use gatehouse_core::directory::groups::{Group, GroupDraft, GroupRef};
use gatehouse_core::directory::model::{User, UserDraft, UserPage, UserQuery, UserState};
use gatehouse_core::ApiError;
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn users_list(state: State<'_, AppState>, query: UserQuery) -> Res<UserPage> {
    Ok(state.core()?.users(&query)?)
}

#[tauri::command]
pub async fn user_get(state: State<'_, AppState>, id: String) -> Res<User> {
    Ok(state.core()?.user(&id)?)
}

#[tauri::command]
pub async fn user_groups(state: State<'_, AppState>, id: String) -> Res<Vec<GroupRef>> {
    Ok(state.core()?.user_groups(&id)?)
}

#[tauri::command]
pub async fn user_create(state: State<'_, AppState>, draft: UserDraft) -> Res<User> {
    Ok(state.core()?.create_user(&draft)?)
}

#[tauri::command]
pub async fn user_update(state: State<'_, AppState>, id: String, draft: UserDraft) -> Res<User> {
    Ok(state.core()?.update_user(&id, &draft)?)
}

#[tauri::command]
pub async fn user_set_state(state: State<'_, AppState>, id: String, user_state: UserState) -> Res<User> {
    Ok(state.core()?.set_user_state(&id, user_state)?)
}

#[tauri::command]
pub async fn user_delete(state: State<'_, AppState>, id: String) -> Res<()> {
    Ok(state.core()?.delete_user(&id)?)
}

/// The file is read by the UI (no file-system permission needed) and sent as text.
#[tauri::command]
pub async fn users_import_csv(state: State<'_, AppState>, csv: String) -> Res<CsvImportReport> {
    Ok(state.core()?.import_users_csv(csv.as_bytes())?)
}

#[tauri::command]
pub async fn groups_list(state: State<'_, AppState>, search: Option<String>) -> Res<Vec<Group>> {
    Ok(state.core()?.groups(search.as_deref())?)
}

#[tauri::command]
pub async fn group_get(state: State<'_, AppState>, id: String) -> Res<Group> {
    Ok(state.core()?.group(&id)?)
}

#[tauri::command]
pub async fn group_create(state: State<'_, AppState>, draft: GroupDraft) -> Res<Group> {
    Ok(state.core()?.create_group(&draft)?)
}

#[tauri::command]
pub async fn group_update(state: State<'_, AppState>, id: String, draft: GroupDraft) -> Res<Group> {
    Ok(state.core()?.update_group(&id, &draft)?)
}

#[tauri::command]
pub async fn group_delete(state: State<'_, AppState>, id: String) -> Res<()> {
    Ok(state.core()?.delete_group(&id)?)
}

#[tauri::command]
pub async fn group_members_add(state: State<'_, AppState>, id: String, user_ids: Vec<String>) -> Res<usize> {
    Ok(state.core()?.add_group_members(&id, &user_ids)?)
}

#[tauri::command]
pub async fn group_members_remove(state: State<'_, AppState>, id: String, user_ids: Vec<String>) -> Res<usize> {
    Ok(state.core()?.remove_group_members(&id, &user_ids)?)
}

#[tauri::command]
pub async fn directory_is_empty(state: State<'_, AppState>) -> Res<bool> {
    Ok(state.core()?.is_empty()?)
}

#[tauri::command]
pub async fn sample_load(state: State<'_, AppState>) -> Res<()> {
    state.core()?.load_sample()?;
    Ok(())
}
