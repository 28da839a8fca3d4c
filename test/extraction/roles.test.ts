/**
 * The role matcher at one place of a sentence (`roleAt`): it tries only the phrases whose first word
 * starts with the letters found there, so these cases pin what that narrowing must keep: a title
 * followed by an apostrophe, a hyphen or an en dash, a lower-case title in running text, a deputy
 * prefix, a portfolio, an acronym inside a title, and places where no title starts.
 */
import { nextRole, roleAt } from '../../src/extraction/roles';

describe('roleAt', () => {
  it('reads a title followed by an apostrophe, as the whole list would', () => {
    const s = 'the Premier’s visit';
    expect(roleAt(s, 4)?.text).toBe('Premier');
  });

  it('reads lower-case titles in running text and their kinds', () => {
    const s = 'the foreign minister met the ambassador';
    expect(roleAt(s, 4)).toMatchObject({ text: 'foreign minister', kind: 'FOREIGN_MINISTER' });
    expect(roleAt(s, 29)?.text).toBe('ambassador');
  });

  it('reads deputy prefixes with a hyphen or an en dash, and portfolios', () => {
    expect(roleAt('Vice-Minister of Foreign Affairs Ana Paz', 0)).toMatchObject({ text: 'Vice-Minister of Foreign Affairs', kind: 'DEPUTY_FOREIGN_MINISTER' });
    expect(roleAt('First Deputy Minister of Foreign Affairs Ana Paz', 0)?.kind).toBe('DEPUTY_FOREIGN_MINISTER');
    expect(roleAt('Minister of Investment, Industry and Trade Ana Paz', 0)?.text).toBe('Minister of Investment, Industry and Trade');
  });

  it('reads an acronym inside a title', () => {
    expect(roleAt('Head of the ICRC Delegation Ana Paz', 0)?.text).toBe('Head of the ICRC Delegation');
  });

  it('finds nothing where no title starts, inside a word, or at a non-letter', () => {
    expect(roleAt('the minister', 0)).toBeNull();
    expect(roleAt('Administer', 2)).toBeNull();
    expect(roleAt('(Minister)', 0)).toBeNull();
    expect(roleAt('Ministerial talks', 0)).toBeNull();
  });

  it('agrees with nextRole over a sentence of several titles', () => {
    const s = 'Foreign Minister Ana Paz received the Ambassador of Japan and the Deputy Foreign Minister of Chile.';
    const seen: string[] = [];
    for (let m = nextRole(s); m; m = nextRole(s, m.end)) {
      seen.push(m.text);
      expect(roleAt(s, m.start)?.text).toBe(m.text);
    }
    // (the country after a title is read by the complements stage, not here)
    expect(seen).toEqual(['Foreign Minister', 'Ambassador', 'Deputy Foreign Minister']);
  });
});
