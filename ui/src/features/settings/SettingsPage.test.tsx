import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

/** The input wrapper (label, input, error) of the field with this label. */
function fieldWrapper(label: RegExp): HTMLElement {
  return screen.getByLabelText(label).closest('.mantine-InputWrapper-root') as HTMLElement;
}

async function openSettings() {
  const app = renderApp('/settings');
  const org = await screen.findByLabelText(/Organization name/);
  await waitFor(() => expect(org).toHaveValue('Acme Corporation'));
  return { ...app, org, idp: screen.getByLabelText(/IdP base URL/) };
}

describe('Settings form', () => {
  beforeEach(mockIpcDefaults);

  it.each([
    ['idpBaseUrl', /IdP base URL/, /Organization name/, 'The IdP base URL must be an absolute https:// URL.'],
    ['organizationName', /Organization name/, /IdP base URL/, 'That organization name is too long.'],
  ])('shows a server error for %s at that field and keeps what was typed', async (field, errLabel, okLabel, message) => {
    vi.mocked(ipc.updateSettings).mockRejectedValue(new IpcError('invalid_input', message, field));
    const { user, org, idp } = await openSettings();

    await user.clear(org);
    await user.type(org, 'Globex');
    await user.clear(idp);
    await user.type(idp, 'http://sso.globex.test');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    // The request carried exactly what the admin typed.
    await waitFor(() =>
      expect(ipc.updateSettings).toHaveBeenCalledWith({ organizationName: 'Globex', idpBaseUrl: 'http://sso.globex.test' }),
    );

    // The message sits at the named field, which is marked invalid; the other field is not.
    const bad = screen.getByLabelText(errLabel);
    await waitFor(() => expect(bad).toHaveAttribute('aria-invalid', 'true'));
    expect(within(fieldWrapper(errLabel)).getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText(okLabel)).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText(message)).toHaveLength(1);

    // Nothing the admin typed was lost.
    expect(org).toHaveValue('Globex');
    expect(idp).toHaveValue('http://sso.globex.test');
  });

  it('saves, confirms, and takes the saved values as the new baseline', async () => {
    vi.mocked(ipc.updateSettings).mockResolvedValue({ organizationName: 'Globex', idpBaseUrl: 'https://sso.globex.test' });
    const { user, org, idp } = await openSettings();
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();

    await user.clear(org);
    await user.type(org, 'Globex');
    await user.clear(idp);
    await user.type(idp, 'https://sso.globex.test/');
    expect(save).toBeEnabled();
    await user.click(save);

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    // The server's normalised value replaces the typed one, and the form is clean again.
    await waitFor(() => expect(idp).toHaveValue('https://sso.globex.test'));
    expect(save).toBeDisabled();
    // The navigation shows the new organization name.
    expect(screen.getByTestId('nav-org-name')).toHaveTextContent('Globex');
  });

  it('shows a live example of an application IdP URL', async () => {
    const { user, idp } = await openSettings();
    expect(screen.getByTestId('settings-idp-example')).toHaveTextContent('https://sso.acme.example/saml2/');
    await user.clear(idp);
    await user.type(idp, 'https://id.globex.test/');
    expect(screen.getByTestId('settings-idp-example')).toHaveTextContent('https://id.globex.test/saml2/');
    expect(screen.getByTestId('settings-idp-example')).not.toHaveTextContent('test//saml2');
  });

  it('lists the installation paths in the About card', async () => {
    await openSettings();
    const about = screen.getByTestId('about-card');
    expect(await within(about).findByText('/home/admin/.local/share/gatehouse/gatehouse.db')).toBeInTheDocument();
    expect(within(about).getByTestId('about-version')).toHaveTextContent('0.1.0');
  });
});
