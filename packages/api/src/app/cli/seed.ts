import { runCommand, withRuntime } from './command';

/** Seeds (or refreshes, by code) the reference data: regions, municipalities, taxonomy, target groups, authorities. */
async function main() {
  await withRuntime({ demo: 'off' }, async (runtime) => {
    const [counts] = await runtime.orm.em.fork().execute(
      `select (select count(*) from region)::int as regions, (select count(*) from municipality)::int as municipalities,
              (select count(*) from service_category)::int as categories, (select count(*) from target_group)::int as target_groups,
              (select count(*) from public_authority)::int as authorities`,
    );
    console.log('reference data seeded:', counts);
  });
}

runCommand(main);
