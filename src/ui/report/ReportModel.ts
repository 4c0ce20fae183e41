import type { TFunction } from 'i18next';
import type { Scenario } from '../../core/estimate/scenario';
import type { Range } from '../../core/estimate/types';
import type { Catalogue } from '../../core/raster/catalogue-types';
import type { Language } from '../../state/settings-slice';
import type { AreaResult } from '../../worker/analysis-client';
import { formatNumber } from '../common/format';
import { figureValue, KEY_FIGURES } from '../results/ResultsFigures';
import { coefficientRows } from '../results/ResultsMethod';
import { figuresOf } from '../results/results-model';

export interface ReportFigure {
  id: string;
  label: string;
  /** Unrounded central value (for checks), null without data. */
  value: number | null;
  central: string;
  range: string;
  unit: string;
}

export interface ReportRow {
  label: string;
  value: string;
}

/** A table as both the page and the PDF show it. */
export interface ReportTable {
  head: string[];
  rows: string[][];
}

/** The map image of the report: a JPEG data URL, small enough for a PDF under 1 MB. */
export interface ReportMapImage {
  dataUrl: string;
  width: number;
  height: number;
}

/** Everything the one-page report says, localized: the page and the PDF print the same content. */
export interface ReportContent {
  language: Language;
  title: string;
  subtitle: string;
  synthetic: boolean;
  mapImage: ReportMapImage | null;
  /** Headings and notes, in the page language. */
  text: {
    synthetic: string;
    map: string;
    mapMissing: string;
    scenario: string;
    keyFigures: string;
    breakdown: string;
    provenance: string;
    method: string;
    indicative: string;
  };
  /** Column heads of the key-figure table. */
  figureHead: string[];
  figures: ReportFigure[];
  /** The breakdown table exactly as shown: by soil group and land use, or each on its own. */
  breakdown: ReportTable;
  /** The provenance table exactly as shown. */
  provenanceTable: ReportTable;
  soilGroups: { name: string; ha: string }[];
  landUses: { name: string; ha: string }[];
  cross: { soilGroup: string; landUse: string; ha: string; stockTC: string }[];
  scenario: ReportRow[];
  /** The method in words. */
  method: string;
  /** Every distinct source of the coefficients (src/core/estimate/coefficients.json). */
  sources: string[];
  /** The data package, "Data package: <title> (<id>)", with the word synthetic when it is. */
  dataPackage: string;
  /** Layers grouped by their source and licence. */
  provenance: {
    layer: string;
    source: string;
    licence: string;
    resolution: string;
    date: string;
    synthetic: string;
  }[];
}

export interface ReportInput {
  name: string;
  result: AreaResult;
  scenario: Scenario;
  catalogue: Catalogue | null;
  language: Language;
  version: string;
  date: Date;
  mapImage: ReportContent['mapImage'];
  t: TFunction;
}

function classTitle(
  catalogue: Catalogue | null,
  layerId: string,
  name: string,
  language: Language,
) {
  const layer = catalogue?.layers.find((each) => each.id === layerId);
  return layer?.classes?.find((each) => each.name === name)?.title[language] ?? name;
}

/** Rows of the breakdown shown on the page: the largest first, the rest summed in one row. */
const CROSS_ROWS = 8;

function crossRows(
  cells: ReturnType<typeof figuresOf>['cross'],
  catalogue: Catalogue | null,
  language: Language,
  t: TFunction,
  number: (value: number, decimals: number) => string,
  ha: (value: number) => string,
): ReportContent['cross'] {
  const sorted = cells.filter((cell) => cell.ha > 0).sort((a, b) => b.ha - a.ha);
  const shown = sorted.length > CROSS_ROWS ? sorted.slice(0, CROSS_ROWS - 1) : sorted;
  const rest = sorted.slice(shown.length);
  const rows = shown.map((cell) => ({
    soilGroup: classTitle(catalogue, 'soil-group', cell.soilGroup, language),
    landUse: classTitle(catalogue, 'land-use', cell.landUse, language),
    ha: ha(cell.ha),
    stockTC: number(cell.stockTC, 0),
  }));
  if (rest.length) {
    rows.push({
      soilGroup: t('export.other', { count: rest.length }),
      landUse: '',
      ha: ha(rest.reduce((sum, cell) => sum + cell.ha, 0)),
      stockTC: number(
        rest.reduce((sum, cell) => sum + cell.stockTC, 0),
        0,
      ),
    });
  }
  return rows;
}

/** The analysed layers, one row per source, licence, resolution and date. */
function provenanceOf(
  catalogue: Catalogue | null,
  result: AreaResult,
  language: Language,
  t: TFunction,
): ReportContent['provenance'] {
  const rows = new Map<string, ReportContent['provenance'][number]>();
  for (const layer of catalogue?.layers ?? []) {
    if (!(layer.id in result.layers)) continue;
    const row = {
      layer: layer.title[language],
      source: layer.source[language],
      licence: layer.licence,
      resolution: `${layer.resolution_m} m`,
      date: layer.date,
      synthetic: layer.synthetic ? t('export.yes') : t('export.no'),
    };
    const key = [row.source, row.licence, row.resolution, row.date, row.synthetic].join('|');
    const known = rows.get(key);
    if (known) known.layer = `${known.layer}, ${row.layer}`;
    else rows.set(key, row);
  }
  return [...rows.values()];
}

/** Builds the report of one area from its result, the scenario and the catalogue. */
export function reportContent(input: ReportInput): ReportContent {
  const { t, language, catalogue, scenario } = input;
  const figures = figuresOf(input.result);
  const number = (value: number, decimals: number) => formatNumber(value, language, decimals);
  const rangeText = (range: Range | null, decimals: number) =>
    range ? `${number(range.low, decimals)}–${number(range.high, decimals)}` : '—';
  const ha = (value: number) => number(value, value < 10 ? 2 : 1);
  const keyFigures: ReportFigure[] = KEY_FIGURES.map(({ key, unit, decimals }) => {
    const figure = figureValue(figures, key);
    return {
      id: key,
      label: t(`results.figure.${key}`),
      value: figure?.value ?? null,
      central: figure ? number(figure.value, decimals) : t('results.noData'),
      range: rangeText(figure?.range ?? null, decimals),
      unit: t(`results.unit.${unit}`),
    };
  });
  const years = figures.horizonYears ?? scenario.horizon_years;
  if (figures.potentialHorizon) {
    keyFigures.push({
      id: 'potential-horizon',
      label: t('export.potentialHorizon', { years }),
      value: figures.potentialHorizon.central,
      central: number(figures.potentialHorizon.central, 0),
      range: rangeText(figures.potentialHorizon, 0),
      unit: t('results.unit.tco2'),
    });
  }
  if (figures.peat && figures.peat.ha > 0) {
    for (const [id, range] of [
      ['peat-emission', figures.peat.emission_t_co2_per_yr],
      ['peat-avoided', figures.peat.avoided_t_co2_per_yr],
    ] as const) {
      keyFigures.push({
        id,
        label: t(id === 'peat-emission' ? 'export.peatEmission' : 'export.peatAvoided'),
        value: range.central,
        central: number(range.central, 1),
        range: rangeText(range, 1),
        unit: t('results.unit.tco2yr'),
      });
    }
  }
  if (figures.sealing) {
    keyFigures.push({
      id: 'sealing-loss',
      label: t('export.sealingLoss'),
      value: figures.sealing.loss_t_c.central,
      central: number(figures.sealing.loss_t_c.central, 0),
      range: rangeText(figures.sealing.loss_t_c, 0),
      unit: t('results.unit.tc'),
    });
  }
  const measuresOn = Object.entries(scenario.measures)
    .filter(([, choice]) => choice.on)
    .map(([id, choice]) => `${t(`results.measureName.${id}`)} (${t(`scenario.${choice.level}`)})`);
  const percent = (share: number) => `${number(share * 100, 0)} %`;
  const cross = crossRows(figures.cross, catalogue, language, t, number, ha);
  const soilGroups = Object.entries(figures.soilGroups).map(([name, value]) => ({
    name: classTitle(catalogue, 'soil-group', name, language),
    ha: ha(value),
  }));
  const landUses = Object.entries(figures.landUses).map(([name, value]) => ({
    name: classTitle(catalogue, 'land-use', name, language),
    ha: ha(value),
  }));
  const provenance = provenanceOf(catalogue, input.result, language, t);
  return {
    language,
    title: t('export.reportTitle', { name: input.name || input.result.id }),
    subtitle: t('export.reportSubtitle', {
      version: input.version,
      date: input.date.toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB'),
    }),
    synthetic: figures.synthetic || (catalogue?.synthetic ?? false),
    mapImage: input.mapImage,
    text: {
      synthetic: t('export.reportSynthetic'),
      map: t('export.reportMap'),
      mapMissing: t('export.reportMapMissing'),
      scenario: t('export.reportScenario'),
      keyFigures: t('export.reportKeyFigures'),
      breakdown: t('export.reportBreakdown'),
      provenance: t('export.reportProvenance'),
      method: t('export.reportMethod'),
      indicative: t('export.reportIndicative'),
    },
    figureHead: [t('export.figure'), t('export.central'), t('export.range'), t('export.unit')],
    figures: keyFigures,
    soilGroups,
    landUses,
    cross,
    breakdown: cross.length
      ? {
          head: [
            t('export.soilGroup'),
            t('export.landUse'),
            t('export.hectares'),
            t('export.stockTC'),
          ],
          rows: cross.map((cell) => [cell.soilGroup, cell.landUse, cell.ha, cell.stockTC]),
        }
      : {
          head: [t('export.soilGroup'), t('export.hectares')],
          rows: [
            ...soilGroups.map((row) => [row.name, row.ha]),
            ...landUses.map((row) => [row.name, row.ha]),
          ],
        },
    provenanceTable: {
      head: [t('export.layer'), t('export.source'), t('export.licence'), t('export.details')],
      rows: provenance.map((row) => [
        row.layer,
        row.source,
        row.licence,
        `${row.resolution} · ${row.date}${row.synthetic === t('export.yes') ? ` · ${t('app.synthetic')}` : ''}`,
      ]),
    },
    scenario: [
      {
        label: t('export.scenarioMethod'),
        value: scenario.method === 'ipcc' ? 'IPCC Tier 1' : 'NL',
      },
      { label: t('export.scenarioFc'), value: number(scenario.f_c, 2) },
      { label: t('export.scenarioBd'), value: scenario.bd === 'obic' ? 'OBI' : 'BRO' },
      { label: t('export.scenarioHorizon'), value: `${years} ${t('export.years')}` },
      {
        label: t('export.scenarioMeasures'),
        value: measuresOn.length ? measuresOn.join(', ') : t('export.scenarioNone'),
      },
      { label: t('export.scenarioPeat'), value: `+${number(scenario.peat_water_cm, 0)} cm` },
      {
        label: t('export.scenarioSealedPlan'),
        value:
          scenario.sealed_share_plan === null
            ? t('export.scenarioSealedAsNow')
            : percent(scenario.sealed_share_plan),
      },
      { label: t('export.scenarioSealingLoss'), value: percent(scenario.sealing_loss) },
    ],
    method: `${t('results.methodName', {
      method: scenario.method === 'ipcc' ? t('results.methodIpcc') : t('results.methodNl'),
    })}. ${t('results.methodIntro')}`,
    sources: [...new Set(coefficientRows().map((row) => row.source))],
    provenance,
    dataPackage: catalogue
      ? `${t('packages.provenance', { title: `${catalogue.title[language]} (${catalogue.id})` })}${
          catalogue.synthetic ? ` · ${t('app.synthetic')}` : ''
        }`
      : '',
  };
}

/** A file-name part from an area name: lower case, ASCII letters and digits joined by dashes. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `koolstofkaart-<area name slug>-<YYYY-MM-DD>.pdf`, the date in local time as on the page. */
export function reportFileName(name: string, date: Date, fallback: string): string {
  const day = [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');
  return `koolstofkaart-${slugOf(name) || slugOf(fallback) || 'gebied'}-${day}.pdf`;
}
