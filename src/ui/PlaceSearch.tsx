import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MunicipalityHit,
  type MunicipalitySearch,
  searchMunicipalities,
} from '../core/places/municipalities';
import { loadMunicipalitySearch } from '../map/municipality-data';
import { type ChoiceOutcome, chooseMunicipality } from './place-choice';
import './place-search.css';

/** Hits shown per group. */
const MAX_HITS = 10;

type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

/** One option of the list, whatever its source. */
export interface SearchOption {
  key: string;
  label: string;
  detail?: string;
  choose: () => Promise<ChoiceOutcome>;
}

function municipalityOption(
  hit: MunicipalityHit,
  aliasText: (alias: string) => string,
): SearchOption {
  const { entry } = hit;
  return {
    key: `m-${entry.code}`,
    label: `${entry.name} (${entry.code})`,
    detail: hit.matched === 'alias' && hit.alias ? aliasText(hit.alias) : undefined,
    choose: () => chooseMunicipality(entry),
  };
}

/**
 * The top bar's search box: an ARIA 1.2 combobox with a listbox popup. Finds the shipped 2022
 * municipalities offline by name or code as the user types; choosing one adds its outline as an
 * area. Keys: ↓/↑ move through the results (↓ opens the list), Home/End go to the first/last result
 * while one is highlighted, Enter chooses the highlighted (else the first) result, Esc closes the
 * list (and clears the box when it is already closed). A polite live region says how many results.
 */
export function PlaceSearch() {
  const { t } = useTranslation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loadState, setLoadState] = useState<LoadState>('idle');
  const [loaded, setLoaded] = useState<MunicipalitySearch | null>(null);
  const [message, setMessage] = useState('');

  const load = () => {
    if (loadState === 'loading' || loadState === 'ready') return;
    setLoadState('loading');
    void loadMunicipalitySearch().then((search) => {
      if (!search.ok) {
        setLoadState('failed');
        setMessage(t(search.error.code, search.error.params));
        return;
      }
      setLoaded(search.value);
      setLoadState('ready');
    });
  };

  const options = useMemo<SearchOption[]>(() => {
    if (!loaded || query.trim() === '') return [];
    return searchMunicipalities(loaded, query, MAX_HITS).map((hit) =>
      municipalityOption(hit, (alias) => t('places.alias', { alias })),
    );
  }, [loaded, query, t]);

  // The live region says how many results there are while the list is open.
  useEffect(() => {
    if (!open || query.trim() === '') return;
    if (loadState === 'loading') setMessage(t('places.loading'));
    else if (loadState === 'ready') {
      setMessage(
        options.length > 0 ? t('places.hits', { count: options.length }) : t('places.noHits'),
      );
    }
  }, [open, query, options.length, loadState, t]);

  const expanded = open && options.length > 0;
  const activeOption = expanded ? options[active] : undefined;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = async (option: SearchOption) => {
    setOpen(false);
    setActive(-1);
    setQuery(option.label);
    const outcome = await option.choose();
    switch (outcome.kind) {
      case 'added':
        setMessage(t('places.added', { name: outcome.name }));
        break;
      case 'already-there':
        setMessage(t('places.alreadyThere', { name: outcome.name }));
        break;
      case 'shown':
        setMessage(t('places.placeShown', { name: outcome.name }));
        break;
      case 'failed':
        setMessage(t(outcome.error.code, outcome.error.params));
        break;
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${String(never)}`);
      }
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(options.length > 0 && !event.altKey ? 0 : -1);
        } else setActive(active >= last ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(last);
        } else setActive(active <= 0 ? last : active - 1);
        break;
      case 'Home':
      case 'End':
        // With a result highlighted the keys move in the list; otherwise in the text.
        if (expanded && active >= 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : last);
        }
        break;
      case 'Enter': {
        const option = expanded ? (options[active] ?? options[0]) : undefined;
        if (option) {
          event.preventDefault();
          void choose(option);
        }
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else {
          setQuery('');
          setMessage('');
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className="place-search">
      <input
        ref={input}
        type="text"
        role="combobox"
        className="place-search-input"
        aria-label={t('places.searchLabel')}
        placeholder={t('places.searchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onFocus={load}
        onChange={(event) => {
          load();
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('places.municipalities')}
        className="place-search-list"
        hidden={!expanded}
      >
        {expanded &&
          options.map((option, index) => (
            // The combobox keeps the focus (aria-activedescendant) and handles the keys.
            // biome-ignore lint/a11y/useFocusableInteractive: options of an activedescendant listbox
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
            <div
              key={option.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="place-search-option"
              // Keep the focus in the box; the click chooses.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(option)}
            >
              {option.label}
              {option.detail && <span className="place-search-detail"> {option.detail}</span>}
            </div>
          ))}
      </div>
      <p
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="place-search-status"
      >
        {message}
      </p>
    </div>
  );
}
