// The reading room's search state <-> URL <-> API filter (web/src/search-state.ts): pure functions.
import { parseSearch, periodRange, searchUrl, toFilter, toOrder, toggle, yearsOf } from '../../web/src/search-state';

describe('search state', () => {
  it('round-trips through the URL, in one order whatever the order given', () => {
    const state = parseSearch('?topic=energy&q=%22middle+corridor%22&when=2025-05&country=AZ&topic=education&sort=oldest');
    expect(searchUrl(state)).toBe('/?q=%22middle+corridor%22&topic=energy&topic=education&country=AZ&when=2025-05&sort=oldest');
    expect(parseSearch(searchUrl(state).slice(1))).toEqual(state);
    expect(searchUrl(parseSearch(''))).toBe('/');
  });

  it('becomes the API filter: lists as given, a year or month as a date range', () => {
    expect(toFilter(parseSearch('q=cop29&topic=energy&kind=PHONE_CALL&person=UGVyc29uOjE&when=2024'))).toEqual({
      search: 'cop29',
      topics: ['energy'],
      meetingKinds: ['PHONE_CALL'],
      people: ['UGVyc29uOjE'],
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(toFilter(parseSearch(''))).toEqual({});
  });

  it('drops what it cannot use: a malformed period, an unknown order, empty and repeated values', () => {
    const state = parseSearch('when=2025-13&sort=random&topic=&topic=energy&topic=energy');
    expect(state.when).toBeNull();
    expect(state.sort).toBeNull();
    expect(state.selected.topics).toEqual(['energy']);
  });

  it('orders by relevance only when searching', () => {
    expect(toOrder(parseSearch('q=energy'))).toBe('RELEVANCE');
    expect(toOrder(parseSearch(''))).toBe('PUBLISHED_AT_DESC');
    expect(toOrder(parseSearch('sort=relevance'))).toBe('PUBLISHED_AT_DESC');
    expect(toOrder(parseSearch('q=energy&sort=oldest'))).toBe('PUBLISHED_AT_ASC');
  });

  it('toggles a facet value on and off', () => {
    const on = toggle(parseSearch('topic=energy'), 'topics', 'education');
    expect(on.selected.topics).toEqual(['energy', 'education']);
    expect(toggle(on, 'topics', 'energy').selected.topics).toEqual(['education']);
  });

  it('sums months into years, latest first', () => {
    expect(yearsOf([{ value: '2024-03', count: 2 }, { value: '2025-01', count: 1 }, { value: '2024-11', count: 3 }])).toEqual([
      { value: '2025', count: 1 },
      { value: '2024', count: 5 },
    ]);
  });
});
