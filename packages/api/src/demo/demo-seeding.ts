import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../organizations/organization.entity';
import { generateDemoData } from './demo-generator';
import { generateDemoSurveys } from './demo-surveys';

/** Seeds demo organizations only into a registry that holds no organization at all. */
export async function seedDemoDataIfEmpty(em: EntityManager, options: { organizations: number; seed: number }): Promise<number> {
  const existing = await em.count(Organization, {});
  if (existing > 0) return 0;
  const result = await generateDemoData(em, options);
  // The survey's two demo waves (2022, 2024) answered by a share of these organizations.
  await generateDemoSurveys(em, options.seed);
  return result.organizations;
}
