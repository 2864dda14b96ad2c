import type { EntityManager } from '@mikro-orm/postgresql';

export interface DemoOptions {
  organizations: number;
  seed: number;
}

export interface DemoResult {
  organizations: number;
  services: number;
  locations: number;
  licences: number;
  contracts: number;
}

// Placeholder until the generator lands; keeps the runtime compiling.
export async function generateDemoData(_em: EntityManager, _options: DemoOptions): Promise<DemoResult> {
  return { organizations: 0, services: 0, locations: 0, licences: 0, contracts: 0 };
}
