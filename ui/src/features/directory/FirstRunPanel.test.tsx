import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { userSummary } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';
import { appInfo } from '../../test/fixtures';
import { firstRunDismissedKey } from './firstRun';

const DISMISSED = firstRunDismissedKey(appInfo.databasePath);

vi.mock('../../lib/ipc');

describe('First run', () => {
  let loaded: boolean;
  beforeEach(() => {
    mockIpcDefaults();
    loaded = false;
    vi.mocked(ipc.isDirectoryEmpty).mockImplementation(async () => !loaded);
    vi.mocked(ipc.loadSample).mockImplementation(async () => {
      loaded = true;
      return null;
    });
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => {
      const items = loaded ? [userSummary('usr_1', 'ada.lovelace', 'Ada Lovelace')] : [];
      return { items, total: items.length, page: q.page, pageSize: q.pageSize };
    });
  });

  it('loads the sample organization, refreshes the users and confirms', async () => {
    const { user } = renderApp('/users');
    expect(await screen.findByTestId('first-run')).toHaveTextContent('Welcome to Gatehouse');
    expect(screen.queryByTestId('users-table')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('first-run-sample'));
    await waitFor(() => expect(ipc.loadSample).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Sample organization loaded')).toBeInTheDocument();
    expect(await screen.findByTestId('user-row-ada.lovelace')).toHaveTextContent('Ada Lovelace');
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
  });

  it('offers the same choice on the Applications page', async () => {
    renderApp('/applications');
    expect(await screen.findByTestId('first-run')).toBeInTheDocument();
  });

  it('remembers "Start empty" and shows the empty directory instead', async () => {
    const { user } = renderApp('/users');
    await user.click(await screen.findByTestId('first-run-empty'));
    expect(await screen.findByTestId('users-empty')).toHaveTextContent('No users yet');
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
    expect(window.localStorage.getItem(DISMISSED)).toBe('true');
    expect(ipc.loadSample).not.toHaveBeenCalled();
  });

  it('greets another database afresh', async () => {
    window.localStorage.setItem(firstRunDismissedKey('/elsewhere/gatehouse.db'), 'true');
    renderApp('/users');
    expect(await screen.findByTestId('first-run')).toBeInTheDocument();
  });

  it('is not shown again once dismissed', async () => {
    window.localStorage.setItem(DISMISSED, 'true');
    renderApp('/users');
    expect(await screen.findByTestId('users-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
  });
});
