import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceSuggestion } from '../../core/places/locatieserver';
import {
  findMunicipality,
  type MunicipalityHit,
  type MunicipalitySearch,
  normalizeForSearch,
  searchMunicipalities,
} from '../../core/places/municipalities';
import { loadMunicipalitySearch } from '../../map/municipality-data';
import { useAppState } from '../../state/use-app-state';
import { type ChoiceOutcome, chooseMunicipality, choosePlace } from './place-choice';
import { usePlaceSuggestions } from './use-place-suggestions';

/** Municipalities shown at most. */
const MAX_HITS = 10;

type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

/** One option of the list, whatever its source. */
interface SearchOption {
  key: string;
  group: 'municipalities' | 'places';
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
    group: 'municipalities',
    label: `${entry.name} (${entry.code})`,
    detail: hit.matched === 'alias' && hit.alias ? aliasText(hit.alias) : undefined,
    choose: () => chooseMunicipality(entry),
  };
}

/** PDOK's municipality suggestions that the shipped list already shows are left out. */
function placeOptions(
  suggestions: readonly PlaceSuggestion[],
  hits: readonly MunicipalityHit[],
  search: MunicipalitySearch | null,
): SearchOption[] {
  const shown = new Set(hits.map((hit) => normalizeForSearch(hit.entry.name)));
  return suggestions
    .filter(
      (suggestion) =>
        suggestion.type !== 'gemeente' ||
        !shown.has(normalizeForSearch(suggestion.label.replace(/^Gemeente\s+/i, ''))),
    )
    .map((suggestion) => ({
      key: `p-${suggestion.id}`,
      group: 'places',
      label: suggestion.label,
      choose: () =>
        choosePlace(suggestion, (code) => (search ? findMunicipality(search.entries, code) : null)),
    }));
}

/**
 * The top bar's search box: an ARIA 1.2 combobox with a listbox popup. Finds the shipped 2022
 * municipalities offline by name or code as the user types; choosing one adds its outline as an
 * area. With the online services on (the PDOK basemap), PDOK Locatieserver places are listed too.
 * Keys: ↓/↑ move through the results (↓ opens the list), Home/End go to the first/last result
 * while one is highlighted, Enter chooses the highlighted (else the first) result, Esc closes the
 * list (and clears the box when it is already closed). A polite live region says how many results.
 */
export function PlaceSearch() {
  const { t } = useTranslation();
  const listId = useId();
  const online = useAppState((state) => state.basemap === 'pdok');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loadState, setLoadState] = useState<LoadState>('idle');
  const [loaded, setLoaded] = useState<MunicipalitySearch | null>(null);
  const [message, setMessage] = useState('');
  /** The service's failure, told once for the query where it happened. */
  const [note, setNote] = useState<{ query: string; text: string } | null>(null);
  const places = usePlaceSuggestions(query, online && open, (error) =>
    setNote({
      query,
      text: t(error.code === 'places.offline' ? 'places.offline' : 'places.serviceUnavailable'),
    }),
  );

  // The 22 KB index is fetched as soon as the box is there (after the map's first idle), so the
  // search still works if the connection to the app's own host drops later.
  useEffect(() => {
    void loadMunicipalitySearch();
  }, []);

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

  const hits = useMemo(
    () => (loaded && query.trim() !== '' ? searchMunicipalities(loaded, query, MAX_HITS) : []),
    [loaded, query],
  );
  const options = useMemo<SearchOption[]>(
    () => [
      ...hits.map((hit) => municipalityOption(hit, (alias) => t('places.alias', { alias }))),
      ...(places.state === 'ready' ? placeOptions(places.suggestions, hits, loaded) : []),
    ],
    [hits, places, loaded, t],
  );
  const shownNote = note && note.query === query ? note.text : null;

  // The live region says how many results there are while the list is open.
  useEffect(() => {
    if (!open || query.trim() === '') return;
    let text = '';
    if (loadState === 'loading') text = t('places.loading');
    else if (loadState === 'ready') {
      text = options.length > 0 ? t('places.hits', { count: options.length }) : t('places.noHits');
    }
    if (shownNote) text = `${text} ${shownNote}`.trim();
    if (text) setMessage(text);
  }, [open, query, options.length, loadState, shownNote, t]);

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

  const groups = [
    { id: 'municipalities', label: t('places.municipalities') },
    { id: 'places', label: t('places.places') },
  ] as const;

  return (
    <div className="place-search">
      <input
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
      <div className="place-search-popup" hidden={!expanded && !(open && shownNote)}>
        <div
          id={listId}
          role="listbox"
          aria-label={t('places.searchLabel')}
          className="place-search-list"
          hidden={!expanded}
        >
          {expanded &&
            groups.map((group) => {
              const members = options.filter((option) => option.group === group.id);
              if (members.length === 0) return null;
              return (
                // A fieldset would not be allowed inside a listbox: ARIA groups are.
                // biome-ignore lint/a11y/useSemanticElements: a group of options in a listbox
                <div key={group.id} role="group" aria-labelledby={`${listId}-${group.id}`}>
                  <p
                    id={`${listId}-${group.id}`}
                    className="place-search-group"
                    role="presentation"
                  >
                    {group.label}
                  </p>
                  {members.map((option) => {
                    const index = options.indexOf(option);
                    return (
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
                        {option.detail && (
                          <span className="place-search-detail"> {option.detail}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
        </div>
        {open && shownNote && (
          <p className="place-search-note" data-testid="place-search-note">
            {shownNote}
          </p>
        )}
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
