import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { analysisState } from '../../map/area-analysis';
import { useAppState } from '../../state/use-app-state';
import './report.css';
import { captureAreaImage } from '../export/ExportImage';
import { APP_VERSION, downloadBlob, fileName } from '../export/export-inputs';
import { type ReportContent, reportContent } from './ReportModel';

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

function ReportPage({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  return (
    <article className="report-page" data-testid="report">
      <header>
        <h1>{content.title}</h1>
        <p className="report-subtitle">{content.subtitle}</p>
        {content.synthetic ? (
          <p className="report-synthetic" data-testid="report-synthetic">
            {t('export.reportSynthetic')}
          </p>
        ) : null}
      </header>
      <section className="report-columns">
        <div className="report-map">
          {content.mapImage ? (
            <img src={content.mapImage.dataUrl} alt={t('export.reportMap')} />
          ) : (
            <p className="muted">{t('export.reportMapMissing')}</p>
          )}
        </div>
        <div>
          <h2>{t('export.reportScenario')}</h2>
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
        <h2>{t('export.reportKeyFigures')}</h2>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('export.figure')}</th>
              <th scope="col">{t('export.central')}</th>
              <th scope="col">{t('export.range')}</th>
              <th scope="col">{t('export.unit')}</th>
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
          <h2>{t('export.reportBreakdown')}</h2>
          {content.cross.length ? (
            <Table
              testId="report-breakdown"
              head={[
                t('export.soilGroup'),
                t('export.landUse'),
                t('export.hectares'),
                t('export.stockTC'),
              ]}
              rows={content.cross.map((cell) => [
                cell.soilGroup,
                cell.landUse,
                cell.ha,
                cell.stockTC,
              ])}
            />
          ) : (
            <Table
              testId="report-breakdown"
              head={[t('export.soilGroup'), t('export.hectares')]}
              rows={[
                ...content.soilGroups.map((row) => [row.name, row.ha]),
                ...content.landUses.map((row) => [row.name, row.ha]),
              ]}
            />
          )}
        </div>
        <div>
          <h2>{t('export.reportProvenance')}</h2>
          <p data-testid="report-package">{content.dataPackage}</p>
          <Table
            testId="report-provenance"
            head={[t('export.layer'), t('export.source'), t('export.licence'), t('export.details')]}
            rows={content.provenance.map((row) => [
              row.layer,
              row.source,
              row.licence,
              `${row.resolution} · ${row.date}${row.synthetic === t('export.yes') ? ` · ${t('app.synthetic')}` : ''}`,
            ])}
          />
        </div>
      </section>
      <section className="report-method" data-testid="report-method">
        <h2>{t('export.reportMethod')}</h2>
        <p>{content.method}</p>
        {/* Citations of the literature, as published (English): marked so for screen readers. */}
        <p className="report-sources" lang="en">
          {content.sources.join(' · ')}
        </p>
      </section>
      <footer>
        <p>{t('export.reportIndicative')}</p>
      </footer>
    </article>
  );
}

/** Labels of the PDF, in the page language. */
function pdfLabels(t: (key: string) => string): Record<string, string> {
  return {
    synthetic: t('export.reportSynthetic'),
    keyFigures: t('export.reportKeyFigures'),
    figure: t('export.figure'),
    central: t('export.central'),
    range: t('export.range'),
    unit: t('export.unit'),
    breakdown: t('export.reportBreakdown'),
    scenario: t('export.reportScenario'),
    provenance: t('export.reportProvenance'),
    method: t('export.reportMethod'),
    indicative: t('export.reportIndicative'),
  };
}

/**
 * The printable one-page report of an area in a dialog over the app: print (A4 print stylesheet)
 * or download a PDF. The map image is taken with the area in view when the dialog opens.
 */
export function Report(props: { areaId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const area = useAppState((state) => state.areas.find((each) => each.id === props.areaId));
  const scenario = useAppState((state) => state.scenario);
  const catalogue = useAppState((state) => state.catalogue);
  const result = useStore(analysisState, (state) => state.results[props.areaId]);
  const [mapImage, setMapImage] = useState<ReportContent['mapImage']>(null);
  const [message, setMessage] = useState('');
  const [date] = useState(() => new Date());
  const closeRef = useRef<HTMLButtonElement>(null);
  const geometry = area?.geometry;

  useEffect(() => {
    closeRef.current?.focus();
    document.body.classList.add('report-open');
    return () => document.body.classList.remove('report-open');
  }, []);

  useEffect(() => {
    if (!geometry) return;
    let cancelled = false;
    captureAreaImage(geometry)
      .then((image) => {
        if (!cancelled) setMapImage(image);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
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
    try {
      const { reportPdf } = await import('./ReportPdf');
      const blob = await reportPdf(content, pdfLabels(t));
      const name = fileName(`rapport-${area.id}`.replace(/[^\w.-]+/g, '_'), 'pdf', date);
      downloadBlob(blob, name);
      setMessage(t('export.done', { file: name }));
    } catch (error) {
      setMessage(t('export.pdfFailed', { detail: String(error) }));
    }
  };
  return createPortal(
    <div className="report-root" role="dialog" aria-modal="true" aria-label={content.title}>
      <div className="report-actions">
        <button type="button" onClick={() => window.print()}>
          {t('export.reportPrint')}
        </button>
        <button type="button" onClick={() => void downloadPdf()}>
          {t('export.reportPdf')}
        </button>
        <button type="button" ref={closeRef} onClick={props.onClose}>
          {t('export.reportClose')}
        </button>
        <span role="status">{message}</span>
      </div>
      <ReportPage content={content} />
    </div>,
    document.body,
  );
}
