import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { user as userFixture, userSummary } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { fill, renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

/** The input wrapper (label, input, error) around an input. */
const wrapperOf = (input: HTMLElement) => input.closest('.mantine-InputWrapper-root') as HTMLElement;

const PEOPLE = Array.from({ length: 120 }, (_, i) =>
  userSummary(`usr_${i}`, `user${String(i).padStart(3, '0')}`, `Person ${String(i).padStart(3, '0')}`),
);

const lastQuery = () => vi.mocked(ipc.listUsers).mock.lastCall?.[0];

describe('Users page', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => ({
      items: PEOPLE.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: PEOPLE.length,
      page: q.page,
      pageSize: q.pageSize,
    }));
  });

  it('shows a username conflict from the core at the username field and keeps everything typed', { timeout: 30_000 }, async () => {
    vi.mocked(ipc.createUser).mockRejectedValue(
      new IpcError('conflict', "The username 'ada' is already taken (usernames ignore case).", 'username'),
    );
    const { user } = renderApp('/users');
    await user.click(await screen.findByTestId('user-add'));
    const form = await screen.findByTestId('user-form');
    await fill(user, screen.getByTestId('user-form-username'), 'ada');
    await fill(user, screen.getByTestId('user-form-email'), 'ada.l@northwind.example');
    await fill(user, screen.getByTestId('user-form-firstname'), 'Ada');
    await fill(user, screen.getByTestId('user-form-lastname'), 'Lovelace');
    await fill(user, within(form).getByLabelText('Job title'), 'Engineer');
    await user.click(screen.getByTestId('user-form-save'));

    await waitFor(() => expect(ipc.createUser).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.createUser).mock.calls[0][0]).toMatchObject({
      username: 'ada',
      email: 'ada.l@northwind.example',
      firstname: 'Ada',
      lastname: 'Lovelace',
      jobTitle: 'Engineer',
      state: 'active',
      addresses: [],
      phoneNumbers: [],
      customAttributes: {},
    });

    const username = screen.getByTestId('user-form-username');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(within(wrapperOf(username)).getByText(/already taken/)).toBeInTheDocument();
    expect(screen.getByTestId('user-form-email')).not.toHaveAttribute('aria-invalid', 'true');
    // Still open, nothing lost, no toast duplicating the message.
    expect(screen.getByTestId('user-form')).toBeInTheDocument();
    expect(username).toHaveValue('ada');
    expect(screen.getByTestId('user-form-email')).toHaveValue('ada.l@northwind.example');
    expect(screen.getByTestId('user-form-firstname')).toHaveValue('Ada');
    expect(screen.getByTestId('user-form-lastname')).toHaveValue('Lovelace');
    expect(within(form).getByLabelText('Job title')).toHaveValue('Engineer');
    expect(screen.getAllByText(/already taken/)).toHaveLength(1);
  });

  it('puts a row error on the row it came from, even when empty rows were not sent', { timeout: 30_000 }, async () => {
    vi.mocked(ipc.createUser).mockRejectedValue(
      new IpcError('invalid_input', 'Phone number must contain digits.', 'phoneNumbers[0].number'),
    );
    const { user } = renderApp('/users');
    await user.click(await screen.findByTestId('user-add'));
    await screen.findByTestId('user-form');
    await fill(user, screen.getByTestId('user-form-username'), 'grace');
    await fill(user, screen.getByTestId('user-form-email'), 'grace@northwind.example');
    // Two phone rows: the first left empty (not sent), the second with a bad number.
    await user.click(screen.getByRole('button', { name: 'Add phone number' }));
    await user.click(screen.getByRole('button', { name: 'Add phone number' }));
    await fill(user, screen.getByLabelText('Phone 2 number'), 'call me');
    await user.click(screen.getByTestId('user-form-save'));

    await waitFor(() => expect(ipc.createUser).toHaveBeenCalled());
    expect(vi.mocked(ipc.createUser).mock.calls[0][0].phoneNumbers).toEqual([{ type: 'mobile', number: 'call me' }]);
    await waitFor(() => expect(screen.getByLabelText('Phone 2 number')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Phone 1 number')).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Phone number must contain digits.')).toBeInTheDocument();
  });

  it('adds a user and lists it', { timeout: 30_000 }, async () => {
    vi.mocked(ipc.createUser).mockImplementation(async (draft) => userFixture('usr_new', draft));
    const { user } = renderApp('/users');
    await user.click(await screen.findByTestId('user-add'));
    await user.type(await screen.findByTestId('user-form-username'), 'ada');
    await fill(user, screen.getByTestId('user-form-email'), 'ada@northwind.example');
    await user.click(screen.getByRole('button', { name: 'Add attribute' }));
    await fill(user, screen.getByLabelText('Attribute 1 name'), 'slackHandle');
    await fill(user, screen.getByLabelText('Attribute 1 value'), '@ada');
    const listCalls = vi.mocked(ipc.listUsers).mock.calls.length;
    await user.click(screen.getByTestId('user-form-save'));

    expect(await screen.findByText('User added')).toBeInTheDocument();
    expect(vi.mocked(ipc.createUser).mock.calls[0][0].customAttributes).toEqual({ slackHandle: '@ada' });
    await waitFor(() => expect(screen.queryByTestId('user-form')).not.toBeInTheDocument());
    // The list is asked again.
    await waitFor(() => expect(vi.mocked(ipc.listUsers).mock.calls.length).toBeGreaterThan(listCalls));
  });

  it('searches, sorts and pages in the core, 50 at a time', { timeout: 30_000 }, async () => {
    const { user } = renderApp('/users');
    await screen.findByTestId('user-row-user000');
    expect(lastQuery()).toEqual({ sort: 'name', descending: false, page: 1, pageSize: 50 });
    expect(screen.getAllByTestId(/^user-row-/)).toHaveLength(50);
    expect(screen.getByTestId('users-footer-range')).toHaveTextContent('1–50 of 120 users');

    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', descending: false, page: 3, pageSize: 50 }));
    await waitFor(() => expect(screen.getByTestId('users-footer-range')).toHaveTextContent('101–120 of 120 users'));

    // Sorting starts again at page 1; a second click reverses.
    await user.click(screen.getByTestId('sort-email'));
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'email', descending: false, page: 1, pageSize: 50 }));
    await user.click(screen.getByTestId('sort-email'));
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'email', descending: true, page: 1, pageSize: 50 }));

    // The search goes to the core (after a pause in typing), back on page 1.
    await fill(user, screen.getByTestId('users-search'), 'lovelace');
    await waitFor(() =>
      expect(lastQuery()).toEqual({ search: 'lovelace', sort: 'email', descending: true, page: 1, pageSize: 50 }),
    );
    expect(vi.mocked(ipc.listUsers).mock.calls.filter(([q]) => q.search !== undefined)).toHaveLength(1);
  });

  it('opens a user from its row', async () => {
    vi.mocked(ipc.getUser).mockResolvedValue(userFixture('usr_7', { username: 'user007', firstname: 'Person', lastname: '007' }));
    vi.mocked(ipc.getUserGroups).mockResolvedValue([{ id: 'grp_1', name: 'Engineering' }]);
    const { user, router } = renderApp('/users');
    await user.click(await screen.findByTestId('user-row-user007'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/usr_7'));
    const detail = await screen.findByTestId('user-detail');
    expect(within(detail).getByTestId('user-name')).toHaveTextContent('Person 007');
    expect(await within(detail).findByRole('link', { name: /Engineering/ })).toHaveAttribute('href', '/groups/grp_1');
  });
});

describe('CSV import', () => {
  beforeEach(mockIpcDefaults);

  async function importFile(text: string) {
    const app = renderApp('/users');
    await app.user.click(await screen.findByTestId('users-import'));
    const file = new File([text], 'people.csv', { type: 'text/csv' });
    await app.user.upload(await screen.findByTestId('users-import-file'), file);
    await waitFor(() => expect(screen.getByTestId('users-import-file-name')).toHaveTextContent('people.csv'));
    await app.user.click(screen.getByTestId('users-import-submit'));
    return app;
  }

  it('lists the bad rows by line and says nothing was imported', async () => {
    vi.mocked(ipc.importUsersCsv).mockResolvedValue({
      imported: 0,
      rows: 3,
      errors: [
        { line: 3, field: 'email', message: "'bob' is not a valid email address: it has no @." },
        { line: 4, field: 'state', message: "State 'gone' is not one of active, suspended, password_expired." },
      ],
      truncated: false,
    });
    const csv = 'username,email,state\nada,ada@x.example,active\nbob,bob,active\ncy,cy@x.example,gone\n';
    await importFile(csv);

    expect(ipc.importUsersCsv).toHaveBeenCalledWith(csv);
    const errors = await screen.findByTestId('users-import-errors');
    expect(errors).toHaveTextContent('Nothing was imported');
    const line3 = within(errors).getByTestId('import-error-3');
    // The line number the admin looks for in their file, the column and the message.
    expect(within(line3).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '3',
      'email',
      "'bob' is not a valid email address: it has no @.",
    ]);
    expect(line3).toHaveTextContent("'bob' is not a valid email address");
    expect(within(within(errors).getByTestId('import-error-4')).getAllByRole('cell')[0]).toHaveTextContent('4');
    expect(within(errors).getByTestId('import-error-4')).toHaveTextContent("State 'gone'");
    expect(within(errors).getAllByRole('row')).toHaveLength(3); // header + 2
    expect(screen.queryByTestId('users-import-result')).not.toBeInTheDocument();
    expect(screen.getByTestId('users-import-submit')).toBeDisabled();
  });

  it('says how many users were imported', async () => {
    vi.mocked(ipc.importUsersCsv).mockResolvedValue({ imported: 2, rows: 2, errors: [], truncated: false });
    await importFile('username,email\nada,ada@x.example\nbob,bob@x.example\n');
    expect(await screen.findByTestId('users-import-result')).toHaveTextContent('Imported 2 users');
  });
});
