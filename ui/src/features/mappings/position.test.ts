import { describe, expect, it } from 'vitest';
import { errorRange, offsetAt, splitPosition, tokenEnd } from './position';

describe('offsetAt', () => {
  it('counts 1-based lines and columns', () => {
    const text = 'jcUser.firstname +\n  jcUser.lastname';
    expect(offsetAt(text, 1, 1)).toBe(0);
    expect(offsetAt(text, 1, 8)).toBe(7);
    expect(offsetAt(text, 2, 3)).toBe(text.indexOf('jcUser.lastname'));
  });

  it('counts characters like the core: an emoji is one column but two UTF-16 units', () => {
    const text = "'😀' + jcUser.nmae";
    // Six characters precede `jcUser` (' 😀 ' space + space), so the core says column 7;
    // in UTF-16 it starts at offset 7, since the emoji takes two units.
    expect(offsetAt(text, 1, 7)).toBe(text.indexOf('jcUser'));
    expect(offsetAt(text, 1, 7)).toBe(7);
    const accented = "'Spärck' + x";
    expect(offsetAt(accented, 1, 12)).toBe(accented.indexOf('x'));
  });

  it('clamps positions past the end of a line or of the text', () => {
    const text = 'ab\ncd';
    expect(offsetAt(text, 1, 40)).toBe(2);
    expect(offsetAt(text, 9, 1)).toBe(text.length);
    expect(offsetAt('', 1, 1)).toBe(0);
  });
});

describe('tokenEnd', () => {
  it('ends identifiers, strings, numbers and operators where they end', () => {
    const text = "jcUser.nmae + 'a b' ?? 12.5";
    expect(tokenEnd(text, 0)).toBe(6); // jcUser
    expect(tokenEnd(text, 7)).toBe(11); // nmae
    expect(tokenEnd(text, text.indexOf("'"))).toBe(text.indexOf("'") + 5); // 'a b'
    expect(tokenEnd(text, text.indexOf('??'))).toBe(text.indexOf('??') + 2);
    expect(tokenEnd(text, text.indexOf('12'))).toBe(text.length);
  });
});

describe('errorRange', () => {
  it('underlines the whole token at the position', () => {
    const text = 'jcUser.displayname + jcUser.nmae';
    const { from, to } = errorRange(text, 1, 29);
    expect(text.slice(from, to)).toBe('nmae');
  });

  it('underlines the last token for an error at the end of the text, never nothing', () => {
    const text = 'jcUser.firstname + ';
    const { from, to } = errorRange(text, 1, text.length + 1);
    expect(to).toBeGreaterThan(from);
    expect(text.slice(from, to)).toBe('+');
    const ident = errorRange('upper(jcUser', 1, 13);
    expect('upper(jcUser'.slice(ident.from, ident.to)).toBe('jcUser');
  });
});

describe('splitPosition', () => {
  it('reads the core\'s "line:column: message" form', () => {
    expect(splitPosition('1:22: unexpected end of expression')).toEqual({
      line: 1,
      column: 22,
      message: 'unexpected end of expression',
    });
    expect(splitPosition('title is required')).toEqual({ line: null, column: null, message: 'title is required' });
  });
});
