import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { analysisState } from '../../map/area-analysis';
import { useAppState } from '../../state/use-app-state';
import './report.css';
import { captureAreaImage } from '../export/ExportImage';
import { APP_VERSION, downloadBlob } from '../export/export-inputs';
import { type ReportContent, reportContent, reportFileName } from './ReportModel';

function Table(props: { head: string[]; rows: string[][]; testId?: string }) {
  return (
    <table className="report-table" data-testid={props.testId}>
      <thead>
        <tr>
          {props.head.map((cell) => (
            <th key={cell} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.join('|')}>
            {row.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-column row
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ImageState = 'making' | 'ready' | 'missing';

function ReportPage({ content, image }: { content: ReportContent; image: ImageState }) {
  const { t } = useTranslation();
  return (
    <article className="report-page" data-testid="report">
      <header>
        <h1>{content.title}</h1>
        <p className="report-subtitle">{content.subtitle}</p>
        {content.synthetic ? (
          <p className="report-synthetic" data-testid="report-synthetic">
            {content.text.synthetic}
          </p>
        ) : null}
      </header>
      <section className="report-columns">
        <div className="report-map">
          {content.mapImage ? (
            <img src={content.mapImage.dataUrl} alt={content.text.map} />
          ) : image === 'making' ? (
            <p className="report-map-making" data-testid="report-map-making">
              {t('report.mapMaking')}
            </p>
          ) : (
            <p className="muted">{content.text.mapMissing}</p>
          )}
        </div>
        <div>
          <h2>{content.text.scenario}</h2>
          <dl className="report-scenario">
            {content.scenario.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <section>
        <h2>{content.text.keyFigures}</h2>
        <table className="report-table">
          <thead>
            <tr>
              {content.figureHead.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.figures.map((figure) => (
              <tr key={figure.id}>
                <th scope="row">{figure.label}</th>
                <td
                  data-testid={`report-${figure.id}`}
                  data-value={figure.value === null ? '' : String(figure.value)}
                >
                  {figure.central}
                </td>
                <td>{figure.range}</td>
                <td>{figure.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="report-columns report-columns-even">
        <div>
          <h2>{content.text.breakdown}</h2>
          <Table
            testId="report-breakdown"
            head={content.breakdown.head}
            rows={content.breakdown.rows}
          />
        </div>
        <div>
          <h2>{content.text.provenance}</h2>
          <p data-testid="report-package">{content.dataPackage}</p>
          <Table
            testId="report-provenance"
            head={content.provenanceTable.head}
            rows={content.provenanceTable.rows}
          />
        </div>
      </section>
      <section className="report-method" data-testid="report-method">
        <h2>{content.text.method}</h2>
        <p>{content.method}</p>
        {/* Citations of the literature, as published (English): marked so for screen readers. */}
        <p className="report-sources" lang="en">
          {content.sources.join(' · ')}
        </p>
      </section>
      <footer>
        <p>{content.text.indicative}</p>
      </footer>
    </article>
  );
}

/** Every element of the page but the report, made inert while the report is open. */
function inertSiblings(root: HTMLElement): () => void {
  const others = [...document.body.children].filter(
    (element): element is HTMLElement =>
      element instanceof HTMLElement && element !== root && !element.inert,
  );
  for (const element of others) element.inert = true;
  return () => {
    for (const element of others) element.inert = false;
  };
}

/**
 * The printable one-page report of an area in a dialog over the app: print (A4 print stylesheet)
 * or download a PDF with the same content. The map image is taken with the area in view when the
 * dialog opens, and the map goes back to the user's view at once; until the image is there the
 * page says it is being made and the PDF waits. On close, focus returns to the control that
 * opened the report.
 */
export function Report(props: { areaId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const area = useAppState((state) => state.areas.find((each) => each.id === props.areaId));
  const scenario = useAppState((state) => state.scenario);
  const catalogue = useAppState((state) => state.catalogue);
  const result = useStore(analysisState, (state) => state.results[props.areaId]);
  const [mapImage, setMapImage] = useState<ReportContent['mapImage']>(null);
  const [image, setImage] = useState<ImageState>('making');
  const [message, setMessage] = useState('');
  const [date] = useState(() => new Date());
  const rootRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const geometry = area?.geometry;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = rootRef.current;
    const release = root ? inertSiblings(root) : () => undefined;
    closeRef.current?.focus();
    document.body.classList.add('report-open');
    return () => {
      document.body.classList.remove('report-open');
      release();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (!geometry) return;
    const abort = new AbortController();
    setImage('making');
    captureAreaImage(geometry, abort.signal)
      .then((taken) => {
        if (abort.signal.aborted) return;
        setMapImage(taken);
        setImage(taken ? 'ready' : 'missing');
      })
      .catch(() => {
        if (!abort.signal.aborted) setImage('missing');
      });
    return () => abort.abort();
  }, [geometry]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') props.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);

  if (!area || !result) return null;
  const content = reportContent({
    name: area.name,
    result,
    scenario,
    catalogue,
    language,
    version: APP_VERSION,
    date,
    mapImage,
    t,
  });
  const downloadPdf = async () => {
    if (image === 'making') return;
    try {
      const { reportPdf } = await import('./ReportPdf');
      const blob = await reportPdf(content);
      const name = reportFileName(area.name, date, t('report.area'));
      downloadBlob(blob, name);
      setMessage(t('export.done', { file: name }));
    } catch (error) {
      setMessage(t('export.pdfFailed', { detail: String(error) }));
    }
  };
  const status =
    message ||
    (image === 'making'
      ? t('report.pdfWaiting')
      : image === 'missing'
        ? t('report.mapFailed')
        : '');
  return createPortal(
    <div
      className="report-root"
      ref={rootRef}
      role="dialog"
      aria-modal="true"
      aria-label={content.title}
    >
      <div className="report-actions">
        <button type="button" onClick={() => window.print()}>
          {t('export.reportPrint')}
        </button>
        <button
          type="button"
          data-testid="report-pdf"
          disabled={image === 'making'}
          onClick={() => void downloadPdf()}
        >
          {t('export.reportPdf')}
        </button>
        <button type="button" ref={closeRef} onClick={props.onClose}>
          {t('export.reportClose')}
        </button>
        <span role="status">{status}</span>
      </div>
      <ReportPage content={content} image={image} />
    </div>,
    document.body,
  );
}
