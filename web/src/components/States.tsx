// What a page shows while it waits, when a request failed, or when there is nothing to show.
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';

export function Loading({ what }: { what: string }) {
  return (
    <p class="state" role="status">
      Loading {what}…
    </p>
  );
}

const ADVICE: Record<string, string> = {
  BAD_USER_INPUT: 'Check what was asked (the search words or a filter in the address).',
  GRAPHQL_VALIDATION_FAILED: 'A value in the address is not one the archive knows.',
  NETWORK: 'The page will work again once the service can be reached.',
  RATE_LIMITED: 'The service limits how often one address may ask.',
  SERVICE_UNAVAILABLE: 'The service is busy or restarting.',
};

export function ErrorNote({ error, what, retry }: { error: ApiError; what: string; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p>
        <strong>{what} could not be loaded.</strong> {error.message}
      </p>
      <p class="muted">
        {ADVICE[error.code] ?? 'Try again; if it keeps failing, the service log says more.'} (code {error.code})
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
