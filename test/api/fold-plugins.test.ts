// Our request-only Apollo plugins folded into one listener behave as Apollo runs them separately.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { foldRequestPlugins } from '../../src/graphql/fold-plugins';

const rc = {} as GraphQLRequestContext<BaseContext>;

async function listenerOf(plugins: ApolloServerPlugin[]): Promise<GraphQLRequestListener<BaseContext>> {
  const folded = foldRequestPlugins(plugins);
  expect(folded).toHaveLength(1);
  return (await folded[0].requestDidStart!(rc))!;
}

it('keeps plugins with server hooks or an internal id as they are, and folds the rest in the place of the first', () => {
  const a: ApolloServerPlugin = { async requestDidStart() {} };
  const b: ApolloServerPlugin = { async requestDidStart() {} };
  const server: ApolloServerPlugin = { async serverWillStart() {} };
  const both: ApolloServerPlugin = { async serverWillStart() {}, async requestDidStart() {} };
  const internal = { __internal_plugin_id__: 'CacheControl', async requestDidStart() {} } as ApolloServerPlugin;
  const out = foldRequestPlugins([server, a, internal, both, b]);
  expect(out).toHaveLength(4);
  expect(out[0]).toBe(server);
  expect(out[1]).not.toBe(a);
  expect(out.slice(2)).toEqual([internal, both]);
  // One foldable plugin: nothing to fold.
  expect(foldRequestPlugins([server, a])).toEqual([server, a]);
});

it('calls each hook as a method of its listener, the first non-null answer wins, end hooks run in reverse', async () => {
  const calls: string[] = [];
  const listener = (name: string, answer: unknown) => ({
    name,
    async didResolveOperation(this: { name: string }) {
      calls.push(`resolved ${this.name}`);
    },
    async responseForOperation() {
      calls.push(`asked ${name}`);
      return answer as never;
    },
    async validationDidStart() {
      return async () => void calls.push(`validated ${name}`);
    },
  });
  const plugins: ApolloServerPlugin[] = [
    { requestDidStart: async () => listener('a', null) },
    { requestDidStart: async () => undefined },
    { requestDidStart: async () => listener('b', { http: 'b' }) },
    { requestDidStart: async () => listener('c', { http: 'c' }) },
  ];
  const l = await listenerOf(plugins);
  await l.didResolveOperation!(rc as never);
  expect(await l.responseForOperation!(rc as never)).toEqual({ http: 'b' });
  const end = await l.validationDidStart!(rc as never);
  await end!();
  expect(calls).toEqual(['resolved a', 'resolved b', 'resolved c', 'asked a', 'asked b', 'validated c', 'validated b', 'validated a']);
  // A hook no listener has is absent, as Apollo would skip it.
  expect(l.willSendResponse).toBeUndefined();
  expect(l.executionDidStart).toBeUndefined();
});

it('offers willResolveField only when an execution listener has it (Apollo then wraps every resolver)', async () => {
  const ended: string[] = [];
  const quiet = await listenerOf([
    { requestDidStart: async () => ({ executionDidStart: async () => ({ executionDidEnd: async () => void ended.push('x') }) }) },
    { requestDidStart: async () => ({ executionDidStart: async () => undefined }) },
  ]);
  const execution = await quiet.executionDidStart!(rc as never);
  expect(execution!.willResolveField).toBeUndefined();
  await execution!.executionDidEnd!();
  expect(ended).toEqual(['x']);

  const resolving = await listenerOf([
    { requestDidStart: async () => ({ executionDidStart: async () => ({ willResolveField: () => () => void ended.push('1') }) }) },
    { requestDidStart: async () => ({ executionDidStart: async () => ({ willResolveField: () => () => void ended.push('2') }) }) },
  ]);
  const e = await resolving.executionDidStart!(rc as never);
  e!.willResolveField!({} as never)!(null, 1);
  expect(ended).toEqual(['x', '2', '1']);
});
