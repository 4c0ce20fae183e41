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
/** Tallest map image, mm: as on the printed page, with room for the tables below it. */
const MAP_HEIGHT = 85;
/** Line height of 7.5 pt text, mm. */
const LINE = 3.2;

/**
 * The report as an A4 PDF (jsPDF, loaded only when asked for), with the same content in the same
 * order as the page: title, notes, map image, scenario, key figures, breakdown, provenance, method
 * and sources, and the note that the figures are indicative. Nothing is cut: when the content runs
 * past the page, it continues on the next one. The map image is embedded as the JPEG it already is.
 */
export async function reportPdf(content: ReportContent): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  const width = A4.width - MARGIN * 2;
  const bottom = A4.height - MARGIN;
  let y = MARGIN;
  const room = (height: number) => {
    if (y + height <= bottom) return;
    doc.addPage();
    y = MARGIN;
  };
  const font = (style: 'normal' | 'bold', size: number) => {
    doc.setFont('helvetica', style);
    doc.setFontSize(size);
  };
  const paragraph = (text: string, size = 7.5, lineHeight = LINE) => {
    font('normal', size);
    const lines = doc.splitTextToSize(pdfText(text), width) as string[];
    for (const line of lines) {
      room(lineHeight);
      doc.text(line, MARGIN, y + lineHeight - 0.6);
      y += lineHeight;
    }
    y += 1;
  };
  const heading = (text: string) => {
    room(6 + LINE);
    font('bold', 10);
    doc.text(pdfText(text), MARGIN, y + 4);
    y += 6;
  };
  const table = (head: string[], cells: string[][], columns: number[]) => {
    for (const [index, row] of (head.length ? [head, ...cells] : cells).entries()) {
      font(index === 0 && head.length ? 'bold' : 'normal', 7.5);
      const wrapped = row.map(
        (cell, column) =>
          doc.splitTextToSize(pdfText(cell), (columns[column] ?? 0.25) * width - 1.5) as string[],
      );
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * LINE + 0.4;
      room(height);
      let x = MARGIN;
      wrapped.forEach((lines, column) => {
        if (lines.length) doc.text(lines, x, y + LINE - 0.6, { lineHeightFactor: 1.2 });
        x += (columns[column] ?? 0.25) * width;
      });
      y += height;
      doc.setDrawColor(221, 221, 221);
      doc.line(MARGIN, y - 0.2, MARGIN + width, y - 0.2);
    }
    y += 2;
  };
  const even = (count: number) => Array.from({ length: count }, () => 1 / count);

  font('bold', 15);
  const title = doc.splitTextToSize(pdfText(content.title), width) as string[];
  doc.text(title, MARGIN, y + 5);
  y += title.length * 6.1 + 2;
  paragraph(content.subtitle, 8.5, 3.6);
  if (content.synthetic) {
    doc.setTextColor(176, 0, 32);
    font('bold', 8.5);
    paragraph(content.text.synthetic, 8.5, 3.6);
    doc.setTextColor(0, 0, 0);
  }
  if (content.mapImage) {
    const ratio = content.mapImage.height / content.mapImage.width;
    const imageWidth = Math.min(width, MAP_HEIGHT / ratio);
    room(imageWidth * ratio + 3);
    doc.addImage(content.mapImage.dataUrl, 'JPEG', MARGIN, y + 1, imageWidth, imageWidth * ratio);
    y += imageWidth * ratio + 3;
  } else {
    paragraph(content.text.mapMissing);
  }
  heading(content.text.scenario);
  table(
    [],
    content.scenario.map((row) => [row.label, row.value]),
    [0.45, 0.55],
  );
  heading(content.text.keyFigures);
  table(
    content.figureHead,
    content.figures.map((figure) => [figure.label, figure.central, figure.range, figure.unit]),
    [0.45, 0.18, 0.22, 0.15],
  );
  heading(content.text.breakdown);
  table(
    content.breakdown.head,
    content.breakdown.rows,
    content.breakdown.head.length === 4 ? [0.3, 0.3, 0.2, 0.2] : even(2),
  );
  heading(content.text.provenance);
  if (content.dataPackage) paragraph(content.dataPackage);
  table(content.provenanceTable.head, content.provenanceTable.rows, [0.22, 0.36, 0.22, 0.2]);
  heading(content.text.method);
  paragraph(content.method, 6.5, 2.8);
  paragraph(content.sources.join(' · '), 6.5, 2.8);
  y += 2;
  paragraph(content.text.indicative, 8, 3.4);
  return doc.output('blob');
}
