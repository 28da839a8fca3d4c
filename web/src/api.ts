// The reading room talks to the service as any front-end app would: POST /graphql, JSON, the
// operations of ./operations typed by GraphQL Code Generator. No private endpoint.
import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from './generated/graphql';

export const GRAPHQL_URL = '/graphql';

/** A failed request, with the `extensions.code` the API gave or one of ours (NETWORK, RATE_LIMITED, BAD_RESPONSE). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('The service could not be reached: check the connection and try again.', 'NETWORK');
  }
  let body: GraphQLResponse<R> | undefined;
  try {
    body = (await res.json()) as GraphQLResponse<R>;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (res.status === 429) {
    const wait = res.headers.get('retry-after');
    throw new ApiError(
      `Too many requests from this address${wait ? `: try again in ${wait} seconds` : ': wait a moment and try again'}.`,
      first?.extensions?.code ?? 'RATE_LIMITED',
    );
  }
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  if (!body?.data) throw new ApiError(`The service answered ${res.status} without data: try again shortly.`, 'BAD_RESPONSE');
  return body.data;
}

/**
 * Answers kept for going back and forth (a page that was just seen shows at once). The archive
 * changes rarely and the service caches too; a reload asks again.
 */
const answers = new Map<string, unknown>();
const KEPT_ANSWERS = 40;

function remember(key: string, data: unknown) {
  answers.delete(key);
  answers.set(key, data);
  if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
}

export interface QueryState<R> {
  /** The answer for the current variables, or the previous one while the new one loads. */
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  retry: () => void;
}

/** Runs a query when its variables change; a newer request aborts the one in flight. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): QueryState<R> {
  const key = `${document.toString()}\n${JSON.stringify(variables)}`;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; data?: R; error?: ApiError }>(() => ({ key, data: answers.get(key) as R | undefined }));

  useEffect(() => {
    const known = answers.get(key) as R | undefined;
    if (known !== undefined) {
      setState({ key, data: known });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ key: s.key, data: s.data }));
    request(document, variables, controller.signal).then(
      (data) => {
        remember(key, data);
        setState({ key, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, error: error instanceof ApiError ? error : new ApiError(String(error), 'ERROR') });
      },
    );
    return () => controller.abort();
  }, [key, attempt]); // `key` stands for the document and the variables

  const current = state.key === key;
  return {
    data: state.data,
    error: current ? state.error : undefined,
    loading: !current || (state.data === undefined && state.error === undefined),
    retry: () => setAttempt((n) => n + 1),
  };
}
