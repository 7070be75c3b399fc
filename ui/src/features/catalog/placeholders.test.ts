import { describe, expect, it } from 'vitest';
import { splitPlaceholders } from './placeholders';

describe('splitPlaceholders', () => {
  it('marks whole-word YOUR… tokens only', () => {
    expect(splitPlaceholders('https://YOURDOMAIN.15five.com/SAML2/ACS?c=YOUR_CONNECTION_NAME')).toEqual([
      { text: 'https://', placeholder: false },
      { text: 'YOURDOMAIN', placeholder: true },
      { text: '.15five.com/SAML2/ACS?c=', placeholder: false },
      { text: 'YOUR_CONNECTION_NAME', placeholder: true },
    ]);
  });

  it('ignores words that merely contain the prefix or are not all capitals', () => {
    const text = 'See Yours, xYOURDOMAIN, YOUR_org, YOURdomain and yourdomain';
    expect(splitPlaceholders(text)).toEqual([{ text, placeholder: false }]);
  });
});
