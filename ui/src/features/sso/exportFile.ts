//! Saving what the core produces (certificate.pem, IdP metadata, a Response) to a file the
//! admin picks in the native save dialog; the core writes it, and a toast says where.

import { useState } from 'react';
import { showErrorToast, showSuccessToast } from '../../components/notify';
import { chooseSavePath, type FileFilter } from '../../lib/dialogs';
import { useExport } from './queries';

export type ExportKind = 'certificate' | 'metadata' | 'response';

export const PEM_FILTER: FileFilter[] = [{ name: 'PEM certificate', extensions: ['pem', 'crt'] }];
export const XML_FILTER: FileFilter[] = [{ name: 'XML', extensions: ['xml'] }];

/** A label as a file name part: `15Five Production` → `15five-production`. */
export function fileSlug(label: string): string {
  return (
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'application'
  );
}

export function useFileExport(appId: string) {
  const exp = useExport(appId);
  const [busy, setBusy] = useState<ExportKind | null>(null);

  const run = async (what: ExportKind, dialogTitle: string, defaultName: string, filters: FileFilter[], savedTitle: string) => {
    setBusy(what);
    try {
      let path: string | null;
      try {
        path = await chooseSavePath(dialogTitle, defaultName, filters);
      } catch (e) {
        showErrorToast(e, 'The save dialog could not be opened');
        return;
      }
      if (!path) return;
      const written = await exp.mutateAsync({ what, path });
      showSuccessToast(savedTitle, `Saved to ${written}`);
    } catch {
      // The mutation cache shows the core's message as a toast.
    } finally {
      setBusy(null);
    }
  };

  return { run, busy };
}
