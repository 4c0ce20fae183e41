/**
 * Prints the realism figures of the demo dataset (docs/demo-data.md): organic matter and stock
 * medians per soil group and land use, the LSK and BRO comparisons, land-use and soil shares and
 * sealed shares. Usage: `npx tsx scripts/demo-stats.ts [data/demo]`.
 */
import { join, resolve } from 'node:path';
import { LAND_USES, SOIL_GROUPS } from '../src/core/raster/classes';
import { openRaster } from '../src/core/raster/raster-source';
import { median } from '../src/core/soil/bro-tables';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../data/demo'));

async function read(name: string): Promise<ArrayLike<number>> {
  const raster = await openRaster({ kind: 'path', path: join(dir, `${name}.tif`) });
  return raster.readWindow(0, [0, 0, raster.width, raster.height]);
}

const [om, stock, sealed, soil, land] = await Promise.all(
  ['organic-matter', 'carbon-stock', 'sealed', 'soil-group', 'land-use'].map(read),
);
const n = (om as ArrayLike<number>).length;
const pick = (
  layer: ArrayLike<number>,
  scale: number,
  nodata: number,
  where: (i: number) => boolean,
): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++)
    if (layer[i] !== nodata && where(i)) out.push((layer[i] as number) * scale);
  return out;
};
const of = (soils: number[], uses: number[] | null) => (i: number) =>
  soils.includes(soil[i] as number) && (uses === null || uses.includes(land[i] as number));
const fixed = (value: number, digits = 1) => value.toFixed(digits);

console.log('soil group / land use: cells, OM median (p10-p90) %, stock median t C/ha');
for (const [soilCode, soilName] of Object.entries(SOIL_GROUPS))
  for (const [landCode, landName] of Object.entries(LAND_USES)) {
    const where = of([Number(soilCode)], [Number(landCode)]);
    const values = pick(om, 0.01, 65535, where).sort((a, b) => a - b);
    if (values.length === 0) continue;
    const at = (q: number) => values[Math.floor(q * (values.length - 1))] as number;
    const stocks = pick(stock, 0.1, 65535, where);
    console.log(
      `${soilName}/${landName}: ${values.length}, ${fixed(median(values), 2)} (${fixed(at(0.1), 2)}-${fixed(at(0.9), 2)}), ${fixed(median(stocks))}`,
    );
  }
const stockMedian = (soils: number[], uses: number[] | null) =>
  fixed(median(pick(stock, 0.1, 65535, of(soils, uses))));
const mineral = [3, 4, 5, 6];
console.log(
  `LSK, mineral soils: arable ${stockMedian(mineral, [1])} (about 76), grassland ${stockMedian(mineral, [2])} (about 100) t C/ha`,
);
console.log(
  `BRO medians: sand ${stockMedian([5], null)} (77), clay ${stockMedian([3, 4], null)} (73), peat ${stockMedian([1], null)} (200) t C/ha`,
);
let inside = 0;
const landCount = new Map<number, number>();
const soilCount = new Map<number, number>();
for (let i = 0; i < n; i++) {
  if (land[i] === 255) continue;
  inside++;
  landCount.set(land[i] as number, (landCount.get(land[i] as number) ?? 0) + 1);
  if (soil[i] !== 255)
    soilCount.set(soil[i] as number, (soilCount.get(soil[i] as number) ?? 0) + 1);
}
const share = (count: Map<number, number>, names: Record<number, string>) =>
  [...count]
    .sort((a, b) => a[0] - b[0])
    .map(([code, c]) => `${names[code]} ${fixed((100 * c) / inside)} %`)
    .join(', ');
console.log(`inside the outline: ${fixed(inside * 0.0625, 0)} ha`);
console.log(`land use: ${share(landCount, LAND_USES)}`);
console.log(`soil group: ${share(soilCount, SOIL_GROUPS)}`);
const builtSealed = pick(sealed, 1, 255, (i) => land[i] === 6);
const fieldSealed = pick(sealed, 1, 255, (i) => land[i] === 1 || land[i] === 2);
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
console.log(
  `sealed: built-up median ${median(builtSealed)} %, fields median ${median(fieldSealed)} % mean ${fixed(mean(fieldSealed), 2)} %`,
);
