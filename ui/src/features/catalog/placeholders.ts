//! Placeholder tokens in connector templates and instructions. Same rule as the Rust side
//! (gatehouse-catalog `placeholder.rs`): a placeholder is a whole word of letters, digits and
//! `_` that is `YOUR` followed by capitals, digits or `_`, so `/SAML2/ACS` never is one.

const PLACEHOLDER = /^YOUR[A-Z0-9_]*$/;

export type Segment = { text: string; placeholder: boolean };

/** Splits text into runs, marking each whole-word placeholder token. */
export function splitPlaceholders(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) {
    const word = m[0];
    if (!PLACEHOLDER.test(word)) continue;
    const start = m.index ?? 0;
    if (start > last) out.push({ text: text.slice(last, start), placeholder: false });
    out.push({ text: word, placeholder: true });
    last = start + word.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), placeholder: false });
  return out;
}
