// How the page writes the API's values: enum names as words, dates as people read them.
import type { ParticipantSide } from './generated/graphql';

/** "BILATERAL_MEETING" -> "Bilateral Meeting", as the API labels its facet options. */
export const enumLabel = (value: string) => value.toLowerCase().replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

export const sideLabel = (side: ParticipantSide | null | undefined) => (side === 'HOST' ? 'Host' : side === 'GUEST' ? 'Guest' : 'Not said');

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "2025-05-23" or an ISO date-time -> "23 May 2025" (UTC, as the API counts days). */
export const formatDay = (iso: string) => DAY.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

/** "2025-05" -> "May 2025". */
export const formatMonth = (period: string) => MONTH.format(new Date(`${period}-01T00:00:00Z`));

/** "2025-05" -> "May"; "2025" stays. */
export const shortPeriod = (period: string) => (period.length === 7 ? SHORT_MONTH.format(new Date(`${period}-01T00:00:00Z`)) : period);

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
