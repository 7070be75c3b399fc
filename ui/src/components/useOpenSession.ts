//! A number that changes each time a drawer or modal opens. Keying its content on it gives
//! every opening a fresh form, even when it reopens during its own closing animation (when
//! Mantine would otherwise keep the previous content, and the previous input, mounted).

import { useState } from 'react';

export function useOpenSession(opened: boolean): number {
  const [wasOpened, setWasOpened] = useState(opened);
  const [session, setSession] = useState(0);
  // Adjusting state while rendering when a prop changes (React's documented pattern).
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setSession((s) => s + 1);
  }
  return session;
}
