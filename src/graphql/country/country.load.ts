import type { Context } from '../context';
import { Country } from './country.type';

/** Resolves a stored country code to a Country through the request's loader. */
export async function countryByCode(ctx: Context, code: string | null | undefined): Promise<Country | null> {
  if (!code) return null;
  const row = await ctx.loaders.country.load(code);
  return row ? Country.from(row) : null;
}
