// The service's Apollo plugins as one request listener instead of ten.
//
// Apollo calls every hook of every request listener at every step of a request, each call an async
// function and so a promise, whether the listener has that hook or not: with ten listeners a
// computed query made about a hundred promises and as many microtask turns in plugin machinery
// alone (`responseForOperation` awaits each listener in turn). Folded, a request starts one
// listener, which calls only the hooks its plugins have, in the order and with the semantics
// Apollo's own request pipeline gives them (concurrent for the notifications, in order until one
// answers for `responseForOperation`, end hooks in reverse order).
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestExecutionListener, GraphQLRequestListener } from '@apollo/server';

type Listener<C extends BaseContext> = GraphQLRequestListener<C>;
type Fn = (...args: never[]) => unknown;

/** Hooks Apollo calls on every listener at once and waits for (Promise.all in its pipeline). */
const NOTIFICATIONS = [
  'didResolveSource',
  'didResolveOperation',
  'didEncounterErrors',
  'willSendResponse',
  'didEncounterSubsequentErrors',
  'willSendSubsequentPayload',
] as const;

/** Hooks whose results are end hooks, called in reverse order (Apollo's invokeDidStartHook). */
const DID_START = ['parsingDidStart', 'validationDidStart'] as const;

const has = (o: object, key: string) => typeof (o as Record<string, unknown>)[key] === 'function';

function foldListeners<C extends BaseContext>(listeners: Listener<C>[]): Listener<C> {
  if (listeners.length === 1) return listeners[0];
  const folded: Listener<C> = {};
  const f = folded as Record<string, Fn>;
  for (const hook of NOTIFICATIONS) {
    const with_ = listeners.filter((l) => has(l, hook));
    if (!with_.length) continue;
    // Called as methods of their listeners, as Apollo calls them.
    f[hook] = with_.length === 1
      ? (...args: never[]) => (with_[0][hook] as Fn).apply(with_[0], args)
      : async (...args: never[]) => {
          await Promise.all(with_.map((l) => (l[hook] as Fn).apply(l, args)));
        };
  }
  for (const hook of DID_START) {
    const with_ = listeners.filter((l) => has(l, hook));
    if (!with_.length) continue;
    f[hook] = async (rc: never) => {
      const ends = (await Promise.all(with_.map((l) => (l[hook] as Fn).call(l, rc)))).filter((e): e is Fn => typeof e === 'function').reverse();
      return ends.length ? async (...args: never[]) => ends.forEach((end) => end(...args)) : undefined;
    };
  }
  const answering = listeners.filter((l) => has(l, 'responseForOperation'));
  if (answering.length) {
    folded.responseForOperation = async (rc) => {
      for (const l of answering) {
        const response = await l.responseForOperation!(rc);
        if (response != null) return response;
      }
      return null;
    };
  }
  const executing = listeners.filter((l) => has(l, 'executionDidStart'));
  if (executing.length) {
    folded.executionDidStart = async (rc) => {
      const started = (await Promise.all(executing.map((l) => l.executionDidStart!(rc)))).filter((e): e is GraphQLRequestExecutionListener<C> => !!e);
      if (!started.length) return undefined;
      const execution: GraphQLRequestExecutionListener<C> = {};
      const resolving = started.filter((e) => e.willResolveField);
      // Only when one has it: a willResolveField makes Apollo wrap every resolver.
      if (resolving.length) {
        execution.willResolveField = (field) => {
          const ends = resolving.map((e) => e.willResolveField!(field)).filter((end) => typeof end === 'function').reverse();
          return ends.length ? (error, result) => ends.forEach((end) => end!(error, result)) : undefined;
        };
      }
      const ending = started.filter((e) => e.executionDidEnd);
      if (ending.length) {
        execution.executionDidEnd = async (error) => {
          await Promise.all(ending.map((e) => e.executionDidEnd!(error)));
        };
      }
      return execution;
    };
  }
  return folded;
}

/**
 * `plugins` with those that only listen to requests folded into one, in the place of the first;
 * the others (Apollo's own, which it finds by an internal id, and those with server hooks) as they are.
 */
export function foldRequestPlugins<C extends BaseContext>(plugins: ApolloServerPlugin<C>[]): ApolloServerPlugin<C>[] {
  // Folded: plugins with a request listener and nothing else (Apollo's own have an id it looks for).
  const foldable = (p: ApolloServerPlugin<C>) => typeof p.requestDidStart === 'function' && Object.keys(p).every((k) => k === 'requestDidStart');
  const starting = plugins.filter(foldable);
  if (starting.length < 2) return plugins;
  const folded: ApolloServerPlugin<C> = {
    async requestDidStart(rc: GraphQLRequestContext<C>) {
      const listeners = (await Promise.all(starting.map((p) => p.requestDidStart!(rc)))).filter((l): l is Listener<C> => !!l);
      return listeners.length ? foldListeners(listeners) : undefined;
    },
  };
  return plugins.flatMap((p) => (p === starting[0] ? [folded] : starting.includes(p) ? [] : [p]));
}
