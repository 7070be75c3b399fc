import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

const TOO_NEW =
  'this database was written by a newer version of Gatehouse (schema 9; this version understands up to 1). Install the newer Gatehouse, or choose another data folder.';

describe('Start-up', () => {
  beforeEach(mockIpcDefaults);

  it('shows the start-up error screen instead of the console when the store is too new', async () => {
    vi.mocked(ipc.getAppInfo).mockRejectedValue(new IpcError('store_too_new', TOO_NEW));
    renderApp('/catalog');

    const screenEl = await screen.findByTestId('startup-error');
    expect(screen.getByRole('heading', { name: "Gatehouse can't open its data" })).toBeInTheDocument();
    expect(screen.getByTestId('startup-error-message')).toHaveTextContent(/schema 9; this version understands up to 1/);
    expect(screenEl).toHaveTextContent(/newer version of Gatehouse/);
    // Nothing of the console is shown, and nothing else is asked of the core.
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(ipc.listCatalog).not.toHaveBeenCalled();
    expect(ipc.getSettings).not.toHaveBeenCalled();
  });

  it('shows it for an unavailable store too, with that hint', async () => {
    vi.mocked(ipc.getAppInfo).mockRejectedValue(
      new IpcError('store_unavailable', 'cannot use the data folder /data/gatehouse: permission denied'),
    );
    renderApp('/settings');
    expect(await screen.findByTestId('startup-error-message')).toHaveTextContent('/data/gatehouse: permission denied');
    expect(screen.getByText(/writable by your user account/)).toBeInTheDocument();
  });

  it('opens the console when the store is fine', async () => {
    renderApp('/catalog');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(await screen.findByTestId('app-version')).toHaveTextContent('Gatehouse 0.1.0');
    expect(screen.queryByTestId('startup-error')).not.toBeInTheDocument();
  });

  it('does not lock the admin out for an error that is not about the store', async () => {
    vi.mocked(ipc.getAppInfo).mockRejectedValue(new IpcError('internal', 'bridge hiccup'));
    renderApp('/catalog');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.queryByTestId('startup-error')).not.toBeInTheDocument();
  });
});
