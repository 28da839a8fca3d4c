import { findCountry } from '../reference/countries';
import type { ExtractedMeeting, ExtractedParticipant } from './types';

/**
 * Releases have no title of their own; this one is derived from the first meeting (or, for a
 * statement, from the issuer and what the statement is about). Short, informative, deterministic.
 */

const MAX_LENGTH = 120;

function demonym(code: string | null): string | null {
  if (!code) return null;
  return findCountry(code)?.demonyms[0] ?? null;
}

function countryName(code: string | null): string | null {
  return code ? findCountry(code)?.name ?? code : null;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function meetingTitle(meeting: ExtractedMeeting, leadText: string, openingText: string): string | null {
  const people = meeting.participants;
  if (people.length === 0) return null;
  const hosts = people.filter((p) => p.side === 'HOST');
  const guests = people.filter((p) => p.side === 'GUEST');
  const host: ExtractedParticipant = hosts[0] ?? people[0];
  const guest: ExtractedParticipant | undefined = guests[0] ?? people.find((p) => p !== host);
  const envoy = guest && (guest.roleKind === 'AMBASSADOR' || guest.roleKind === 'DIPLOMAT') ? guest : undefined;
  const envoyLabel = (p: ExtractedParticipant) => {
    const adjective = demonym(p.country);
    const title = p.roleKind === 'AMBASSADOR' ? 'ambassador' : 'envoy';
    return adjective ? `${adjective} ${title}` : title;
  };
  switch (meeting.kind) {
    case 'CREDENTIALS_PRESENTATION': {
      const what = /\bcop(?:y|ies) of (?:his|her|the(?:ir)?) credentials\b/i.test(openingText) ? 'copy of credentials' : 'credentials';
      return envoy ? `${host.name} receives ${what} of new ${envoyLabel(envoy)}` : `${host.name} receives ${what}`;
    }
    case 'FAREWELL_MEETING':
      return guest ? `${host.name} bids farewell to ${envoy ? `${envoyLabel(envoy)} ` : ''}${guest.name}` : `${host.name} holds farewell meeting`;
    case 'PHONE_CALL':
      return `${joinNames(people.map((p) => p.name))} hold phone call`;
    case 'VIDEO_CONFERENCE':
      return `${joinNames(people.map((p) => p.name))} hold videoconference`;
    case 'POLITICAL_CONSULTATIONS': {
      const adjectives = [...new Set(people.map((p) => demonym(p.country)).filter((d): d is string => Boolean(d)))];
      const between = adjectives.length >= 2 ? `${adjectives.join('-')} political consultations` : 'Political consultations';
      return meeting.place ? `${between} held in ${meeting.place}` : `${between} held`;
    }
    case 'OFFICIAL_VISIT': {
      const visitor = guests[0] ?? guest ?? host;
      const met = people.filter((p) => p !== visitor).map((p) => p.name);
      const where = countryName(hosts[0]?.country ?? null);
      const visit = where ? ` on official visit to ${where}` : ' on official visit';
      return met.length ? `${visitor.name} meets ${joinNames(met)}${visit}` : `${visitor.name}${visit}`;
    }
    case 'MULTILATERAL_MEETING': {
      const where = meeting.place ? ` in ${meeting.place}` : '';
      return hosts.length ? `${host.name} chairs multilateral meeting${where}` : `Multilateral meeting${where} with ${joinNames(people.map((p) => p.name))}`;
    }
    case 'OTHER': {
      const briefing = /\bbriefing\b/i.test(leadText);
      return briefing ? `${host.name} holds briefing` : `${joinNames(people.map((p) => p.name))} take part in event`;
    }
    default: {
      // A meeting of a visit the lead names in passing ("X, who is paying an official visit to
      // Uzbekistan, was received by President Y"): the visitor meets the host, on that visit.
      const visit = /\b(official|state|working)\s+visit\b/iu.exec(leadText);
      const visitor = guests[0];
      if (visit && visitor && hosts[0]) {
        const where = countryName(hosts[0].country ?? null);
        return `${visitor.name} meets ${hosts[0].name} on ${visit[1].toLowerCase()} visit${where ? ` to ${where}` : ''}`;
      }
      return guest ? `${host.name} meets ${guest.name}` : `${host.name} holds meeting`;
    }
  }
}

function statementTitle(leadText: string, issuerCountry: string | null): string {
  const adjective = demonym(issuerCountry);
  const ministry = adjective ? `${adjective} Foreign Ministry` : 'Foreign Ministry';
  const about = /\bstatement\s+(?:on|regarding|concerning|in connection with)\s+(?:the\s+occasion\s+of\s+)?(?:the\s+)?([^,;"“]+?)(?=[,;.]|\s+(?:Trend|reports|said)\b|$)/iu.exec(leadText);
  if (about) return `${ministry} issues statement on ${about[1].trim()}`;
  if (/\bstatement\b/i.test(leadText)) return `${ministry} issues statement`;
  if (/\bcomment/i.test(leadText)) return `${ministry} comments`;
  // No meeting and no statement wording: the lead itself, without its attribution.
  const lead = leadText.replace(/,\s*(?:the\s+)?[^,]*?\b(?:told|reported|reports|said|informed)\b[^,]*\.?$/i, '').replace(/\.$/, '');
  return capitalise(lead);
}

export function deriveTitle(meetings: ExtractedMeeting[], leadText: string, openingText: string, issuerCountry: string | null): string {
  const fromMeeting = meetings.length ? meetingTitle(meetings[0], leadText, openingText) : null;
  return truncate(fromMeeting ?? statementTitle(leadText, issuerCountry));
}
