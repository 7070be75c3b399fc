import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { catalog } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

describe('Console shell', () => {
  beforeEach(mockIpcDefaults);

  it('opens on Applications, with the organization name and version in the navigation', async () => {
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications'));
    expect(await screen.findByTestId('nav-org-name')).toHaveTextContent('Acme Corporation');
    expect(await screen.findByTestId('app-version')).toHaveTextContent('0.1.0');
    await waitFor(() => expect(screen.getByTestId('nav-applications')).toHaveAttribute('aria-current', 'page'));
    expect(screen.getByTestId('breadcrumbs')).toHaveTextContent('Applications');
  });

  it('navigates between sections from the navigation', async () => {
    const { user, router } = renderApp('/applications');
    await user.click(await screen.findByTestId('nav-activity'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/activity'));
    expect(screen.getByTestId('nav-activity')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('nav-applications')).not.toHaveAttribute('aria-current');
  });

  it("shows the connector's name in the breadcrumbs of its page", async () => {
    vi.mocked(ipc.listCatalog).mockResolvedValue(catalog);
    renderApp('/catalog/alexishr');
    await waitFor(() => expect(screen.getByTestId('breadcrumbs')).toHaveTextContent(/Catalog.*AlexisHR/));
  });

  it('switches between light and dark and remembers the choice', async () => {
    const { user } = renderApp('/users');
    const toggle = await screen.findByTestId('theme-toggle');
    // jsdom's OS preference is light.
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light');
    await user.click(toggle);
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(window.localStorage.getItem('gatehouse-color-scheme')).toBe('dark');
    await user.click(toggle);
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light');
    expect(window.localStorage.getItem('gatehouse-color-scheme')).toBe('light');
  });
});
