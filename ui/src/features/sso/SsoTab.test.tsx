import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/App';
import { createQueryClient } from '../../app/queryClient';
import * as dialogs from '../../lib/dialogs';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { userSummary } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { fill } from '../../test/render';
import { APP_ID, assertionPreview, certificate, ssoView } from './fixtures';
import { SsoTab } from './SsoTab';

vi.mock('../../lib/ipc');
vi.mock('../../lib/dialogs');

// Whole-tab renders on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

beforeAll(() => {
  configure({ asyncUtilTimeout: 15_000 });
});

function renderTab() {
  const router = createMemoryRouter([{ path: '*', element: <SsoTab appId={APP_ID} /> }]);
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={createQueryClient()} env="test">
      <RouterProvider router={router} />
    </Providers>,
  );
  return { user, ...utils };
}

describe('SSO tab', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView());
    vi.mocked(ipc.getExprCatalog).mockResolvedValue({
      functions: [],
      methods: [],
      userFields: ['email', 'username'],
      directFields: ['email', 'username', 'firstname', 'lastname', 'department'],
      targets: [],
    });
    vi.mocked(ipc.listUsers).mockImplementation(async (q) => ({
      items: [userSummary('usr_ada', 'ada', 'Ada Lovelace'), userSummary('usr_grace', 'grace', 'Grace Hopper')],
      total: 2,
      page: q.page,
      pageSize: q.pageSize,
    }));
  });

  it('fills the placeholder once, shows it replaced in every field, and saves', async () => {
    const { user } = renderTab();
    const domain = await screen.findByTestId('sso-placeholder-YOURDOMAIN');
    expect(screen.getByTestId('sso-setup-hint')).toHaveTextContent('15Five subdomain');
    expect(screen.getByTestId('sso-idp-url')).toHaveValue('https://sso.acme.example/saml2/15five');
    expect(screen.getByTestId('sso-acs-url-0')).toHaveValue('https://YOURDOMAIN.15five.com/saml2/acs/');

    await fill(user, domain, 'acme');
    expect(screen.getByTestId('sso-unsaved')).toBeInTheDocument();
    expect(screen.getByTestId('sso-resolved-acsUrls.0.url')).toHaveTextContent('https://acme.15five.com/saml2/acs/');
    expect(screen.getByTestId('sso-resolved-idpEntityId')).toHaveTextContent('https://acme.15five.com');
    expect(screen.getByTestId('sso-resolved-spEntityId')).toHaveTextContent('https://acme.15five.com/saml2/metadata/');

    vi.mocked(ipc.saveSso).mockResolvedValue(ssoView('acme'));
    await user.click(screen.getByTestId('sso-save'));
    await waitFor(() => expect(ipc.saveSso).toHaveBeenCalledTimes(1));
    const [id, input] = vi.mocked(ipc.saveSso).mock.calls[0];
    expect(id).toBe(APP_ID);
    expect(input.placeholders).toEqual({ YOURDOMAIN: 'acme' });
    expect(input.acsUrls).toEqual([{ url: 'https://YOURDOMAIN.15five.com/saml2/acs/', isDefault: true }]);
    expect(input.groupAttribute).toBeNull();
    expect(await screen.findByText('SSO configuration saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('sso-status')).toHaveTextContent('Saved'));
    expect(screen.getByTestId('sso-placeholder-YOURDOMAIN')).toHaveValue('acme');
  });

  it('shows a refused save at the field the core names', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme'));
    const { user } = renderTab();
    await user.click(await screen.findByTestId('sso-acs-add'));
    await fill(user, screen.getByTestId('sso-acs-url-1'), 'ftp://acme.example/acs');
    vi.mocked(ipc.saveSso).mockRejectedValue(
      new IpcError('invalid_input', 'ACS URL 2 must be an https:// URL.', 'acsUrls.1.url'),
    );
    await user.click(screen.getByTestId('sso-save'));
    const input = screen.getByTestId('sso-acs-url-1');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('ACS URL 2 must be an https:// URL.')).toBeInTheDocument();
    expect(input).toHaveValue('ftp://acme.example/acs');
    expect(screen.getByTestId('sso-acs-url-0')).not.toHaveAttribute('aria-invalid', 'true');

    // A placeholder error lands at the placeholder.
    vi.mocked(ipc.saveSso).mockRejectedValue(
      new IpcError('invalid_input', '15Five subdomain may use only letters.', 'placeholders.YOURDOMAIN'),
    );
    await user.click(screen.getByTestId('sso-save'));
    await waitFor(() => expect(screen.getByTestId('sso-placeholder-YOURDOMAIN')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('15Five subdomain may use only letters.')).toBeInTheDocument();
  });

  it('lists what an SP metadata file changes and applies it once confirmed', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme'));
    vi.mocked(dialogs.chooseOpenPath).mockResolvedValue('/home/admin/15five-sp.xml');
    vi.mocked(ipc.previewSpMetadataFile).mockResolvedValue({
      metadata: {
        entityId: 'https://acme.15five.com/saml2/metadata/v2',
        acsUrls: ['https://acme.15five.com/saml2/acs/v2'],
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        wantAssertionsSigned: true,
      },
      changes: [
        {
          field: 'spEntityId',
          label: 'SP entity ID',
          before: ['https://acme.15five.com/saml2/metadata/'],
          after: ['https://acme.15five.com/saml2/metadata/v2'],
        },
        {
          field: 'nameIdFormat',
          label: 'NameID format',
          before: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
          after: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
        },
      ],
    });
    const { user } = renderTab();
    await user.click(await screen.findByTestId('sso-import-metadata'));
    const modal = await screen.findByTestId('sso-import-modal');
    expect(ipc.previewSpMetadataFile).toHaveBeenCalledWith(APP_ID, '/home/admin/15five-sp.xml');
    expect(within(modal).getByText('15five-sp.xml')).toBeInTheDocument();
    expect(within(modal).getByTestId('sso-import-before-spEntityId')).toHaveTextContent('https://acme.15five.com/saml2/metadata/');
    expect(within(modal).getByTestId('sso-import-after-spEntityId')).toHaveTextContent('https://acme.15five.com/saml2/metadata/v2');
    expect(within(modal).getByTestId('sso-import-before-nameIdFormat')).toHaveTextContent('Email address');
    expect(within(modal).getByTestId('sso-import-after-nameIdFormat')).toHaveTextContent('Persistent');

    vi.mocked(ipc.applySpMetadataFile).mockResolvedValue(
      ssoView('acme', { isDefault: false }, { spEntityId: 'https://YOURDOMAIN.15five.com/saml2/metadata/v2' }),
    );
    await user.click(within(modal).getByTestId('sso-import-apply'));
    await waitFor(() => expect(ipc.applySpMetadataFile).toHaveBeenCalledWith(APP_ID, '/home/admin/15five-sp.xml'));
    expect(await screen.findByText('SP metadata imported')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('sso-sp-entity-id')).toHaveValue('https://YOURDOMAIN.15five.com/saml2/metadata/v2'));
  });

  it('explains why an SP metadata file is refused', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme'));
    vi.mocked(dialogs.chooseOpenPath).mockResolvedValue('/home/admin/evil.xml');
    vi.mocked(ipc.previewSpMetadataFile).mockRejectedValue(
      new IpcError('invalid_input', 'This SP metadata cannot be imported: it declares a DTD.', 'file'),
    );
    const { user } = renderTab();
    await user.click(await screen.findByTestId('sso-import-metadata'));
    expect(await screen.findByTestId('sso-import-refused')).toHaveTextContent('it declares a DTD');
    expect(screen.queryByTestId('sso-import-apply')).toBeNull();
  });

  it('generates the first certificate with the defaults, then lists it', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme'));
    const { user } = renderTab();
    expect(await screen.findByTestId('sso-certificates-empty')).toBeInTheDocument();
    expect(screen.getByTestId('sso-preview-build')).toBeDisabled();
    await user.click(screen.getByTestId('sso-cert-generate'));
    const modal = await screen.findByTestId('sso-generate-modal');
    expect(within(modal).getByTestId('sso-generate-algorithm')).toHaveValue('RSA 2048');
    expect(within(modal).getByTestId('sso-generate-days')).toHaveValue('1095');

    const cert = certificate();
    vi.mocked(ipc.generateCertificate).mockResolvedValue(cert);
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme', { certificates: [cert] }));
    await user.click(within(modal).getByTestId('sso-generate-submit'));
    await waitFor(() => expect(ipc.generateCertificate).toHaveBeenCalledWith(APP_ID, 'rsa2048', 1095, false));
    expect(await screen.findByText('Certificate generated')).toBeInTheDocument();
    const row = await screen.findByTestId('sso-certificate-active');
    expect(row).toHaveTextContent('CN=Gatehouse 15Five');
    expect(row).toHaveTextContent('RSA 2048');
    expect(screen.getByTestId('sso-export-certificate')).toBeEnabled();
    expect(screen.getByTestId('sso-cert-prepare-next')).toBeInTheDocument();
  });

  it('saves certificate.pem where the admin chose and says where', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme', { certificates: [certificate()] }));
    vi.mocked(dialogs.chooseSavePath).mockResolvedValue('/home/admin/certificate.pem');
    vi.mocked(ipc.exportCertificate).mockImplementation(async (_id, path) => path);
    const { user } = renderTab();
    await user.click(await screen.findByTestId('sso-export-certificate'));
    await waitFor(() => expect(ipc.exportCertificate).toHaveBeenCalledWith(APP_ID, '/home/admin/certificate.pem'));
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith(expect.any(String), 'certificate.pem', expect.any(Array));
    expect(await screen.findByText('Saved to /home/admin/certificate.pem')).toBeInTheDocument();
  });

  it('warns when the active certificate is about to expire', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(
      ssoView('acme', { certificates: [certificate({ expiry: 'days7' })], certificateExpiry: 'days7' }),
    );
    renderTab();
    expect(await screen.findByTestId('sso-expiry-alert')).toHaveTextContent('within 7 days');
  });

  it('builds an assertion preview on request and shows its attributes and NameID', async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme', { certificates: [certificate()] }));
    vi.mocked(ipc.previewAssertion).mockResolvedValue(assertionPreview());
    const { user } = renderTab();
    const picker = await screen.findByTestId('preview-user-picker');
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    expect(ipc.previewAssertion).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('sso-preview-build'));
    await waitFor(() => expect(ipc.previewAssertion).toHaveBeenCalledWith(APP_ID, 'usr_ada'));
    const result = await screen.findByTestId('sso-preview-result');
    expect(within(result).getByTestId('sso-preview-nameid')).toHaveTextContent('ada@northwind.example');
    expect(within(result).getByTestId('sso-preview-attribute-email')).toHaveTextContent('ada@northwind.example');
    expect(within(result).getByTestId('sso-preview-attribute-memberOf')).toHaveTextContent('Engineering');
    expect(within(result).getByTestId('sso-preview-attribute-memberOf')).toHaveTextContent('Everyone');
    expect(within(result).getByTestId('sso-preview-xml')).toHaveTextContent('saml2:Assertion');
  });

  it("shows the core's reason when the user has no access", async () => {
    vi.mocked(ipc.getSso).mockResolvedValue(ssoView('acme', { certificates: [certificate()] }));
    vi.mocked(ipc.previewAssertion).mockRejectedValue(
      new IpcError('invalid_input', 'grace has no access to 15Five: add them to a user group bound to it.', 'user'),
    );
    const { user } = renderTab();
    await user.click(await screen.findByTestId('preview-user-picker'));
    await user.click(await screen.findByRole('option', { name: /Grace Hopper/ }));
    await user.click(screen.getByTestId('sso-preview-build'));
    expect(await screen.findByTestId('sso-preview-error')).toHaveTextContent('grace has no access to 15Five');
    expect(screen.queryByTestId('sso-preview-result')).toBeNull();
  });
});
