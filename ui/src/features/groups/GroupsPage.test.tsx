import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserQuery } from '../../bindings/UserQuery';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { group, userSummary } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { fill, renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

const ENGINEERING = group('grp_eng', 'Engineering', {
  description: 'Builders',
  memberCount: 2,
  applications: [
    { id: 'app_1', label: '15Five', connectorId: '15five' },
    { id: 'app_2', label: 'Hoxhunt', connectorId: 'hoxhunt' },
  ],
});
const ADA = userSummary('usr_ada', 'ada', 'Ada Lovelace');
const GRACE = userSummary('usr_grace', 'grace', 'Grace Hopper');
const ALAN = userSummary('usr_alan', 'alan', 'Alan Turing');

function directory(q: UserQuery) {
  const pool = q.groupId ? [ADA, GRACE] : [ADA, ALAN, GRACE];
  const text = q.search?.toLowerCase();
  const items = pool.filter((u) => !text || `${u.name} ${u.username} ${u.email}`.toLowerCase().includes(text));
  return { items, total: items.length, page: q.page, pageSize: q.pageSize };
}

describe('Groups', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listGroups).mockResolvedValue([ENGINEERING, group('grp_sales', 'Sales', { memberCount: 5 })]);
    vi.mocked(ipc.getGroup).mockResolvedValue(ENGINEERING);
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => directory(q));
  });

  it('lists groups with their member counts and bound applications', async () => {
    renderApp('/groups');
    const row = await screen.findByTestId('group-row-Engineering');
    expect(row).toHaveTextContent('Builders');
    expect(row).toHaveTextContent('2');
    expect(within(row).getByTestId('group-apps')).toHaveTextContent(/15Five.*Hoxhunt/);
    expect(screen.getByTestId('group-row-Sales')).toHaveTextContent('None');
  });

  it('shows a taken name at the name field and keeps the input', async () => {
    vi.mocked(ipc.createGroup).mockRejectedValue(new IpcError('conflict', "A group named 'Sales' already exists.", 'name'));
    const { user } = renderApp('/groups');
    await user.click(await screen.findByTestId('group-add'));
    await fill(user, await screen.findByTestId('group-form-name'), 'Sales');
    await fill(user, screen.getByTestId('group-form-description'), 'Second sales team');
    await user.click(screen.getByTestId('group-form-save'));

    await waitFor(() => expect(ipc.createGroup).toHaveBeenCalledWith({ name: 'Sales', description: 'Second sales team' }));
    const name = screen.getByTestId('group-form-name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText("A group named 'Sales' already exists.")).toBeInTheDocument();
    expect(name).toHaveValue('Sales');
    expect(screen.getByTestId('group-form-description')).toHaveValue('Second sales team');
  });

  it('names the group, its members and the applications it takes away before deleting', async () => {
    vi.mocked(ipc.deleteGroup).mockResolvedValue(null);
    const { user, router } = renderApp('/groups/grp_eng');
    await user.click(await screen.findByTestId('group-delete'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete the group Engineering?');
    expect(within(dialog).getByTestId('delete-group-summary')).toHaveTextContent(
      /Its 2 members lose access to them unless another bound group still grants it/,
    );
    expect(dialog).toHaveTextContent('15Five');
    expect(dialog).toHaveTextContent('Hoxhunt');
    await user.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(ipc.deleteGroup).toHaveBeenCalledWith('grp_eng'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/groups'));
  });

  it('adds members picked by searching the directory', async () => {
    vi.mocked(ipc.addGroupMembers).mockResolvedValue(1);
    const { user } = renderApp('/groups/grp_eng');
    const table = await screen.findByTestId('group-members-table');
    expect(await within(table).findByTestId('member-row-ada')).toBeInTheDocument();
    await waitFor(() =>
      expect(vi.mocked(ipc.listUsers).mock.calls.some(([q]) => q.groupId === 'grp_eng' && q.pageSize === 50)).toBe(true),
    );

    await user.click(screen.getByTestId('group-add-members'));
    const picker = await screen.findByTestId('member-picker');
    await user.type(picker, 'alan');
    // The picker asks the core as the admin types, and shows name, username and email.
    await waitFor(() => expect(vi.mocked(ipc.listUsers).mock.calls.some(([q]) => q.search === 'alan' && !q.groupId)).toBe(true));
    const option = await screen.findByTestId('member-option-alan');
    expect(option).toHaveTextContent('Alan Turing');
    expect(option).toHaveTextContent('alan@northwind.example');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Alan Turing', { selector: '.mantine-Pill-label' })).toBeInTheDocument();

    // A member already is listed but cannot be picked.
    await user.type(picker, 'ada');
    expect(await screen.findByTestId('member-option-ada')).toHaveTextContent('Member');
    expect(screen.getByTestId('member-option-ada')).toHaveAttribute('data-combobox-disabled', 'true');

    await user.click(screen.getByTestId('member-picker-save'));
    await waitFor(() => expect(ipc.addGroupMembers).toHaveBeenCalledWith('grp_eng', ['usr_alan']));
    expect(await screen.findByText('Added 1 member to Engineering')).toBeInTheDocument();
  });

  it('removes selected members together', async () => {
    vi.mocked(ipc.removeGroupMembers).mockResolvedValue(2);
    const { user } = renderApp('/groups/grp_eng');
    await screen.findByTestId('member-row-ada');
    await user.click(screen.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Grace Hopper' }));
    expect(screen.getByTestId('members-selection')).toHaveTextContent('2 selected');
    await user.click(screen.getByTestId('members-remove-selected'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Remove 2 members from Engineering?');
    expect(dialog).toHaveTextContent('lose access to 15Five, Hoxhunt');
    await user.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(ipc.removeGroupMembers).toHaveBeenCalledWith('grp_eng', ['usr_ada', 'usr_grace']));
    expect(await screen.findByText('Removed 2 members from Engineering')).toBeInTheDocument();
  });
});
