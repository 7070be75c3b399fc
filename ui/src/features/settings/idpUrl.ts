//! How an application's IdP URL is derived from the organization's IdP base URL.

/** `<base>/saml2/<custom value>` for a base URL as typed (a trailing slash is not doubled). */
export function exampleIdpUrl(base: string, customValue = 'acme-15five'): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  return `${trimmed || 'https://sso.example.com'}/saml2/${customValue}`;
}
