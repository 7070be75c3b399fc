//! Test double of ../dialogs.ts for `vi.mock('…/lib/dialogs')`: tests say which path the
//! admin "chose" (or `null` for a cancelled dialog).

import { vi } from 'vitest';
import type * as Real from '../dialogs';

export type FileFilter = Real.FileFilter;

export const chooseSavePath = vi.fn<typeof Real.chooseSavePath>();
export const chooseOpenPath = vi.fn<typeof Real.chooseOpenPath>();
