//! Whether to greet the admin with the first-run panel: the directory is empty and they have
//! not chosen "Start empty" (remembered on this machine).

import { useLocalStorage } from '@mantine/hooks';
import { useDirectoryEmpty } from './queries';

export const FIRST_RUN_DISMISSED_KEY = 'gatehouse-first-run-dismissed';

export function useFirstRun() {
  const empty = useDirectoryEmpty();
  const [dismissed, setDismissed] = useLocalStorage<boolean>({
    key: FIRST_RUN_DISMISSED_KEY,
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  return {
    /** Still asking the core: pages show their loading state. */
    pending: empty.isPending,
    show: empty.data === true && !dismissed,
    dismiss: () => setDismissed(true),
  };
}
