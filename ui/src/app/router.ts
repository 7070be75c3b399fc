//! The router: hash-based in the app (the Tauri window loads one file), in memory for tests
//! so they can start on any route.

import { createHashRouter, createMemoryRouter } from 'react-router';
import { routes } from '../routes/routes';

export function createAppRouter(initialPath?: string) {
  return initialPath === undefined
    ? createHashRouter(routes)
    : createMemoryRouter(routes, { initialEntries: [initialPath] });
}
