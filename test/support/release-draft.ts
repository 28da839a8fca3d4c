// A minimal release as storeRelease takes it, for tests that build their own archive row by row.
import type { ReleaseDraft } from '../../src/domain/store-release';

/** A published English release with nothing linked; `over` sets what the test is about. */
export function releaseDraft(over: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    title: 'A release',
    publishedAt: new Date('2023-03-01T10:00:00Z'),
    datelinePlace: 'Baku',
    datelineCountryCode: 'AZ',
    datelineDate: null,
    issuerName: 'Ministry of Foreign Affairs',
    issuerCountryCode: 'AZ',
    sourceName: 'Test',
    sourceUrl: null,
    language: 'en',
    paragraphs: ['Nothing to see.'],
    status: 'PUBLISHED',
    contentHash: Math.random().toString(36),
    meetings: [],
    topics: [],
    initiatives: [],
    countries: [],
    ...over,
  };
}
