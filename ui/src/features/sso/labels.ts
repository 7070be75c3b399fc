//! Names and colours the SSO tab shows for the core's key algorithms and expiry levels, and
//! the default validity.

import type { ExpiryLevel } from '../../bindings/ExpiryLevel';
import type { KeyAlgorithm } from '../../bindings/KeyAlgorithm';

export const ALGORITHMS: { value: KeyAlgorithm; label: string; help: string }[] = [
  { value: 'rsa2048', label: 'RSA 2048', help: 'Recommended: accepted by every application.' },
  { value: 'rsa3072', label: 'RSA 3072', help: 'Stronger; accepted by almost every application.' },
  { value: 'rsa4096', label: 'RSA 4096', help: 'Strongest RSA; slower to generate and to sign.' },
  { value: 'p256', label: 'ECDSA P-256', help: 'Small and fast; check that the application accepts ECDSA signatures.' },
];

export function algorithmLabel(a: KeyAlgorithm): string {
  return ALGORITHMS.find((x) => x.value === a)?.label ?? a;
}

/** Three years, the core's default too. */
export const DEFAULT_DAYS = 1095;

/** The colour of an expiry warning: yellow at 60 days, orange at 30, red at 7 and after. */
export function expiryColor(level: ExpiryLevel): string {
  return level === 'days60' ? 'yellow' : level === 'days30' ? 'orange' : 'red';
}
