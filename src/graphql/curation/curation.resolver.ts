import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { dbIdOf, fromGlobalId, Node } from '../relay';
import { Person } from '../person/person.type';
import { Initiative } from '../initiative/initiative.type';
import { loadNode } from '../node.resolver';
import {
  addCountryAlias,
  addInitiativeAlias,
  addPersonAlias,
  mergeInitiatives,
  mergePeople,
} from '../../domain/curation';
import { badInput, notFound } from '../../errors';
import { createLoaders } from '../loaders';
import { COUNTRY_CODE } from '../../domain/validate';

/** Reads back through fresh loaders: the request's loaders may hold the rows as they were before. */
async function reload<T extends Node>(ctx: Context, id: string): Promise<T> {
  const node = await loadNode(id, { ...ctx, loaders: createLoaders(ctx.sql, ctx.visible) });
  if (!node) throw notFound('Object');
  return node as T;
}

@Resolver()
export class CurationMutations {
  @Authorized('ADMIN')
  @Mutation(() => Person, {
    description: 'Merges two records of one person (ADMIN): every participation moves to `keep`; the removed name becomes an alias.',
  })
  async mergePeople(@Arg('keep', () => ID) keep: string, @Arg('remove', () => ID) remove: string, @Ctx() ctx: Context): Promise<Person> {
    await mergePeople(ctx.db, dbIdOf(keep, 'Person', 'keep'), dbIdOf(remove, 'Person', 'remove'));
    return reload<Person>(ctx, keep);
  }

  @Authorized('ADMIN')
  @Mutation(() => Initiative, {
    description: 'Merges two records of one initiative (ADMIN): every mention moves to `keep`; the removed name becomes an alias.',
  })
  async mergeInitiatives(
    @Arg('keep', () => ID) keep: string,
    @Arg('remove', () => ID) remove: string,
    @Ctx() ctx: Context,
  ): Promise<Initiative> {
    await mergeInitiatives(ctx.db, dbIdOf(keep, 'Initiative', 'keep'), dbIdOf(remove, 'Initiative', 'remove'));
    return reload<Initiative>(ctx, keep);
  }

  @Authorized('EDITOR')
  @Mutation(() => Node, {
    description: 'Adds another name for a Person, Initiative or Country, by its id (EDITOR). Ingests that meet the alias resolve to it.',
  })
  async addAlias(@Arg('id', () => ID) id: string, @Arg('alias', () => String) alias: string, @Ctx() ctx: Context): Promise<Node> {
    const { type, key } = fromGlobalId(id);
    if (type === 'Person') await addPersonAlias(ctx.db, dbIdOf(id, 'Person'), alias);
    else if (type === 'Initiative') await addInitiativeAlias(ctx.db, dbIdOf(id, 'Initiative'), alias);
    else if (type === 'Country') {
      // Exactly two capitals: the char(2) column would match "AZ " too, and then the read-back fail.
      if (!COUNTRY_CODE.test(key)) throw badInput('id', '`id` is not the id of a Country');
      await addCountryAlias(ctx.db, key, alias);
    }
    else throw badInput('id', 'Aliases are for people, initiatives and countries');
    return reload(ctx, id);
  }
}
