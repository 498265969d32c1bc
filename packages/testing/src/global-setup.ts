import type { TestProject } from 'vitest/node';
import { buildTemplates, dropTemplates } from './templates.ts';

/** Builds the template databases of one integration project before its files run. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.MERIDIAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  process.env.MERIDIAN_TEST_DB = kind;
  await buildTemplates(kind);
  return () => dropTemplates(kind);
}
