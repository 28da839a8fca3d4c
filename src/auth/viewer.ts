import type { ApiKeyRole } from '../generated/prisma/enums';

export interface Viewer {
  /** null for the ADMIN_TOKEN of the environment. */
  apiKeyId: number | null;
  name: string;
  role: ApiKeyRole;
}
