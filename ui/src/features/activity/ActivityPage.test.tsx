import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '../../bindings/Event';
import type { EventQuery } from '../../bindings/EventQuery';
import * as ipc from '../../lib/ipc';
import { application, event } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

// 60 events, newest (id 60) first: every third on Hoxhunt, every fifth a failure.
const LOG: Event[] = Array.from({ length: 60 }, (_, i) => {
  const id = 60 - i;
  return event(id, {
    name: id % 2 ? 'user_update_provision' : 'user_create_provision',
    appId: id % 3 ? 'app_15five' : 'app_hoxhunt',
    appLabel: id % 3 ? '15Five' : 'Hoxhunt',
    outcome: id % 5 ? 'success' : 'failure',
  });
});

function answer(q: EventQuery) {
  const hits = LOG.filter(
    (e) => (!q.appId || e.appId === q.appId) && (!q.name || e.name === q.name) && (!q.outcome || e.outcome === q.outcome),
  );
  const start = (q.page - 1) * q.pageSize;
  return { items: hits.slice(start, start + q.pageSize), total: hits.length, page: q.page, pageSize: q.pageSize };
}

const lastQuery = () => vi.mocked(ipc.listEvents).mock.lastCall?.[0];
const rowIds = () => screen.getAllByTestId(/^activity-row-/).map((r) => Number(r.dataset.testid!.split('-').pop()));

describe('Activity page', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listEvents).mockImplementation(async (q) => answer(q));
    vi.mocked(ipc.listEventNames).mockResolvedValue(['user_create_provision', 'user_update_provision']);
    vi.mocked(ipc.listApplications).mockResolvedValue([
      application('app_15five', { label: '15Five' }),
      application('app_hoxhunt', { label: 'Hoxhunt', connectorId: 'hoxhunt', connectorName: 'Hoxhunt', idpUrlSuffix: 'hoxhunt' }),
      application('app_wiki', { label: 'Internal wiki', connectorId: 'custom-saml', idpUrlSuffix: 'wiki' }),
    ]);
  });

  it('shows the newest 25 events first and requests page 2 when paging', async () => {
    const { user } = renderApp('/activity');
    await screen.findByTestId('activity-row-60');
    expect(lastQuery()).toEqual({ page: 1, pageSize: 25 });
    expect(rowIds()).toHaveLength(25);
    expect(rowIds()[0]).toBe(60);
    expect(screen.getByTestId('activity-range')).toHaveTextContent('1–25 of 60 events');

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(lastQuery()).toEqual({ page: 2, pageSize: 25 }));
    await waitFor(() => expect(rowIds()[0]).toBe(35));
    expect(screen.getByTestId('activity-range')).toHaveTextContent('26–50 of 60 events');
  });

  it('passes the filters to the core, starting again at page 1, and keeps them when paging', async () => {
    const { user } = renderApp('/activity?page=2');
    await screen.findByTestId('activity-row-35');
    expect(lastQuery()).toEqual({ page: 2, pageSize: 25 });

    // Outcome
    await user.click(screen.getByRole('radio', { name: 'Success' }));
    await waitFor(() => expect(lastQuery()).toEqual({ outcome: 'success', page: 1, pageSize: 25 }));

    // Event name, chosen from the names the core reported
    await user.click(screen.getByRole('combobox', { name: 'Event name' }));
    await user.click(await screen.findByRole('option', { name: 'user_update_provision' }));
    await waitFor(() =>
      expect(lastQuery()).toEqual({ name: 'user_update_provision', outcome: 'success', page: 1, pageSize: 25 }),
    );

    // Application, chosen from the configured applications (even one with no events yet)
    await user.click(screen.getByRole('combobox', { name: 'Application' }));
    expect(await screen.findByRole('option', { name: 'Internal wiki' })).toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: '15Five' }));
    await waitFor(() =>
      expect(lastQuery()).toEqual({
        appId: 'app_15five',
        name: 'user_update_provision',
        outcome: 'success',
        page: 1,
        pageSize: 25,
      }),
    );
    // 60 → odd ids (30) → not multiples of 3 (20) → not multiples of 5 (16): one page only.
    await waitFor(() => expect(rowIds()).toHaveLength(16));
    for (const id of rowIds()) expect(id % 2 === 1 && id % 3 !== 0 && id % 5 !== 0).toBe(true);
  });

  it('keeps the filters when paging', async () => {
    const { user } = renderApp('/activity?outcome=success');
    await screen.findByTestId('activity-row-59');
    expect(lastQuery()).toEqual({ outcome: 'success', page: 1, pageSize: 25 });
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(lastQuery()).toEqual({ outcome: 'success', page: 2, pageSize: 25 }));
  });

  it('opens the full detail of an event', async () => {
    const { user } = renderApp('/activity');
    await user.click(await screen.findByTestId('activity-row-58'));
    const drawer = await screen.findByTestId('event-drawer');
    const json = within(drawer).getByTestId('event-detail-json');
    expect(JSON.parse(json.textContent!)).toEqual({ request: { method: 'PATCH', path: '/Users/58' }, status: 200 });
    expect(json.textContent).toContain('\n  "request": {');
    expect(drawer).toHaveTextContent('user_create_provision');
    expect(drawer).toHaveTextContent('User 58');
  });

  it('shows an empty state when nothing was recorded yet', async () => {
    vi.mocked(ipc.listEvents).mockImplementation(async (q) => ({ items: [], total: 0, page: q.page, pageSize: q.pageSize }));
    renderApp('/activity');
    expect(await screen.findByTestId('activity-empty')).toHaveTextContent('No activity yet');
    expect(screen.queryByTestId('activity-table')).not.toBeInTheDocument();
  });
});
