//! Renders the whole app (providers, start-up gate, routes) at a path, in memory, with a
//! fresh cache, as the admin would see it.

import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../app/App';
import { createQueryClient } from '../app/queryClient';
import { createAppRouter } from '../app/router';

export function renderApp(path: string) {
  const queryClient = createQueryClient();
  const router = createAppRouter(path);
  const user = userEvent.setup();
  const utils = render(<AppRoot queryClient={queryClient} router={router} env="test" />);
  return { ...utils, user, router, queryClient };
}

/** Puts a whole value into an input the way a paste does (one input event, not one per key). */
export async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, value: string) {
  await user.click(input);
  await user.paste(value);
}
