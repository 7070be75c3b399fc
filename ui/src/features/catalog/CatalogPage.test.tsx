import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { catalog } from '../../test/fixtures';
import { mockIpcDefaults } from '../../test/ipc';
import { renderApp } from '../../test/render';

vi.mock('../../lib/ipc');

const cardIds = () =>
  screen
    .queryAllByTestId(/^catalog-card-/)
    .map((el) => el.getAttribute('data-testid')!.replace('catalog-card-', ''));

describe('Catalog page', () => {
  beforeEach(() => {
    mockIpcDefaults();
    vi.mocked(ipc.listCatalog).mockResolvedValue(catalog);
  });

  it('filters connectors by name and by description as the admin types', async () => {
    const { user } = renderApp('/catalog');
    await screen.findByTestId('catalog-card-15five');
    expect(cardIds()).toEqual(['15five', 'alexishr', 'hoxhunt']);

    const search = screen.getByTestId('catalog-search');
    await user.type(search, 'hox');
    await waitFor(() => expect(cardIds()).toEqual(['hoxhunt']));

    // A word from the description only, in another case.
    await user.clear(search);
    await user.type(search, 'ONBOARDING');
    await waitFor(() => expect(cardIds()).toEqual(['alexishr']));
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('1 of 3 connectors');

    await user.clear(search);
    await user.type(search, 'salesforce');
    expect(await screen.findByTestId('catalog-no-match')).toHaveTextContent('No connectors match your search');
    expect(cardIds()).toEqual([]);

    await user.clear(search);
    await waitFor(() => expect(cardIds()).toHaveLength(3));
  });

  it('shows what each connector supports', async () => {
    renderApp('/catalog');
    const card = await screen.findByTestId('catalog-card-alexishr');
    const badges = within(card).getByTestId('support-badges');
    expect(badges).toHaveTextContent('SSO');
    expect(badges).toHaveTextContent('Provisioning');
    expect(badges).toHaveTextContent('Groups');
    expect(badges).toHaveTextContent('Deletes');
    expect(badges).not.toHaveTextContent('JIT');
    expect(within(screen.getByTestId('catalog-card-15five')).getByTestId('support-badges')).toHaveTextContent(
      'Deactivates',
    );
  });

  it('lists every broken connector file with its field and message, and still shows the others', async () => {
    vi.mocked(ipc.listCatalog).mockResolvedValue({
      connectors: catalog.connectors,
      issues: [
        { file: 'connectors/slack/connector.json', field: '/scim/mappings/3/target', message: 'unknown SCIM attribute' },
        { file: 'connectors/zoom/logo.svg', field: '', message: 'the logo is not valid SVG' },
      ],
    });
    renderApp('/catalog');
    const alert = await screen.findByTestId('catalog-issues');
    expect(alert).toHaveTextContent('2 connector files could not be loaded');
    const items = within(alert).getAllByTestId('catalog-issue');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('connectors/slack/connector.json');
    expect(items[0]).toHaveTextContent('/scim/mappings/3/target');
    expect(items[0]).toHaveTextContent('unknown SCIM attribute');
    expect(items[1]).toHaveTextContent('connectors/zoom/logo.svg');
    expect(items[1]).toHaveTextContent('the logo is not valid SVG');
    expect(cardIds()).toEqual(['15five', 'alexishr', 'hoxhunt']);
  });

  it('shows no issues alert when every file loaded', async () => {
    renderApp('/catalog');
    await screen.findByTestId('catalog-card-15five');
    expect(screen.queryByTestId('catalog-issues')).not.toBeInTheDocument();
  });

  it('opens a connector from its card', async () => {
    const { user, router } = renderApp('/catalog');
    await user.click(await screen.findByTestId('catalog-card-hoxhunt'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/catalog/hoxhunt'));
    expect(await screen.findByTestId('connector-name')).toHaveTextContent('Hoxhunt');
  });
});
