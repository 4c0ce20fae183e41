import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  followPanelTabs,
  panelTabs,
  SHEET_TABS,
  setSheetSize,
  showPanel,
  useSmallScreen,
} from './panel-tabs';
import './layout.css';

/**
 * The bottom sheet's tabs on a small screen (hidden on a wide one, which shows every panel): one
 * panel at a time, with buttons to make the sheet larger, smaller or fold it away.
 */
export function PanelTabs() {
  const { t } = useTranslation();
  const small = useSmallScreen();
  const { sheet, size } = useStore(panelTabs);
  const nav = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const root = nav.current?.closest<HTMLElement>('.app');
    return root ? followPanelTabs(root) : undefined;
  }, []);
  return (
    <nav ref={nav} className="panel-tabs sheet-tabs" aria-label={t('layout.tabs')}>
      <div role="tablist" className="panel-tab-list">
        {SHEET_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            className="panel-tab"
            data-tab={tab}
            aria-selected={tab === sheet && size !== 'collapsed'}
            onClick={() =>
              tab === sheet && size !== 'collapsed' ? setSheetSize('collapsed') : showPanel(tab)
            }
          >
            {t(`layout.${tab}`)}
          </button>
        ))}
      </div>
      {small ? (
        <div className="sheet-size">
          <button
            type="button"
            className="icon-button"
            data-testid="sheet-bigger"
            aria-label={size === 'full' ? t('layout.smaller') : t('layout.bigger')}
            title={size === 'full' ? t('layout.smaller') : t('layout.bigger')}
            onClick={() => setSheetSize(size === 'full' ? 'half' : 'full')}
          >
            <span aria-hidden="true">{size === 'full' ? '▾' : '▴'}</span>
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="sheet-hide"
            aria-label={size === 'collapsed' ? t('layout.show') : t('layout.hide')}
            title={size === 'collapsed' ? t('layout.show') : t('layout.hide')}
            aria-expanded={size !== 'collapsed'}
            onClick={() => setSheetSize(size === 'collapsed' ? 'half' : 'collapsed')}
          >
            <span aria-hidden="true">{size === 'collapsed' ? '☰' : '✕'}</span>
          </button>
        </div>
      ) : null}
    </nav>
  );
}
