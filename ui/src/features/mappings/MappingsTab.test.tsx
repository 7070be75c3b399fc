import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/App';
import { createQueryClient } from '../../app/queryClient';
import type { Mapping } from '../../bindings/Mapping';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { application, userSummary } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { fill } from '../../test/render';
import { CATALOG, DISPLAY_NAME, MAPPINGS, mappingSet, previewOf } from './fixtures';
import { forgetDrafts } from './draft';
import { MappingsTab } from './MappingsTab';
import { stubLayout } from './testLayout';

vi.mock('../../lib/ipc');

// A whole tab with CodeMirror editors is heavy for jsdom, and CI machines are busy.
vi.setConfig({ testTimeout: 60_000 });

beforeAll(() => {
  configure({ asyncUtilTimeout: 15_000 });
  stubLayout();
});

function renderTab() {
  const router = createMemoryRouter([{ path: '*', element: <MappingsTab appId="app_15five" /> }]);
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={createQueryClient()} env="test">
      <RouterProvider router={router} />
    </Providers>,
  );
  return { user, ...utils };
}

const row = (target: string) => screen.getByTestId(`mapping-row-${target}`);

describe('Mappings tab', () => {
  beforeEach(() => {
    forgetDrafts();
    mockIpcDefaults();
    vi.mocked(ipc.getApplication).mockResolvedValue(application('app_15five'));
    vi.mocked(ipc.getMappings).mockResolvedValue(mappingSet());
    vi.mocked(ipc.getExprCatalog).mockResolvedValue(CATALOG);
    vi.mocked(ipc.previewMappings).mockImplementation(async (_id, _user, draft) => previewOf(draft ?? MAPPINGS));
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => ({
      items: [userSummary('usr_ada', 'ada.lovelace', 'Ada Lovelace'), userSummary('usr_grace', 'grace.hopper', 'Grace Hopper')],
      total: 2,
      page: q.page,
      pageSize: q.pageSize,
    }));
  });

  it('locks required mappings and lets optional ones be removed, then saved', async () => {
    const { user } = renderTab();
    expect(await screen.findByTestId('mapping-row-userName')).toHaveAttribute('data-required', 'true');
    expect(within(row('userName')).queryByRole('button', { name: /remove/i })).toBeNull();
    expect(within(row('userName')).getByLabelText('Required')).toBeInTheDocument();
    expect(screen.getByTestId('mapping-save')).toBeDisabled();

    await user.click(within(row('title')).getByRole('button', { name: 'Remove title' }));
    expect(screen.queryByTestId('mapping-row-title')).toBeNull();
    expect(screen.getByTestId('mapping-save')).toBeEnabled();

    vi.mocked(ipc.saveMappings).mockImplementation(async (_id, mappings) => mappingSet({ mappings, isDefault: false }));
    await user.click(screen.getByTestId('mapping-save'));
    await waitFor(() => expect(ipc.saveMappings).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.saveMappings).mock.calls[0]).toEqual(['app_15five', MAPPINGS.filter((m) => m.target !== 'title')]);
    await waitFor(() => expect(screen.getByTestId('mapping-save')).toBeDisabled());
    expect(await screen.findByText('Mappings saved')).toBeInTheDocument();
  });

  it('sends the draft as edited and shows a refused save at the row that caused it', async () => {
    const { user } = renderTab();
    const constant = within(await screen.findByTestId('mapping-row-$enterpriseUser.organization')).getByRole('textbox', {
      name: /constant value/i,
    });
    await user.clear(constant);
    await fill(user, constant, 'Northwind Traders');
    await user.click(screen.getByTestId('mapping-add'));
    const target = within(row('new')).getByLabelText('SCIM attribute of the new attribute', { selector: 'input' });
    await fill(user, target, 'title');
    const source = within(screen.getAllByTestId('mapping-row-title')[1]).getByLabelText('Directory field for title', { selector: 'input' });
    await fill(user, source, 'department');

    vi.mocked(ipc.saveMappings).mockRejectedValue(
      new IpcError('invalid_input', 'Mapping 2 already fills title: each attribute is mapped once.', 'mappings[4].target'),
    );
    await user.click(screen.getByTestId('mapping-save'));
    await waitFor(() => expect(ipc.saveMappings).toHaveBeenCalledTimes(1));
    const sent = vi.mocked(ipc.saveMappings).mock.calls[0][1];
    expect(sent).toEqual<Mapping[]>([
      ...MAPPINGS.slice(0, 3),
      { target: '$enterpriseUser.organization', kind: 'constant', source: 'Northwind Traders', required: false },
      { target: 'title', kind: 'direct', source: 'department', required: false },
    ]);

    // At the fifth row (the new one), not at the first `title`.
    const [first, added] = screen.getAllByTestId('mapping-row-title');
    expect(await within(added).findByText('Mapping 2 already fills title: each attribute is mapped once.')).toBeInTheDocument();
    expect(within(first).queryByText(/already fills/)).toBeNull();
    expect(within(added).getByLabelText('SCIM attribute of title', { selector: 'input' })).toHaveAttribute('aria-invalid', 'true');
    // The draft is kept, and no toast repeats a message shown at its field.
    expect(screen.getByTestId('mapping-save')).toBeEnabled();
    expect(screen.queryByText('Check your input')).toBeNull();

    // Editing that row clears its error.
    await fill(user, within(added).getByLabelText('SCIM attribute of title', { selector: 'input' }), 'Type');
    await waitFor(() => expect(within(screen.getByTestId('mapping-row-titleType')).queryByText(/already fills/)).toBeNull());
  });

  it('shows an expression error from a refused save under that expression, with its position', async () => {
    vi.mocked(ipc.getMappings).mockResolvedValue(
      mappingSet({ mappings: MAPPINGS.map((m) => (m.target === 'title' ? { ...m, source: 'jobtitel' } : m)) }),
    );
    const { user } = renderTab();
    await user.click(within(await screen.findByTestId('mapping-row-title')).getByRole('button', { name: 'Remove title' }));
    vi.mocked(ipc.saveMappings).mockRejectedValue(
      new IpcError('invalid_input', '1:28: unexpected token `:`', 'mappings[1].source'),
    );
    await user.click(screen.getByTestId('mapping-save'));
    // Row 1 of what was sent is displayName (title was removed before saving).
    expect(await within(row('displayName')).findByText('1:28: unexpected token `:`')).toBeInTheDocument();
    expect(within(row('userName')).queryByText(/unexpected/)).toBeNull();
    expect(within(row('displayName')).getByTestId('mapping-editor-displayName')).toBeInTheDocument();
  });

  it('previews the resource, each failure and the diff against the saved mappings', async () => {
    renderTab();
    const resource = await screen.findByTestId('preview-resource');
    await waitFor(() => expect(resource).toHaveTextContent('"userName": "ada.lovelace"'));
    expect(screen.getByTestId('preview-errors')).toHaveAttribute('data-count', '0');
    expect(screen.getByTestId('preview-diff')).toHaveTextContent('No unsaved changes');
    expect(ipc.previewMappings).toHaveBeenCalledWith('app_15five', '', expect.arrayContaining([expect.objectContaining({ target: 'title' })]));
  });

  it('shows the preview of a failing expression as an error with its line and column, and what it changes', async () => {
    vi.mocked(ipc.getMappings).mockResolvedValue(
      mappingSet({ mappings: MAPPINGS.map((m) => (m.target === 'displayName' ? { ...m, source: `${DISPLAY_NAME} + jcUser.nmae` } : m)) }),
    );
    vi.mocked(ipc.previewMappings).mockImplementation(async (_id, _user, draft) =>
      previewOf(draft ?? MAPPINGS), // the saved list (null) has a working displayName
    );
    renderTab();
    const errors = await screen.findByTestId('preview-errors');
    await waitFor(() => expect(errors).toHaveAttribute('data-count', '1'));
    const column = `${DISPLAY_NAME} + jcUser.nmae`.indexOf('nmae') + 1;
    expect(errors).toHaveTextContent(`displayName: 1:${column}: jcUser has no field nmae`);
    expect(within(row('displayName')).getByText(`1:${column}: jcUser has no field nmae`)).toBeInTheDocument();
  });

  it('previews the user picked by searching the directory', async () => {
    const { user } = renderTab();
    const picker = await screen.findByTestId('preview-user-picker');
    await waitFor(() => expect(picker).toHaveValue('ada.lovelace'));
    await user.click(picker);
    await user.clear(picker);
    await user.type(picker, 'gra');
    await waitFor(() => expect(ipc.listUsers).toHaveBeenCalledWith(expect.objectContaining({ search: 'gra', page: 1, pageSize: 20 })));
    await user.click(await screen.findByRole('option', { name: /Grace Hopper/ }));
    await waitFor(() => expect(ipc.previewMappings).toHaveBeenCalledWith('app_15five', 'usr_grace', expect.any(Array)));
    expect(picker).toHaveValue('Grace Hopper');
  });

  it('says what the diff changes once the draft differs', async () => {
    const { user } = renderTab();
    const constant = within(await screen.findByTestId('mapping-row-$enterpriseUser.organization')).getByRole('textbox', {
      name: /constant value/i,
    });
    await user.clear(constant);
    await fill(user, constant, 'Acme');
    const diff = screen.getByTestId('preview-diff');
    await waitFor(() =>
      expect(within(diff).getByTestId('preview-diff-$enterpriseUser.organization')).toHaveTextContent('"Northwind" → "Acme"'),
    );
    expect(diff).toHaveAttribute('data-count', '1');
    expect(ipc.previewMappings).toHaveBeenCalledWith('app_15five', '', null);
  });

  it('keeps unsaved edits when the admin leaves the tab and comes back', async () => {
    const first = renderTab();
    const constant = () =>
      within(screen.getByTestId('mapping-row-$enterpriseUser.organization')).getByRole('textbox', { name: /constant value/i });
    await screen.findByTestId('mapping-row-$enterpriseUser.organization');
    await first.user.clear(constant());
    await fill(first.user, constant(), 'Acme');
    first.unmount();

    renderTab();
    await screen.findByTestId('mapping-row-$enterpriseUser.organization');
    expect(constant()).toHaveValue('Acme');
    expect(screen.getByTestId('mapping-save')).toBeEnabled();
    await userEvent.setup().click(screen.getByTestId('mapping-discard'));
    expect(constant()).toHaveValue('Northwind');
  });

  it('restores the defaults after a confirmation', async () => {
    vi.mocked(ipc.getMappings).mockResolvedValue(mappingSet({ isDefault: false, mappings: MAPPINGS.slice(0, 2) }));
    vi.mocked(ipc.restoreDefaultMappings).mockResolvedValue(mappingSet());
    const { user } = renderTab();
    await screen.findByTestId('mapping-row-title');
    expect(screen.queryByTestId('mapping-row-displayName')).toBeNull();
    await user.click(screen.getByTestId('mapping-restore'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent("Every mapping goes back to 15Five's defaults");
    expect(ipc.restoreDefaultMappings).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(ipc.restoreDefaultMappings).toHaveBeenCalledWith('app_15five'));
    expect(await screen.findByTestId('mapping-row-displayName')).toBeInTheDocument();
  });

  it('explains an application without SCIM instead of an editor', async () => {
    vi.mocked(ipc.getMappings).mockRejectedValue(
      new IpcError('invalid_input', 'Internal wiki (Custom SAML app) has no SCIM provisioning, so it has no attribute mappings.', 'id'),
    );
    renderTab();
    expect(await screen.findByTestId('mappings-unavailable')).toHaveTextContent('has no SCIM provisioning');
    expect(screen.queryByTestId('mappings-table')).toBeNull();
  });

  it('asks for a user when the directory is empty', async () => {
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => ({ items: [], total: 0, page: q.page, pageSize: q.pageSize }));
    vi.mocked(ipc.previewMappings).mockRejectedValue(new IpcError('invalid_input', 'The directory has no users to preview.', 'user'));
    renderTab();
    expect(await screen.findByText('Add a user to preview')).toBeInTheDocument();
    expect(screen.getByTestId('mappings-table')).toBeInTheDocument();
    expect(screen.queryByTestId('preview-user-picker')).toBeNull();
  });
});
