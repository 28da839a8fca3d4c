import { highlightFragments } from '../../src/read/releases';

/** The fold as first written (split, fold every fragment, keep those with a match): the reference. */
const reference = (title: string, body: string) =>
  [title, ...body.split(' … ')].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.includes('<mark>'));

describe('highlightFragments', () => {
  const cases: [string, string][] = [
    ['<mark>Energy</mark> talks', 'year.\n\nThe participants discussed <mark>energy</mark> and hydrogen … a second <mark>energy</mark>  fragment\t here'],
    ['No match in the title', 'plain text without a mark'],
    ['', ''],
    ['<mark>a</mark>', ' … '],
    ['t', 'a … b<mark>c</mark> … '],
    ['  padded <mark>x</mark>  ', ' … … <mark>y</mark>\u00a0z … \u2003<mark>q</mark>\u2003r … plain'],
    ['x', '<mark>one</mark> single fragment'],
    ['x', '\n<mark>lead</mark> and trail\n'],
    ['x', 'a…b <mark>c</mark> …d … <mark>e</mark>'],
    // Fragments already folded are kept as they are; one odd space anywhere is folded.
    [' <mark>lead</mark>', '<mark>trail</mark> … <mark>a</mark> b\rc … <mark>d</mark>\u2028e … <mark>f</mark>\ufeffg … <mark>h</mark> i j'],
  ];
  it.each(cases)('folds %j / %j as the reference does', (title, body) => {
    expect(highlightFragments(title, body)).toEqual(reference(title, body));
  });
});
