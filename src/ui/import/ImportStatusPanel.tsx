import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Note } from '../../core/result';
import { cancelImport, dismissImport, importState, repairLastImport } from './import-run';

/** Notes beyond this many are folded away behind a "show all" summary. */
const OPEN_NOTES = 5;
/** Names of imported areas listed before "and N more". */
const LISTED_NAMES = 5;

const NOTICE_KINDS = new Set(['reprojected', 'ring-closed', 'axes-swapped', 'repaired', 'no-data']);

function NoteItem({ note, t }: { note: Note; t: TFunction }) {
  // Every value goes through React as text: nothing from the file is read as HTML.
  return (
    <li data-kind={note.kind} data-code={note.code}>
      {note.feature !== null ? (
        <strong>{t('importing.feature', { feature: note.feature })}: </strong>
      ) : null}
      {t(note.code, note.params)}
    </li>
  );
}

function NoteList({ notes, t }: { notes: Note[]; t: TFunction }) {
  const items = notes.map((note, index) => (
    // Notes have no id of their own; their order is fixed by the parser.
    // biome-ignore lint/suspicious/noArrayIndexKey: a note list never reorders
    <NoteItem key={index} note={note} t={t} />
  ));
  if (notes.length <= OPEN_NOTES) return <ul className="import-notes">{items}</ul>;
  return (
    <details className="import-more">
      <summary>{t('importing.showAll', { count: notes.length })}</summary>
      <ul className="import-notes">{items}</ul>
    </details>
  );
}

function DismissButton({ t }: { t: TFunction }) {
  return (
    <button
      type="button"
      className="icon-button import-dismiss"
      aria-label={t('importing.dismiss')}
      title={t('importing.dismiss')}
      onClick={dismissImport}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

function RepairButton({ t }: { t: TFunction }) {
  return (
    <button type="button" title={t('importing.repairHint')} onClick={() => void repairLastImport()}>
      {t('importing.repair')}
    </button>
  );
}

/** Progress with a cancel button while a file is read; afterwards what was imported or why not. */
export function ImportStatusPanel() {
  const { t } = useTranslation();
  const status = useStore(importState);
  if (status.phase === 'idle') return null;
  const file = status.file ?? t('importing.pasted');
  if (status.phase === 'running') {
    return (
      <section
        className="import-status"
        role="status"
        data-testid="import-status"
        data-phase="running"
      >
        <p>{t('importing.reading', { file })}</p>
        <progress max={1} value={status.progress} aria-label={t('importing.progress')} />
        <button type="button" onClick={cancelImport}>
          {t('importing.cancel')}
        </button>
      </section>
    );
  }
  if (status.phase === 'cancelled') {
    return (
      <section
        className="import-status"
        role="status"
        data-testid="import-status"
        data-phase="cancelled"
      >
        <p>{t('importing.cancelled', { file })}</p>
        <DismissButton t={t} />
      </section>
    );
  }
  if (status.phase === 'failed') {
    return (
      <section
        className="import-status is-error"
        role="alert"
        data-testid="import-status"
        data-phase="failed"
        data-kind={status.error.kind}
        data-code={status.error.code}
      >
        <h2>
          {t('importing.failedTitle', { file, kind: t(`importing.kind.${status.error.kind}`) })}
        </h2>
        <p className="import-message">{t(status.error.code, status.error.params)}</p>
        {status.canRepair ? <RepairButton t={t} /> : null}
        <DismissButton t={t} />
      </section>
    );
  }
  const skipped = status.notes.filter(
    (note) => note.feature !== null && !NOTICE_KINDS.has(note.kind),
  );
  const notices = status.notes.filter((note) => NOTICE_KINDS.has(note.kind));
  const summary = status.notes.filter((note) => note.kind === 'partial');
  const names = status.added.slice(0, LISTED_NAMES).map((area) => area.name);
  const more = status.added.length - names.length;
  return (
    <section
      className={skipped.length > 0 ? 'import-status is-warning' : 'import-status'}
      role="status"
      data-testid="import-status"
      data-phase="done"
      data-imported={status.added.length}
      data-skipped={skipped.length}
    >
      <h2>{t('importing.imported', { count: status.added.length, file })}</h2>
      {names.length > 0 ? (
        <p className="import-names">
          {t('importing.importedNames')} {names.join(', ')}
          {more > 0 ? ` ${t('importing.andMore', { count: more })}` : ''}
        </p>
      ) : null}
      {status.extra ? <p>{t(status.extra.code, status.extra.params)}</p> : null}
      {skipped.length > 0 ? (
        <>
          <h3>{t('importing.skipped', { count: skipped.length })}</h3>
          {summary.map((note) => (
            <p key={note.code}>{t(note.code, note.params)}</p>
          ))}
          <NoteList notes={skipped} t={t} />
        </>
      ) : null}
      {notices.length > 0 ? (
        <>
          <h3>{t('importing.notices')}</h3>
          <NoteList notes={notices} t={t} />
        </>
      ) : null}
      {status.canRepair ? <RepairButton t={t} /> : null}
      <DismissButton t={t} />
    </section>
  );
}
