//! Native file dialogs (tauri-plugin-dialog), behind one seam for end-to-end tests.
//!
//! They only return the path the admin chose: reading and writing the file is done by the
//! core's commands (ipc.ts), so exported certificates and imported metadata never pass
//! through JavaScript file APIs. WebDriver cannot drive GTK's native dialogs, so when the
//! app was started with `GATEHOUSE_E2E_DIALOG_DIR` the core's `dialog_override` names that
//! folder and these functions answer `<folder>/<default name>` without opening anything.
//! Admins never set it: for them `dialog_override` is `null` and the real dialog opens.

import { open, save } from '@tauri-apps/plugin-dialog';
import { getDialogOverride } from './ipc';

export type FileFilter = { name: string; extensions: string[] };

let override: Promise<string | null> | null = null;

/** The E2E seam's folder, asked once per session (an error means no seam). */
function overrideDir(): Promise<string | null> {
  override ??= getDialogOverride().catch(() => null);
  return override;
}

function inFolder(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/** Asks where to save `defaultName`; `null` when the admin cancels. */
export async function chooseSavePath(title: string, defaultName: string, filters: FileFilter[]): Promise<string | null> {
  const dir = await overrideDir();
  if (dir) return inFolder(dir, defaultName);
  return save({ title, defaultPath: defaultName, filters });
}

/** Asks for one file to open; `null` when the admin cancels. `testName` is the E2E seam's file. */
export async function chooseOpenPath(title: string, testName: string, filters: FileFilter[]): Promise<string | null> {
  const dir = await overrideDir();
  if (dir) return inFolder(dir, testName);
  return open({ title, multiple: false, directory: false, filters });
}
