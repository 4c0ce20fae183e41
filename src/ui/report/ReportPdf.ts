import type { ReportContent } from './ReportModel';

/**
 * Text for jsPDF's built-in Helvetica, which covers Latin-1 only: CO₂ becomes CO2, ≥ becomes >=,
 * dashes and curly quotes become their ASCII forms; anything else outside Latin-1 becomes `?`.
 */
export function pdfText(text: string): string {
  const replaced = text
    .replaceAll('₂', '2')
    .replaceAll('≥', '>=')
    .replaceAll('≤', '<=')
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replaceAll('…', '...')
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u202f', ' ');
  return [...replaced].map((ch) => ((ch.codePointAt(0) ?? 0) <= 0xff ? ch : '?')).join('');
}

const A4 = { width: 210, height: 297 };
const MARGIN = 12;

/** The one-page report as an A4 PDF (jsPDF, loaded only when asked for). */
export async function reportPdf(
  content: ReportContent,
  labels: Record<string, string>,
): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  const width = A4.width - MARGIN * 2;
  let y = MARGIN;
  const heading = (text: string) => {
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(10);
    doc.text(pdfText(text), MARGIN, y + 4);
    y += 6;
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(7.5);
  };
  const rows = (cells: string[][], columns: number[]) => {
    for (const row of cells) {
      let x = MARGIN;
      let height = 3.4;
      row.forEach((cell, index) => {
        const columnWidth = (columns[index] ?? 0.25) * width;
        const lines = doc.splitTextToSize(pdfText(cell), columnWidth - 1.5) as string[];
        doc.text(lines, x, y + 3);
        height = Math.max(height, lines.length * 3.2);
        x += columnWidth;
      });
      y += height;
    }
    y += 2;
  };
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(15);
  doc.text(pdfText(content.title), MARGIN, y + 5);
  y += 8;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  doc.text(pdfText(content.subtitle), MARGIN, y + 3);
  y += 5;
  if (content.synthetic) {
    doc.setTextColor(176, 0, 32);
    doc.text(pdfText(labels.synthetic ?? ''), MARGIN, y + 3);
    doc.setTextColor(0, 0, 0);
    y += 5;
  }
  if (content.mapImage) {
    const ratio = content.mapImage.height / content.mapImage.width;
    const imageWidth = Math.min(width, 95 / ratio);
    doc.addImage(content.mapImage.dataUrl, 'PNG', MARGIN, y, imageWidth, imageWidth * ratio);
    y += imageWidth * ratio + 3;
  }
  heading(labels.keyFigures ?? '');
  rows(
    [
      [labels.figure ?? '', labels.central ?? '', labels.range ?? '', labels.unit ?? ''],
      ...content.figures.map((f) => [f.label, f.central, f.range, f.unit]),
    ],
    [0.45, 0.18, 0.22, 0.15],
  );
  heading(labels.breakdown ?? '');
  rows(
    content.cross
      .slice(0, 12)
      .map((cell) => [
        `${cell.soilGroup} / ${cell.landUse}`,
        `${cell.ha} ha`,
        `${cell.stockTC} t C`,
      ]),
    [0.5, 0.25, 0.25],
  );
  heading(labels.scenario ?? '');
  rows(
    content.scenario.map((row) => [row.label, row.value]),
    [0.4, 0.6],
  );
  heading(labels.provenance ?? '');
  if (content.dataPackage) rows([[content.dataPackage]], [1]);
  rows(
    content.provenance.map((row) => [
      row.layer,
      row.source,
      row.licence,
      `${row.resolution}, ${row.date}`,
    ]),
    [0.2, 0.35, 0.3, 0.15],
  );
  if (y < A4.height - 40) {
    heading(labels.method ?? '');
    const text = `${content.method} ${content.sources.join(' · ')}`;
    const lines = doc.splitTextToSize(pdfText(text), width) as string[];
    const room = Math.max(0, Math.floor((A4.height - MARGIN - 10 - y) / 3.2));
    doc.text(lines.slice(0, room), MARGIN, y + 3);
    y += Math.min(lines.length, room) * 3.2 + 2;
  }
  doc.setFontSize(7);
  const note = doc.splitTextToSize(pdfText(labels.indicative ?? ''), width) as string[];
  doc.text(note, MARGIN, A4.height - MARGIN - (note.length - 1) * 3);
  return doc.output('blob');
}
