import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { COEFFICIENTS, isRateMeasure } from '../../core/estimate/coefficients';
import {
  type Level,
  MEASURE_IDS,
  type MeasureId,
  type Scenario,
} from '../../core/estimate/scenario';
import { analysisState } from '../../map/area-analysis';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import { ScenarioEffect } from './ScenarioEffect';

const LEVELS: Level[] = ['low', 'central', 'high'];

/**
 * The levels of a measure that give different numbers: central always, low and high only where
 * they differ from it (compost's high equals its central, so "high" would change nothing). A level
 * chosen earlier (a saved scenario) stays offered.
 */
export function levelsOf(id: MeasureId, chosen: Level): Level[] {
  const measure = COEFFICIENTS.measures[id];
  const range = isRateMeasure(measure) ? measure.rate_t_c_per_ha_yr : measure.relative_stock_gain;
  return LEVELS.filter(
    (level) => level === 'central' || level === chosen || range[level] !== range.central,
  );
}

const set = (patch: Partial<Scenario>) => store.getState().setScenario(patch);

function setMeasure(id: MeasureId, patch: Partial<Scenario['measures'][MeasureId]>) {
  const { measures } = store.getState().scenario;
  set({ measures: { ...measures, [id]: { ...measures[id], ...patch } } });
}

/** A labelled slider with its value beside it. */
function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="scenario-row">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="range"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
      {/* The slider speaks its own value; the output (a live region by default) stays quiet. */}
      <output htmlFor={id} aria-live="off">
        {props.value}
      </output>
    </div>
  );
}

function Choice<T extends string | number>(props: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="scenario-row">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-testid={props.testId}
        value={String(props.value)}
        onChange={(event) => {
          const picked = props.options.find(
            (option) => String(option.value) === event.target.value,
          );
          if (picked) props.onChange(picked.value);
        }}
      >
        {props.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The selected area's sealed share now (0-1), from its result; null before there is one. */
function useSealedShareNow(): number | null {
  const selectedId = useAppState((state) => state.selectedId);
  return useStore(analysisState, (state) => {
    const result = selectedId ? state.results[selectedId] : undefined;
    if (!result) return null;
    const mean = result.layers.sealed?.mean;
    return result.estimate?.sealing.share_now ?? (mean == null ? null : mean / 100);
  });
}

/**
 * The plan's sealed share: a labelled "as now" switch grouped with its slider. Leaving "as now"
 * starts the slider at the current share of the selected area (not at 0 %).
 */
function SealedPlan({ plan }: { plan: number | null }) {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const now = useSealedShareNow();
  const nowPercent = now === null ? null : Math.round(now * 100);
  return (
    <fieldset className="scenario-sealed" data-testid="scenario-sealed">
      <legend>{t('scenario.sealedTitle')}</legend>
      <label>
        <input
          type="checkbox"
          data-testid="scenario-sealed-as-now"
          checked={plan === null}
          onChange={(event) =>
            set({ sealed_share_plan: event.target.checked ? null : (nowPercent ?? 0) / 100 })
          }
        />{' '}
        {nowPercent === null
          ? t('scenario.sealedAsNow')
          : t('scenario.sealedAsNowShare', { pct: formatNumber(nowPercent, language, 0) })}
      </label>
      {plan === null ? null : (
        <Slider
          label={t('scenario.sealedPlan')}
          testId="scenario-sealed-plan"
          value={Math.round(plan * 100)}
          min={0}
          max={100}
          step={1}
          onChange={(percent) => set({ sealed_share_plan: percent / 100 })}
        />
      )}
    </fieldset>
  );
}

/** The scenario: measures on/off and level, horizon, f_C, method, peat, sealing, clay targets. */
export function ScenarioPanel() {
  const { t } = useTranslation();
  const scenario = useAppState((state) => state.scenario);
  const language = useAppState((state) => state.language);
  return (
    <section className="scenario-panel" aria-labelledby="scenario-title">
      <div className="panel-heading">
        <h2 id="scenario-title">{t('scenario.title')}</h2>
        <button type="button" onClick={() => store.getState().resetScenario()}>
          {t('scenario.reset')}
        </button>
      </div>
      <ScenarioEffect />
      <fieldset className="scenario-measures">
        <legend>{t('scenario.measures')}</legend>
        {MEASURE_IDS.map((id) => {
          const name = t(`results.measureName.${id}`);
          const choice = scenario.measures[id];
          return (
            <div key={id} className="scenario-measure">
              <label>
                <input
                  type="checkbox"
                  data-testid={`scenario-measure-${id}`}
                  checked={choice.on}
                  onChange={(event) => setMeasure(id, { on: event.target.checked })}
                />{' '}
                {name}
                {COEFFICIENTS.measures[id].disputed ? (
                  <span className="disputed"> ({t('scenario.disputed')})</span>
                ) : null}
              </label>
              <select
                title={
                  levelsOf(id, choice.level).length < LEVELS.length
                    ? t('scenario.oneSided')
                    : undefined
                }
                aria-label={t('scenario.level', { name })}
                data-testid={`scenario-level-${id}`}
                value={choice.level}
                onChange={(event) => setMeasure(id, { level: event.target.value as Level })}
              >
                {levelsOf(id, choice.level).map((level) => (
                  <option key={level} value={level}>
                    {t(`scenario.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
      <Slider
        label={t('scenario.horizon')}
        testId="scenario-horizon"
        value={scenario.horizon_years}
        min={1}
        max={50}
        step={1}
        onChange={(horizon_years) => set({ horizon_years })}
      />
      <p className="muted">{t('scenario.horizonNote')}</p>
      <Choice
        label={t('scenario.fc')}
        testId="scenario-fc"
        value={scenario.f_c}
        options={[
          { value: 0.5, label: t('scenario.fcDefault') },
          { value: 0.58, label: t('scenario.fcBemmelen') },
        ]}
        onChange={(f_c) => set({ f_c })}
      />
      <Choice
        label={t('scenario.method')}
        testId="scenario-method"
        value={scenario.method}
        options={[
          { value: 'nl' as const, label: t('scenario.methodNl') },
          { value: 'ipcc' as const, label: t('scenario.methodIpcc') },
        ]}
        onChange={(method) => set({ method })}
      />
      <Choice
        label={t('scenario.bd')}
        testId="scenario-bd"
        value={scenario.bd}
        options={[
          { value: 'bro-fit' as const, label: t('scenario.bdBro') },
          { value: 'obic' as const, label: t('scenario.bdObic') },
        ]}
        onChange={(bd) => set({ bd })}
      />
      <Slider
        label={t('scenario.peat')}
        testId="scenario-peat"
        value={scenario.peat_water_cm}
        min={0}
        max={100}
        step={5}
        onChange={(peat_water_cm) => set({ peat_water_cm })}
      />
      <SealedPlan plan={scenario.sealed_share_plan} />
      <Slider
        label={t('scenario.sealingLoss')}
        testId="scenario-sealing-loss"
        value={Math.round(scenario.sealing_loss * 100)}
        min={50}
        max={70}
        step={1}
        onChange={(percent) => set({ sealing_loss: percent / 100 })}
      />
      <fieldset>
        <legend>{t('scenario.clayTarget')}</legend>
        {(['rivierklei', 'zeeklei'] as const).map((group) => (
          <Choice
            key={group}
            label={t(`scenario.${group}`)}
            testId={`scenario-clay-${group}`}
            value={scenario.clay_target_pct[group]}
            options={[
              { value: 2.5, label: formatNumber(2.5, language, 1) },
              { value: 4, label: formatNumber(4, language, 0) },
            ]}
            onChange={(pct) =>
              set({ clay_target_pct: { ...scenario.clay_target_pct, [group]: pct } })
            }
          />
        ))}
      </fieldset>
    </section>
  );
}
