import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Application } from '../../bindings/Application';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { application, catalog, group } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { fill, renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

const FIVE = application('app_1', {
  label: '15Five Production',
  idpUrlSuffix: '15five-production',
  idpUrl: 'https://sso.acme.example/saml2/15five-production',
  provisioning: 'active',
  groups: [{ id: 'grp_eng', name: 'Engineering', memberCount: 2, boundAt: '2026-11-25T09:00:00Z' }],
});
const HOX = application('app_2', {
  label: 'Hoxhunt',
  connectorId: 'hoxhunt',
  connectorName: 'Hoxhunt',
  idpUrlSuffix: 'hoxhunt',
  idpUrl: 'https://sso.acme.example/saml2/hoxhunt',
  provisioning: 'inactive',
  certificateExpiry: 'days30',
});
const WIKI = application('app_3', {
  label: 'Wiki',
  connectorId: 'custom-saml',
  connectorName: 'Custom SAML app',
  idpUrlSuffix: 'wiki',
  provisioning: 'unsupported',
  portalImage: 'color',
  portalColor: '#12b886',
});

describe('Applications list', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listCatalog).mockResolvedValue(catalog);
    vi.mocked(ipc.listApplications).mockResolvedValue([FIVE, HOX, WIKI]);
  });

  it('shows each application with its logo or colour, connector, capabilities and bound groups', async () => {
    renderApp('/applications');
    const five = await screen.findByTestId('application-row-15five-production');
    expect(five).toHaveTextContent('15Five Production');
    expect(five).toHaveTextContent('15Five');
    expect(within(five).getByTestId('application-group-count')).toHaveTextContent('1');
    const fiveBadges = within(five).getByTestId('app-badges');
    expect(within(fiveBadges).getByText('SSO')).toBeInTheDocument();
    expect(fiveBadges.querySelector('[data-badge="provisioning"]')).toHaveAttribute('data-status', 'active');

    const hox = screen.getByTestId('application-row-hoxhunt');
    expect(hox.querySelector('[data-badge="provisioning"]')).toHaveAttribute('data-status', 'inactive');
    // Its signing certificate expires within 30 days; 15Five's is fine.
    expect(hox.querySelector('[data-badge="certificate-expiry"]')).toHaveAttribute('data-level', 'days30');
    expect(hox).toHaveTextContent('Expires < 30 days');
    expect(five.querySelector('[data-badge="certificate-expiry"]')).toBeNull();
    expect(within(hox).getByRole('img', { name: 'Hoxhunt logo' })).toBeInTheDocument();

    const wiki = screen.getByTestId('application-row-wiki');
    expect(wiki.querySelector('[data-badge="provisioning"]')).toBeNull();
    expect(within(wiki).getByRole('img', { name: 'Wiki colour' })).toHaveAttribute('data-portal-color', '#12b886');
  });

  it('asks for the typed count, shows the core’s confirmation error at the field, then deletes', async () => {
    vi.mocked(ipc.deleteApplications).mockImplementation(async (ids, typed) => {
      if (typed.trim() !== String(ids.length)) {
        throw new IpcError('invalid_input', `Type ${ids.length} to confirm deleting ${ids.length} application(s).`, 'confirmation');
      }
      return ids.length;
    });
    const { user } = renderApp('/applications');
    await screen.findByTestId('application-row-hoxhunt');
    await user.click(screen.getByRole('checkbox', { name: 'Select Hoxhunt' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Wiki' }));
    await user.click(screen.getByTestId('applications-delete'));

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete 2 applications?');
    expect(within(dialog).getByTestId('delete-apps-list')).toHaveTextContent(/Hoxhunt.*Wiki/);
    const count = within(dialog).getByTestId('delete-confirm-count');
    expect(within(dialog).getByText('Type 2 to confirm deleting 2 application(s)')).toBeInTheDocument();
    // Nothing typed: nothing to send.
    expect(within(dialog).getByTestId('confirm-delete')).toBeDisabled();

    await user.type(count, '3');
    await user.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(ipc.deleteApplications).toHaveBeenCalledWith(['app_2', 'app_3'], '3'));
    await waitFor(() => expect(count).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Type 2 to confirm deleting 2 application(s).')).toBeInTheDocument();
    expect(count).toHaveValue('3');
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.clear(count);
    await user.type(count, '2');
    await user.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(ipc.deleteApplications).toHaveBeenLastCalledWith(['app_2', 'app_3'], '2'));
    expect(await screen.findByText('2 applications deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('Add application wizard', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listCatalog).mockResolvedValue(catalog);
  });

  const suffixInput = () => screen.getByTestId('wizard-idp-suffix');
  const suggestedFor = (label: string) => vi.mocked(ipc.suggestIdpUrlSuffix).mock.calls.some(([l]) => l === label);

  it('suggests the IdP URL value from the label until the admin types one, then saves it', { timeout: 40_000 }, async () => {
    vi.mocked(ipc.createApplication).mockImplementation(
      async (app): Promise<Application> => ({ ...FIVE, id: 'app_new', ...app.general, idpUrlSuffix: app.idpUrlSuffix }),
    );
    vi.mocked(ipc.getApplication).mockResolvedValue({ ...FIVE, id: 'app_new' });
    const { user, router } = renderApp('/applications/new?connector=15five');

    // Preselected from the query string.
    const card = await screen.findByTestId('wizard-connector-15five');
    expect(card).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('wizard-next'));

    // The label starts as the connector's name, and the value is suggested from it.
    const label = await screen.findByTestId('wizard-label');
    expect(label).toHaveValue('15Five');
    await waitFor(() => expect(suffixInput()).toHaveValue('15five'));
    expect(suggestedFor('15Five')).toBe(true);
    expect(screen.getByTestId('wizard-idp-url')).toHaveTextContent('https://sso.acme.example/saml2/15five');
    expect(screen.getByTestId('wizard-idp-warning')).toHaveTextContent('Not editable after the application is saved');

    // Changing the label changes the suggestion.
    await fill(user, label, ' Production');
    await waitFor(() => expect(suffixInput()).toHaveValue('15five-production'));
    expect(suggestedFor('15Five Production')).toBe(true);
    expect(screen.getByTestId('wizard-idp-url')).toHaveTextContent('https://sso.acme.example/saml2/15five-production');

    // Once the admin types a value, the label no longer changes it.
    await user.clear(suffixInput());
    await fill(user, suffixInput(), 'perf');
    await fill(user, label, ' EU');
    expect(label).toHaveValue('15Five Production EU');
    await new Promise((r) => setTimeout(r, 600));
    expect(suffixInput()).toHaveValue('perf');
    expect(suggestedFor('15Five Production EU')).toBe(false);
    expect(screen.getByTestId('wizard-idp-url')).toHaveTextContent('https://sso.acme.example/saml2/perf');

    await user.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByTestId('wizard-review-idp-url')).toHaveTextContent('https://sso.acme.example/saml2/perf');
    await user.click(screen.getByTestId('wizard-save'));
    await waitFor(() =>
      expect(ipc.createApplication).toHaveBeenCalledWith({
        connectorId: '15five',
        general: { label: '15Five Production EU', description: '', portalImage: 'logo', portalColor: '#4a5dd6', showInPortal: true },
        idpUrlSuffix: 'perf',
      }),
    );
    await user.click(await screen.findByTestId('wizard-configure-now'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications/app_new'));
  });

  it('sends the admin back to the IdP URL value when the core says it is taken, keeping everything', { timeout: 30_000 }, async () => {
    vi.mocked(ipc.createApplication).mockRejectedValue(
      new IpcError('conflict', "Another application already uses the IdP URL value 'hoxhunt'.", 'idpUrlSuffix'),
    );
    const { user } = renderApp('/applications/new');
    await user.click(await screen.findByTestId('wizard-connector-hoxhunt'));
    await user.click(screen.getByTestId('wizard-next'));
    const label = await screen.findByTestId('wizard-label');
    await waitFor(() => expect(suffixInput()).toHaveValue('hoxhunt'));
    await fill(user, screen.getByTestId('app-description'), 'Phishing drills');
    await user.click(screen.getByTestId('wizard-next'));
    await user.click(await screen.findByTestId('wizard-save'));

    await waitFor(() => expect(suffixInput()).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText("Another application already uses the IdP URL value 'hoxhunt'.")).toBeInTheDocument();
    expect(label).toHaveValue('Hoxhunt');
    expect(screen.getByTestId('app-description')).toHaveValue('Phishing drills');
    expect(suffixInput()).toHaveValue('hoxhunt');
  });

  it('is reachable from a connector in the catalog', async () => {
    const { user, router } = renderApp('/catalog/hoxhunt');
    await user.click(await screen.findByTestId('catalog-add-application'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications/new'));
    expect(router.state.location.search).toBe('?connector=hoxhunt');
    expect(await screen.findByTestId('wizard-connector-hoxhunt')).toHaveAttribute('aria-checked', 'true');
  });
});

describe('Application user groups', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listCatalog).mockResolvedValue(catalog);
    const bound = new Set<string>();
    const groups = [
      group('grp_eng', 'Engineering', { memberCount: 2 }),
      group('grp_sales', 'Sales', { memberCount: 1 }),
    ];
    const current = () => ({
      ...HOX,
      groups: groups.filter((g) => bound.has(g.id)).map((g) => ({ id: g.id, name: g.name, memberCount: g.memberCount, boundAt: '2026-11-26T09:00:00Z' })),
    });
    vi.mocked(ipc.getApplication).mockImplementation(async () => current());
    vi.mocked(ipc.listGroups).mockResolvedValue(groups);
    vi.mocked(ipc.bindGroup).mockImplementation(async (_id, groupId) => {
      bound.add(groupId);
      return current();
    });
    vi.mocked(ipc.unbindGroup).mockImplementation(async (_id, groupId) => {
      bound.delete(groupId);
      return current();
    });
    vi.mocked(ipc.listEffectiveUsers).mockImplementation(async (_id, page, pageSize) => {
      const items = bound.has('grp_eng')
        ? [
            { id: 'usr_ada', username: 'ada', email: 'ada@x.example', name: 'Ada Lovelace', state: 'active' as const, grantedBy: ['Engineering'] },
            { id: 'usr_bob', username: 'bob', email: 'bob@x.example', name: 'Bob', state: 'suspended' as const, grantedBy: ['Engineering'] },
          ]
        : [];
      return { items, total: items.length, page, pageSize };
    });
  });

  it('binds a group by its id, confirms, and lists the users it grants access', async () => {
    const { user } = renderApp('/applications/app_2?tab=groups');
    expect(await screen.findByTestId('implicit-deny-note')).toHaveTextContent(
      'only members of bound groups reach this application',
    );
    expect(await screen.findByTestId('effective-users-empty')).toHaveTextContent('Nobody can use Hoxhunt yet');
    const engineering = await screen.findByTestId('bind-group-Engineering');
    expect(engineering).not.toBeChecked();

    await user.click(engineering);
    await waitFor(() => expect(ipc.bindGroup).toHaveBeenCalledWith('app_2', 'grp_eng'));
    expect(await screen.findByText('Engineering can use Hoxhunt')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('bind-group-Engineering')).toBeChecked());
    const table = await screen.findByTestId('effective-users-table');
    const ada = within(table).getByTestId('effective-user-ada');
    expect(ada).toHaveTextContent('Ada Lovelace');
    expect(ada).toHaveTextContent('Engineering');
    expect(within(table).getByTestId('effective-user-bob')).toHaveTextContent('Suspended');
    expect(screen.getByTestId('effective-users-footer-range')).toHaveTextContent('1–2 of 2 users');
    expect(vi.mocked(ipc.listEffectiveUsers).mock.lastCall).toEqual(['app_2', 1, 50]);
    expect(ipc.unbindGroup).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('bind-group-Engineering'));
    await waitFor(() => expect(ipc.unbindGroup).toHaveBeenCalledWith('app_2', 'grp_eng'));
    await waitFor(() => expect(screen.getByTestId('bind-group-Engineering')).not.toBeChecked());
  });

  it('shows the IdP URL read-only on the General tab and saves the general info', async () => {
    vi.mocked(ipc.updateApplicationGeneral).mockImplementation(async (_id, general) => ({ ...HOX, ...general }));
    const { user } = renderApp('/applications/app_2');
    const detail = await screen.findByTestId('app-detail');
    expect(within(detail).getByTestId('app-idp-url')).toHaveTextContent('https://sso.acme.example/saml2/hoxhunt');
    const suffix = await screen.findByTestId('app-general-idp-suffix');
    expect(suffix).toHaveAttribute('readonly');
    expect(screen.getByTestId('app-general-idp-note')).toHaveTextContent("can't be changed after the application is created");

    const label = screen.getByTestId('app-general-label');
    await user.clear(label);
    await fill(user, label, 'Hoxhunt training');
    await user.click(screen.getByTestId('app-general-save'));
    await waitFor(() =>
      expect(ipc.updateApplicationGeneral).toHaveBeenCalledWith('app_2', {
        label: 'Hoxhunt training',
        description: '',
        portalImage: 'logo',
        portalColor: '#4a5dd6',
        showInPortal: true,
      }),
    );
    expect(await screen.findByText('Application saved')).toBeInTheDocument();
  });
});
