import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  loadPackageIndex,
  openPackageFolder,
  openPackageUrl,
  openPackageZip,
  packageState,
  switchPackage,
} from '../../map/active-package';
import { useAppState } from '../../state/use-app-state';

/**
 * The data package in use (DESIGN 8.1): a picker of the packages of data/packages/index.json and
 * those opened in this page, and ways to open one from a zip, a folder or a URL. A refused package
 * lists its problems; the package in use and every area stay.
 */
export function PackagePicker() {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const catalogue = useAppState((state) => state.catalogue);
  const choices = useStore(packageState, (state) => state.choices);
  const problems = useStore(packageState, (state) => state.problems);
  const opening = useStore(packageState, (state) => state.opening);
  const [url, setUrl] = useState('');
  const selectId = useId();
  const urlId = useId();
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadPackageIndex();
  }, []);
  useEffect(() => {
    // React does not know the attribute: set it on the element.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);
  const catalogueUrl = useAppState((state) => state.catalogueUrl);
  // The choice whose catalogue the map shows (by address: a package opened from a file may have
  // the id of one in the list).
  const activeUrl = choices.find((choice) => choice.catalogueUrl === catalogueUrl)?.catalogueUrl;
  const onZip = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void openPackageZip(file);
  };
  const onFolder = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0) void openPackageFolder(files);
  };
  const onUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) void openPackageUrl(url.trim());
  };
  return (
    <section className="package-picker" aria-label={t('packages.title')}>
      <label htmlFor={selectId} className="package-label">
        {t('packages.title')}
      </label>
      <select
        id={selectId}
        value={activeUrl ?? ''}
        onChange={(event) => {
          if (event.target.value) switchPackage(event.target.value);
        }}
      >
        {activeUrl ? null : <option value="">{catalogue?.title[language] ?? '…'}</option>}
        {choices.map((choice) => (
          <option key={choice.catalogueUrl} value={choice.catalogueUrl}>
            {choice.title[language]}
            {choice.local ? ` (${t('packages.openedLocal')})` : ''}
          </option>
        ))}
      </select>
      <details className="package-open">
        <summary>{t('packages.open')}</summary>
        <label className="package-file">
          {t('packages.openZip')}
          <input type="file" accept=".zip,application/zip" onChange={onZip} disabled={opening} />
        </label>
        <label className="package-file">
          {t('packages.openFolder')}
          <input ref={folderInput} type="file" multiple onChange={onFolder} disabled={opening} />
        </label>
        <form onSubmit={onUrl} className="package-url">
          <label htmlFor={urlId}>{t('packages.openUrl')}</label>
          <input
            id={urlId}
            type="url"
            value={url}
            placeholder="https://…/pakket/"
            onChange={(event) => setUrl(event.target.value)}
          />
          <button type="submit" disabled={opening}>
            {t('packages.openUrlButton')}
          </button>
        </form>
      </details>
      {opening ? <p className="panel-status">{t('packages.opening')}</p> : null}
      {problems ? (
        <div className="panel-status panel-error" role="alert">
          <p>{t('packages.refused', { count: problems.length })}</p>
          <ul className="package-problems">
            {problems.map((problem, i) => (
              // Problems have no identity of their own; the list is replaced as a whole.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>{t(problem.code, problem.params)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
