import { TOPIC_SLUGS } from '../support/taxonomy';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCountryCode, loadCountries, loadCountryAdditions } from '../../src/reference/countries';
import { loadTopics, compileCue } from '../../src/reference/topics';
import { loadRoles } from '../../src/reference/roles';
import { loadInitiatives, loadInitiativePatterns } from '../../src/reference/initiatives';
import { findCityCountry, loadCities } from '../../src/reference/cities';
import { loadBoilerplate } from '../../src/reference/boilerplate';

describe('countries', () => {
  const countries = loadCountries();

  it('has every ISO 3166-1 alpha-2 country once', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.code)).size).toBe(249);
    for (const country of countries) expect(country.code).toMatch(/^[A-Z]{2}$/);
    expect(countries.some((c) => c.code === 'XK')).toBe(false);
  });

  it('gives a clean display name, official name and capital', () => {
    const kr = countries.find((c) => c.code === 'KR')!;
    expect(kr.name).toBe('South Korea');
    expect(kr.officialName).toBe('Republic of Korea');
    expect(kr.capital).toBe('Seoul');
    expect(kr.aliases).toEqual(expect.arrayContaining(['Korea', 'Republic of Korea']));
    expect(kr.demonyms).toContain('Korean');
    const az = countries.find((c) => c.code === 'AZ')!;
    expect(az).toMatchObject({ name: 'Azerbaijan', officialName: 'Republic of Azerbaijan', capital: 'Baku' });
    expect(az.demonyms).toContain('Azerbaijani');
  });

  it('is memoised', () => {
    expect(loadCountries()).toBe(countries);
  });

  it.each([
    ['Korea', 'KR'],
    ['Korean', 'KR'],
    ["Korea's", 'KR'],
    ['Korea’s', 'KR'],
    ['Republic of Korea', 'KR'],
    ['the Republic of Korea', 'KR'],
    ['North Korea', 'KP'],
    ['DPRK', 'KP'],
    ['Azerbaijan', 'AZ'],
    ['Azerbaijani', 'AZ'],
    ["Azerbaijan's", 'AZ'],
    ['Republic of Azerbaijan', 'AZ'],
    ['Türkiye', 'TR'],
    ['Turkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Turkish', 'TR'],
    ['Kyrgyz Republic', 'KG'],
    ['the Kyrgyz Republic', 'KG'],
    ['Kyrgyz', 'KG'],
    ['UAE', 'AE'],
    ['Emirati', 'AE'],
    ['the United Kingdom', 'GB'],
    ['British', 'GB'],
    ['US', 'US'],
    ['U.S.', 'US'],
    ['American', 'US'],
    ['United States of America', 'US'],
    ['Uzbek', 'UZ'],
    ['Uzbekistan', 'UZ'],
    ['Kazakh', 'KZ'],
    ['Turkmen', 'TM'],
    ['Tajik', 'TJ'],
    ['Armenian', 'AM'],
    ['Russian Federation', 'RU'],
    ['Brazilian', 'BR'],
    ['Czechia', 'CZ'],
    ['Côte d’Ivoire', 'CI'],
  ])('resolves %s to %s', (name, code) => {
    expect(findCountryCode(name)).toBe(code);
  });

  it('does not invent countries', () => {
    expect(findCountryCode('Latin')).toBeNull();
    expect(findCountryCode('Welsh')).toBeNull();
    expect(findCountryCode('Central African')).toBeNull();
  });

  it('keeps ambiguous names resolvable by context', () => {
    const korea = loadCountryAdditions().ambiguous.find((entry) => entry.term === 'Korea')!;
    expect(korea.default).toBe('KR');
    expect(korea.contexts.KP).toContain('North Korea');
  });
});

describe('topics', () => {
  it('has exactly the slugs of docs/domain.md, in its order', () => {
    const domainDoc = ['/work/shared/docs/domain.md', path.join(__dirname, '../../docs/domain.md')].find((p) => fs.existsSync(p));
    const expected = [...TOPIC_SLUGS];
    if (domainDoc) {
      const table = fs.readFileSync(domainDoc, 'utf8').split('## Topic taxonomy')[1].split('\n## ')[0];
      const fromDoc = [...table.matchAll(/^\| ([a-z][a-z-]*) \|/gm)].map((m) => m[1]).filter((slug) => slug !== 'slug');
      expect(fromDoc).toEqual(expected);
    }
    const topics = loadTopics();
    expect(topics.map((t) => t.slug)).toEqual(expected);
    for (const topic of topics) {
      expect(topic.name).toBeTruthy();
      expect(topic.cues.length).toBeGreaterThan(0);
    }
  });

  it('compiles cues on word boundaries', () => {
    expect('investments and investors'.match(compileCue('invest*'))).toEqual(['investments', 'investors']);
    expect('the importance of imports'.match(compileCue('imports'))).toEqual(['imports']);
    expect('cica is not CICA'.match(compileCue('CICA'))).toEqual(['CICA']);
    expect('high-technologies'.match(compileCue('high technologies'))).toEqual(['high-technologies']);
  });
});

describe('other reference data', () => {
  it('loads roles, initiatives, cities and boilerplate', () => {
    const roles = loadRoles();
    expect(roles.phrases).toContainEqual({ phrase: 'Minister of Foreign Affairs', kind: 'FOREIGN_MINISTER' });
    expect(roles.phrases).toContainEqual({ phrase: 'Deputy Foreign Minister', kind: 'DEPUTY_FOREIGN_MINISTER' });
    expect(roles.phrases).toContainEqual({ phrase: "Chargé d'Affaires", kind: 'DIPLOMAT' });
    const initiatives = loadInitiatives();
    expect(initiatives.find((i) => i.acronym === 'CICA')?.name).toBe('Conference on Interaction and Confidence Building Measures in Asia');
    const slugs = new Set(loadTopics().map((t) => t.slug));
    for (const initiative of initiatives) for (const topic of initiative.topics) expect(slugs).toContain(topic);
    expect(loadInitiativePatterns().heads).toContainEqual({ word: 'University', kind: 'INSTITUTION' });
    expect(loadCities().length).toBeGreaterThan(240);
    expect(findCityCountry('BAKU')).toBe('AZ');
    expect(findCityCountry('Samarkand')).toBe('UZ');
    expect(findCityCountry('Brasilia')).toBe('BR');
    expect(loadBoilerplate().sources.map((s) => s.name)).toContain('Trend');
  });
});
