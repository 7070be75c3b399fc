import { MantineProvider } from '@mantine/core';
import { render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExprProblems } from './diagnostics';
import { toDiagnostics } from './diagnostics';
import { ExpressionEditor } from './ExpressionEditor';
import { CATALOG } from './fixtures';
import { stubLayout } from './testLayout';

beforeAll(() => {
  stubLayout();
});

const BROKEN = 'jcUser.displayname + jcUser.nmae';
const AT_NMAE: ExprProblems = {
  source: BROKEN,
  items: [{ line: 1, column: 29, message: 'jcUser has no field nmae', severity: 'error' }],
};

function Harness({ initial, problems }: { initial: string; problems?: ExprProblems }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider env="test">
      <ExpressionEditor value={value} onChange={setValue} catalog={CATALOG} problems={problems} ariaLabel="Expression" testId="editor" />
    </MantineProvider>
  );
}

describe('toDiagnostics', () => {
  it('underlines each problem once, at its token, with its position in the message', () => {
    const twice = [...AT_NMAE.items, ...AT_NMAE.items];
    expect(toDiagnostics(BROKEN, twice)).toEqual([
      { from: 28, to: 32, severity: 'error', message: '1:29: jcUser has no field nmae', source: 'Gatehouse' },
    ]);
  });
});

describe('ExpressionEditor', () => {
  it('underlines an error where the core found it, with the lint class end-to-end tests look for', async () => {
    const { getByTestId } = render(<Harness initial={BROKEN} problems={AT_NMAE} />);
    const host = getByTestId('editor');
    await waitFor(() => expect(host.querySelector('.cm-lintRange-error')).not.toBeNull());
    expect(host.querySelector('.cm-lintRange-error')).toHaveTextContent('nmae');
  });

  it('ignores problems found in another text than the one on screen', async () => {
    const stale: ExprProblems = { ...AT_NMAE, source: 'jcUser.nmae' };
    const { getByTestId } = render(<Harness initial={BROKEN} problems={stale} />);
    const host = getByTestId('editor');
    await waitFor(() => expect(host.querySelector('.cm-content')).toHaveTextContent(BROKEN));
    expect(host.querySelector('.cm-lintRange-error')).toBeNull();
  });

  it('clears the underline when the text is found fine', async () => {
    const { getByTestId, rerender } = render(<Harness initial={BROKEN} problems={AT_NMAE} />);
    const host = getByTestId('editor');
    await waitFor(() => expect(host.querySelector('.cm-lintRange-error')).not.toBeNull());
    rerender(<Harness initial={BROKEN} problems={{ source: BROKEN, items: [] }} />);
    await waitFor(() => expect(host.querySelector('.cm-lintRange-error')).toBeNull());
  });
});
