import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Range } from '../../core/estimate/types';
import { batchCsv } from '../../core/export/batch-csv';
import {
  BATCH_COLUMNS,
  type BatchColumn,
  type BatchRow,
  batchRowOf,
  batchTotals,
  type SortDirection,
  sortRows,
} from '../../core/export/batch-table';
import { analysisState, cancelAreaAnalysis, rerunAreaAnalysis } from '../../map/area-analysis';
import type { Language } from '../../state/settings-slice';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import './batch-panel.css';

/** Rows per page: 10,000 areas stay smooth because only one page is in the DOM. */
export const BATCH_PAGE_SIZE = 100;

/** Decimals shown per column (DESIGN.md 7.4). */
const DECIMALS: Record<Exclude<BatchColumn, 'name'>, number> = {
  areaHa: 2,
  coveragePct: 1,
  sealedPct: 1,
  omMean: 2,
  stockMean: 1,
  stockTotal: 0,
  co2Total: 0,
  deficitTotal: 0,
  potentialYear: 1,
};

type NumberColumn = Exclude<BatchColumn, 'name'>;

function NumberCell({
  value,
  column,
  language,
}: {
  value: number | Range | null;
  column: NumberColumn;
  language: Language;
}) {
  const { t } = useTranslation();
  if (value === null) return <td className="batch-number muted">–</td>;
  const decimals = DECIMALS[column];
  const central = typeof value === 'number' ? value : value.central;
  const title =
    typeof value === 'number'
      ? undefined
      : t('batch.range', {
          low: formatNumber(value.low, language, decimals),
          high: formatNumber(value.high, language, decimals),
        });
  return (
    <td className="batch-number" title={title} data-value={String(central)}>
      {formatNumber(central, language, decimals)}
    </td>
  );
}

function Status({ total }: { total: number }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const status = useStore(analysisState, (state) => state.status);
  const progress = useStore(analysisState, (state) => state.progress);
  const error = useStore(analysisState, (state) => state.error);
  const busy = status === 'running' || status === 'opening';
  return (
    <div className="batch-status" data-testid="batch-status" data-status={status}>
      {status === 'opening' ? <span role="status">{t('batch.opening')}</span> : null}
      {status === 'running' ? (
        <span role="status">
          {t('batch.running', {
            done: formatNumber(Math.floor(progress?.done ?? 0), language, 0),
            total: formatNumber(progress?.total ?? total, language, 0),
          })}
        </span>
      ) : null}
      {busy ? (
        <progress
          aria-label={t('batch.progress')}
          max={progress?.total ?? total}
          value={progress?.done ?? 0}
          data-testid="batch-progress"
        />
      ) : null}
      {status === 'cancelled' ? <span role="status">{t('batch.cancelled')}</span> : null}
      {status === 'failed' ? (
        <span role="alert">
          {t('batch.failed', { detail: error ? t(error.code, error.params) : '' })}
        </span>
      ) : null}
      <button type="button" onClick={cancelAreaAnalysis} disabled={!busy}>
        {t('batch.cancel')}
      </button>
      {status === 'cancelled' || status === 'failed' ? (
        <button type="button" onClick={rerunAreaAnalysis}>
          {t('batch.rerun')}
        </button>
      ) : null}
    </div>
  );
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: BatchColumn;
  sort: { column: BatchColumn; direction: SortDirection };
  onSort: (column: BatchColumn) => void;
}) {
  const { t } = useTranslation();
  const active = sort.column === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" onClick={() => onSort(column)} data-column={column}>
        {t(`batch.column.${column}`)}
        <span aria-hidden="true" className="batch-sort-mark">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

function TableBody({ rows, language }: { rows: BatchRow[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} data-area-id={row.id} className={row.done ? undefined : 'batch-pending'}>
          <th scope="row" title={row.done ? undefined : t('batch.pending')}>
            {row.name}
          </th>
          {BATCH_COLUMNS.filter((column) => column !== 'name').map((column) => (
            <NumberCell
              key={column}
              column={column as NumberColumn}
              value={row[column as NumberColumn]}
              language={language}
            />
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/** The table of all areas with their key figures, sortable, with totals and a CSV export. */
export function BatchPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const areas = useAppState((state) => state.areas);
  const method = useAppState((state) => state.scenario.method);
  const results = useStore(analysisState, (state) => state.results);
  const synthetic = useStore(analysisState, (state) => state.synthetic);
  const [sort, setSort] = useState<{ column: BatchColumn; direction: SortDirection }>({
    column: 'name',
    direction: 'ascending',
  });
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () => areas.map((area, index) => batchRowOf(index, area, results[area.id])),
    [areas, results],
  );
  const sorted = useMemo(() => sortRows(rows, sort.column, sort.direction), [rows, sort]);
  const totals = useMemo(() => batchTotals(rows), [rows]);
  const pages = Math.max(1, Math.ceil(sorted.length / BATCH_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * BATCH_PAGE_SIZE, (current + 1) * BATCH_PAGE_SIZE);
  const onSort = (column: BatchColumn) => {
    setSort((before) =>
      before.column === column
        ? {
            column,
            direction: before.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { column, direction: column === 'name' ? 'ascending' : 'descending' },
    );
    setPage(0);
  };
  const exportCsv = () => {
    const comment = `${t('batch.csvComment', { method })}${synthetic ? ` | ${t('batch.synthetic')}` : ''}`;
    download(batchCsv(sorted, language, comment), 'koolstofkaart-gebieden.csv');
  };
  const count = (value: number) => formatNumber(value, language, 0);
  // A modal dialog in the top layer: above the toolbar, badge, basemap switch and inspector, with
  // the page behind it inert.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="batch-panel"
      aria-labelledby="batch-title"
      data-testid="batch-panel"
      // Esc closes a modal dialog natively; the close event then unmounts it.
      onClose={onClose}
    >
      <div className="batch-heading">
        <h2 id="batch-title">
          {t('batch.title')}{' '}
          <span className="muted">{t('batch.count', { count: areas.length })}</span>
        </h2>
        <button type="button" onClick={exportCsv} disabled={totals.count === 0}>
          {t('batch.export')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('batch.close')}
        </button>
      </div>
      <Status total={areas.length} />
      {synthetic ? <p className="muted">{t('results.syntheticNote')}</p> : null}
      {areas.length === 0 ? <p className="muted">{t('batch.empty')}</p> : null}
      <div className="batch-scroll">
        <table className="batch-table" data-testid="batch-table">
          <thead>
            <tr>
              {BATCH_COLUMNS.map((column) => (
                <HeaderCell key={column} column={column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <TableBody rows={visible} language={language} />
          <tfoot data-testid="batch-totals" data-count={totals.count}>
            <tr>
              <th scope="row">
                {t('batch.total', { count: count(totals.count), all: count(areas.length) })}
              </th>
              {BATCH_COLUMNS.filter((column) => column !== 'name').map((column) => (
                <NumberCell
                  key={column}
                  column={column as NumberColumn}
                  value={column === 'areaHa' ? totals.areaHa : totals[column as NumberColumn]}
                  language={language}
                />
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('batch.totalNote')}</p>
      {pages > 1 ? (
        <nav className="batch-pages" aria-label={t('batch.title')}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t('batch.previous')}
          </button>
          <span>
            {t('batch.rows', {
              from: count(current * BATCH_PAGE_SIZE + 1),
              to: count(Math.min(sorted.length, (current + 1) * BATCH_PAGE_SIZE)),
              total: count(sorted.length),
            })}
          </span>
          <button
            type="button"
            onClick={() => setPage(current + 1)}
            disabled={current >= pages - 1}
          >
            {t('batch.next')}
          </button>
        </nav>
      ) : null}
    </dialog>
  );
}
