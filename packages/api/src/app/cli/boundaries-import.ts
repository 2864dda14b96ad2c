import fs from 'node:fs';
import { importBoundaries } from '../../geography/boundaries-import';
import { createRuntime } from '../runtime';

/** npm run boundaries:import -- FILE [--dry-run] : municipality polygons from a geoBoundaries ADM2 GeoJSON. */
async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run boundaries:import -- FILE.geojson [--dry-run]');
  const geojson = JSON.parse(fs.readFileSync(file, 'utf8'));
  const runtime = await createRuntime({ demo: 'off' });
  try {
    const report = await importBoundaries(runtime.orm.em.fork(), geojson, { dryRun: args.includes('--dry-run') });
    console.log(`matched ${report.matched.length} features to municipalities${report.written ? ' and stored their boundaries' : ' (dry run: nothing written)'}`);
    for (const u of report.unmatchedFeatures) console.log(`  feature ${u.index} (${u.shapeName ?? 'no name'}): ${u.reason}`);
    if (report.municipalitiesWithoutBoundary.length) console.log(`municipalities without a boundary: ${report.municipalitiesWithoutBoundary.join(', ')}`);
    console.log('Attribution: geoBoundaries; © OpenStreetMap contributors (check the licence in the file metadata).');
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
