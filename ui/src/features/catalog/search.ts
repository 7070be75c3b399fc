//! Catalog search: every word the admin types must appear in the connector's name or
//! description (case- and accent-insensitive), so "scim custom" finds "Custom SCIM app".

import type { Connector } from '../../bindings/Connector';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function filterConnectors(connectors: Connector[], query: string): Connector[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return connectors;
  return connectors.filter((c) => {
    const haystack = fold(`${c.name} ${c.description}`);
    return words.every((w) => haystack.includes(w));
  });
}
