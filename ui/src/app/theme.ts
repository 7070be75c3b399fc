//! The Gatehouse look: one primary colour (a calm indigo-blue), Inter, compact admin-console
//! sizes, and slightly bluish neutrals for the dark scheme. Used by main.tsx and by tests.

import {
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

const gate: MantineColorsTuple = [
  '#eef1ff',
  '#dce0fb',
  '#b6bef0',
  '#8e9ae6',
  '#6c7bdd',
  '#5667d8',
  '#4a5dd6',
  '#3b4dbe',
  '#3244ab',
  '#263a98',
];

// Dark neutrals with a hint of blue, closer to Linear/GitHub dark than Mantine's grey.
const dark: MantineColorsTuple = [
  '#c9ced8',
  '#aab1bf',
  '#8a93a4',
  '#5c6474',
  '#3a404c',
  '#2c313b',
  '#20242c',
  '#181b22',
  '#12151b',
  '#0d0f14',
];

const fontFamily =
  "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const monoFamily =
  "ui-monospace, 'SF Mono', 'JetBrains Mono', 'Cascadia Code', Menlo, Consolas, 'Liberation Mono', monospace";

export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'gate',
  primaryShade: { light: 6, dark: 5 },
  colors: { gate, dark },
  fontFamily,
  fontFamilyMonospace: monoFamily,
  headings: {
    fontFamily,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.45' },
    },
  },
  defaultRadius: 'md',
  radius: { xs: '4px', sm: '6px', md: '8px', lg: '12px', xl: '16px' },
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', letterSpacing: 0 } } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
    Drawer: { defaultProps: { position: 'right', size: 'lg' } },
  },
});

/** Softer page background than cards, in both schemes, so cards and tables stand out. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--gh-page-bg': '#f6f7f9',
    '--gh-nav-bg': '#ffffff',
    '--mantine-color-body': '#ffffff',
  },
  dark: {
    '--gh-page-bg': 'var(--mantine-color-dark-9)',
    '--gh-nav-bg': 'var(--mantine-color-dark-8)',
    '--mantine-color-body': 'var(--mantine-color-dark-7)',
  },
});
