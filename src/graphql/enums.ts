import { registerEnumType } from 'type-graphql';
import {
  ApiKeyRole,
  InitiativeKind,
  MeetingKind,
  ParticipantSide,
  ReleaseStatus,
  RoleKind,
} from '../generated/prisma/enums';

registerEnumType(ReleaseStatus, {
  name: 'ReleaseStatus',
  description: 'Where a release is in its life: drafts are seen by editors only.',
  valuesConfig: {
    DRAFT: { description: 'Not public yet: only editors and admins see it.' },
    PUBLISHED: { description: 'Public.' },
    RETRACTED: { description: 'Withdrawn by an editor; kept, with the reason, for the record.' },
  },
});
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'What kind of event a meeting was.',
  valuesConfig: {
    CREDENTIALS_PRESENTATION: { description: 'Credentials, or copies of them, presented by a new envoy.' },
    BILATERAL_MEETING: { description: 'Two sides meet in person.' },
    PHONE_CALL: { description: 'A telephone conversation.' },
    VIDEO_CONFERENCE: { description: 'A meeting held by video link.' },
    OFFICIAL_VISIT: { description: 'A visit to another country, with its meetings.' },
    POLITICAL_CONSULTATIONS: { description: 'Scheduled consultations between two foreign ministries.' },
    MULTILATERAL_MEETING: { description: 'Three or more sides, or a meeting of an organisation.' },
    FAREWELL_MEETING: { description: 'An envoy ends a mission.' },
    OTHER: { description: 'Any other event.' },
  },
});
registerEnumType(RoleKind, {
  name: 'RoleKind',
  description: 'The kind of office a participant held at a meeting.',
  valuesConfig: {
    HEAD_OF_STATE: { description: 'President, monarch.' },
    HEAD_OF_GOVERNMENT: { description: 'Prime minister.' },
    FOREIGN_MINISTER: { description: 'Minister of foreign affairs.' },
    DEPUTY_FOREIGN_MINISTER: { description: 'Deputy or vice minister of foreign affairs.' },
    MINISTER: { description: 'A minister of another portfolio.' },
    AMBASSADOR: { description: 'An ambassador.' },
    DIPLOMAT: { description: "Chargé d'affaires, consul, envoy, counsellor." },
    OFFICIAL: { description: 'Another government post.' },
    INTERNATIONAL_OFFICIAL: { description: 'Secretaries-general and officials of international organisations.' },
    OTHER: { description: 'Anyone else.' },
  },
});
registerEnumType(ParticipantSide, {
  name: 'ParticipantSide',
  description: 'Who received whom: the host received the guest.',
});
registerEnumType(InitiativeKind, {
  name: 'InitiativeKind',
  description: 'What kind of named thing an initiative is.',
});
registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: 'What an API key may do: editors write releases, admins also manage keys and merge records.',
});

export { ApiKeyRole, InitiativeKind, MeetingKind, ParticipantSide, ReleaseStatus, RoleKind };
