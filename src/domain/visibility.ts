// Who may see what: the one definition. Every read path asks it (src/read/visibility.ts turns it
// into SQL); nothing else decides.
//
// - The public sees published releases, and only what published releases say: a person, an
//   initiative, a role's dates exist for an anonymous reader only through a published release.
// - A retraction takes a release out of public view (the reason stays on record for editors), and
//   what it said no longer counts, like a draft's.
// - Editors (any valid key) see every release and everything in it.
// - Lists, counts, facets and trends show published releases unless the request asks for other
//   statuses, and it may ask only for statuses it may see.
import type { ReleaseStatus } from '../generated/prisma/enums';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../errors';

export const ALL_STATUSES: readonly ReleaseStatus[] = ['DRAFT', 'PUBLISHED', 'RETRACTED'];
export const PUBLIC_STATUSES: readonly ReleaseStatus[] = ['PUBLISHED'];
/** What a list shows when the request names no status. */
export const DEFAULT_STATUSES: readonly ReleaseStatus[] = ['PUBLISHED'];

/** The statuses of the releases a viewer may see, and so of those whose contents it may see. */
export function visibleStatuses(viewer: Viewer | null): readonly ReleaseStatus[] {
  return viewer ? ALL_STATUSES : PUBLIC_STATUSES;
}

export const canSee = (viewer: Viewer | null, status: ReleaseStatus) => visibleStatuses(viewer).includes(status);

/** The statuses a list asked for (default: published), refused when the viewer may not see one. */
export function checkStatuses(asked: readonly ReleaseStatus[] | null | undefined, viewer: Viewer | null, field: string): ReleaseStatus[] {
  const statuses = asked?.length ? [...new Set(asked)] : [...DEFAULT_STATUSES];
  const hidden = statuses.find((s) => !canSee(viewer, s));
  if (hidden) {
    const what = hidden === 'DRAFT' ? 'Drafts are' : 'Retracted releases are';
    throw new AppError('UNAUTHENTICATED', `${what} visible to editors only: send an API key`, { field });
  }
  return statuses;
}
