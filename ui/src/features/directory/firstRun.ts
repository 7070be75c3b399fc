//! Whether to greet the admin with the first-run panel: the directory is empty and they have
//! not chosen "Start empty" for this database (remembered on this machine, per database file,
//! so another data folder is greeted afresh).

import { useLocalStorage } from '@mantine/hooks';
import { useAppInfo } from '../shell/queries';
import { useDirectoryEmpty } from './queries';

const FIRST_RUN_DISMISSED_KEY = 'gatehouse-first-run-dismissed';

/** The localStorage key that remembers "Start empty" for the database at `databasePath`. */
export function firstRunDismissedKey(databasePath: string): string {
  return `${FIRST_RUN_DISMISSED_KEY}:${databasePath}`;
}

export function useFirstRun() {
  const empty = useDirectoryEmpty();
  const info = useAppInfo();
  const [dismissed, setDismissed] = useLocalStorage<boolean>({
    key: firstRunDismissedKey(info.data?.databasePath ?? ''),
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  return {
    /** Still asking the core: pages show their loading state. */
    pending: empty.isPending || info.isPending,
    show: empty.data === true && !dismissed,
    dismiss: () => setDismissed(true),
  };
}
