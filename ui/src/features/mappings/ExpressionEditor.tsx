//! The expression field: CodeMirror 6 with the Expr language, completion from the catalog,
//! and the preview's errors underlined where they occur. It feels like a single-line input
//! (Enter does not add a line; long expressions wrap), follows the colour scheme, and takes
//! `value` from outside (Discard, Restore defaults) without losing the cursor while typing.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { linter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ExprCatalog } from '../../bindings/ExprCatalog';
import { exprCompletions, exprHighlight, exprLanguage } from './exprLanguage';
import { toDiagnostics, type ExprProblems } from './diagnostics';

function editorTheme(dark: boolean) {
  return EditorView.theme(
    {
      '&': {
        fontSize: 'var(--mantine-font-size-xs)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        backgroundColor: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
        transition: 'border-color 100ms ease',
      },
      '&.cm-focused': { outline: 'none', borderColor: 'var(--mantine-primary-color-filled)' },
      '&[data-error]': { borderColor: 'var(--mantine-color-error)' },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: '1.55' },
      '.cm-content': { padding: '5px 0', caretColor: 'var(--mantine-color-text)' },
      '.cm-line': { padding: '0 9px' },
      '.cm-placeholder': { color: 'var(--mantine-color-placeholder)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: 'var(--mantine-primary-color-light) !important',
      },
      '.cm-matchingBracket': { backgroundColor: 'var(--mantine-color-default-hover)', outline: 'none' },
      '.cm-tooltip': {
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        backgroundColor: 'var(--mantine-color-body)',
        boxShadow: 'var(--mantine-shadow-md)',
        fontFamily: 'var(--mantine-font-family)',
        fontSize: 'var(--mantine-font-size-xs)',
        overflow: 'hidden',
      },
      '.cm-tooltip.cm-tooltip-autocomplete > ul': {
        fontFamily: 'var(--mantine-font-family-monospace)',
        maxHeight: '16em',
      },
      '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '3px 8px' },
      '.cm-tooltip-autocomplete ul li[aria-selected]': {
        backgroundColor: 'var(--mantine-primary-color-filled)',
        color: 'var(--mantine-primary-color-contrast)',
      },
      '.cm-completionDetail': { fontStyle: 'normal', opacity: 0.7, marginLeft: '0.75em' },
      '.cm-completionInfo': { padding: '6px 9px', maxWidth: '320px' },
      '.cm-diagnostic': { padding: '4px 8px', fontFamily: 'var(--mantine-font-family-monospace)' },
      '.cm-diagnostic-error': { borderLeftColor: 'var(--mantine-color-error)' },
      '.cm-lintRange-error': {
        backgroundImage: 'none',
        textDecoration: 'underline wavy var(--mantine-color-error)',
        textDecorationSkipInk: 'none',
        textUnderlineOffset: '3px',
      },
      '.cm-lintRange-warning': {
        backgroundImage: 'none',
        textDecoration: 'underline wavy var(--mantine-color-yellow-filled)',
        textDecorationSkipInk: 'none',
        textUnderlineOffset: '3px',
      },
    },
    { dark },
  );
}

export function ExpressionEditor({
  value,
  onChange,
  catalog,
  problems,
  invalid = false,
  placeholder = 'Type an expression: jcUser.firstname + " " + jcUser.lastname',
  ariaLabel,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  catalog: ExprCatalog | undefined;
  problems?: ExprProblems;
  invalid?: boolean;
  placeholder?: string;
  ariaLabel: string;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const dark = useComputedColorScheme('light') === 'dark';
  const compartments = useRef({ theme: new Compartment(), completion: new Compartment(), label: new Compartment() });

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Created once; everything that changes later is reconfigured below.
  useEffect(() => {
    const c = compartments.current;
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          bracketMatching(),
          exprLanguage,
          syntaxHighlighting(exprHighlight),
          EditorView.lineWrapping,
          placeholderExt(placeholder),
          linter(null),
          c.completion.of(autocompletion({ override: [exprCompletions(catalog)], icons: false })),
          c.theme.of(editorTheme(dark)),
          c.label.of(EditorView.contentAttributes.of({ 'aria-label': ariaLabel })),
          // Enter would add a line: a mapping is one expression (Shift-Enter still breaks a long one).
          Prec.high(keymap.of([{ key: 'Enter', run: () => true }])),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the initial value only; updates below
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.completion.reconfigure(autocompletion({ override: [exprCompletions(catalog)], icons: false })),
    });
  }, [catalog]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.theme.reconfigure(editorTheme(dark)) });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.label.reconfigure(EditorView.contentAttributes.of({ 'aria-label': ariaLabel })),
    });
  }, [ariaLabel]);

  // Problems belong to the text they were found in: while the admin has typed on since,
  // the ones on screen move with the edits; new ones replace them once they match.
  useEffect(() => {
    const v = view.current;
    if (!v || !problems) return;
    const text = v.state.doc.toString();
    if (problems.source !== text) return;
    v.dispatch(setDiagnostics(v.state, toDiagnostics(text, problems.items)));
  }, [problems, value]);

  useEffect(() => {
    const dom = view.current?.dom;
    if (!dom) return;
    if (invalid) dom.setAttribute('data-error', 'true');
    else dom.removeAttribute('data-error');
  }, [invalid]);

  return <div ref={host} data-testid={testId} />;
}
