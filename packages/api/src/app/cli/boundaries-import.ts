import fs from 'node:fs';
import path from 'node:path';
import { importBoundaries } from '../../geography/boundaries-import';
import { importCountryOutline, isCountryFile } from '../../geography/country-outline';
import { messageOnly, runCommand, withRuntime } from './command';

/**
 * npm run boundaries:import -- FILE [--dry-run] : replaces the bundled boundaries with a geoBoundaries
 * file: an ADM0 file (features with shapeType ADM0) becomes the country outline, any other file is read
 * as municipality polygons (ADM2, matched by shapeName).
 */
async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run boundaries:import -- FILE.geojson [--dry-run]');
  const geojson = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dryRun = args.includes('--dry-run');
  await withRuntime({ demo: 'off' }, async (runtime) => {
    const em = runtime.orm.em.fork();
    const source = path.basename(file);
    if (isCountryFile(geojson)) {
      const result = await importCountryOutline(em, geojson, { dryRun, source });
      console.log(`country outline of ${result.polygons} polygon(s)${result.written ? ' stored' : ' (dry run: nothing written)'}`);
    } else {
      const report = await importBoundaries(em, geojson, { dryRun, source });
      console.log(`matched ${report.matched.length} features to municipalities${report.written ? ' and stored their boundaries' : ' (dry run: nothing written)'}`);
      for (const u of report.unmatchedFeatures) console.log(`  feature ${u.index} (${u.shapeName ?? 'no name'}): ${u.reason}`);
      if (report.municipalitiesWithoutBoundary.length) console.log(`municipalities without a boundary: ${report.municipalitiesWithoutBoundary.join(', ')}`);
    }
    console.log('Attribution: geoBoundaries; © OpenStreetMap contributors (check the licence in the file metadata).');
  });
}

runCommand(main, messageOnly);
