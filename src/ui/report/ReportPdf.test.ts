import { unzlibSync } from 'fflate';
import { expect, test } from 'vitest';
import type { ReportContent } from './ReportModel';
import { reportPdf } from './ReportPdf';

/** The text of every string literal shown with Tj in the PDF's (inflated) content streams. */
function pdfStrings(bytes: Uint8Array): { text: string; pages: number } {
  const raw = Buffer.from(bytes).toString('latin1');
  const strings: string[] = [];
  const pattern = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    let body = bytes.subarray(start, raw.indexOf('endstream', start));
    if (/\/FlateDecode/.test(match[1] ?? '')) body = unzlibSync(body);
    const content = Buffer.from(body).toString('latin1');
    for (const literal of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      strings.push((literal[1] ?? '').replace(/\\([()\\])/g, '$1'));
    }
  }
  return { text: strings.join(' '), pages: raw.match(/\/Type\s*\/Page\b/g)?.length ?? 0 };
}

function content(rows: number): ReportContent {
  const row = (index: number) => [`Laag ${index}`, `Bron ${index}`, 'CC BY 4.0', '25 m · 2025'];
  return {
    language: 'nl',
    title: 'Bodemkoolstof 0–30 cm: Veld',
    subtitle: 'Koolstofkaart 1.0.0 · 3-12-2026',
    synthetic: true,
    mapImage: null,
    text: {
      synthetic: 'Let op: synthetisch',
      map: 'Kaart',
      mapMissing: 'Geen kaartbeeld beschikbaar.',
      scenario: 'Scenario',
      keyFigures: 'Kerncijfers',
      breakdown: 'Verdeling naar bodem en landgebruik',
      provenance: 'Herkomst van de gegevens',
      method: 'Methode en bronnen',
      indicative: 'Indicatief: alleen de bovenste 30 cm.',
    },
    figureHead: ['Grootheid', 'Centraal', 'Bandbreedte', 'Eenheid'],
    figures: [
      { id: 'stock-total', label: 'Voorraad', value: 1, central: '1', range: '0–2', unit: 't C' },
    ],
    breakdown: { head: ['Bodemgroep', 'ha'], rows: [['Zeeklei', '10']] },
    provenanceTable: {
      head: ['Kaartlaag', 'Bron', 'Licentie', 'Details'],
      rows: Array.from({ length: rows }, (_, index) => row(index)),
    },
    soilGroups: [],
    landUses: [],
    cross: [],
    scenario: [{ label: 'Methode', value: 'NL' }],
    method: 'Methode NL. '.repeat(40),
    sources: ['Bolinder et al. (2007)', 'IPCC (2019)'],
    dataPackage: 'Datapakket: Test (test)',
    provenance: [],
  };
}

test('a PDF without a map image says so, and long content runs onto a second page, whole', async () => {
  const short = pdfStrings(new Uint8Array(await (await reportPdf(content(3))).arrayBuffer()));
  expect(short.pages).toBe(1);
  expect(short.text).toContain('Geen kaartbeeld beschikbaar.');
  expect(short.text).toContain('Methode en bronnen');
  expect(short.text).toContain('Bolinder et al. (2007)');

  const long = pdfStrings(new Uint8Array(await (await reportPdf(content(60))).arrayBuffer()));
  expect(long.pages).toBeGreaterThan(1);
  for (const text of ['Laag 0', 'Laag 59', 'Methode en bronnen', 'IPCC (2019)', 'Indicatief']) {
    expect(long.text, text).toContain(text);
  }
});
