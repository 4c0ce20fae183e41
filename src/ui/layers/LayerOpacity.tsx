import { useTranslation } from 'react-i18next';

/**
 * A layer's opacity slider with its read-out (0–100 %, steps of 5). The slider speaks its own
 * value; the output (a live region by default) stays quiet.
 */
export function LayerOpacity(props: {
  id: string;
  title: string;
  opacity: number;
  onChange: (opacity: number) => void;
}) {
  const { t } = useTranslation();
  const { id, title, opacity, onChange } = props;
  const pct = Math.round(opacity * 100);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('layers.opacityOf', { title })}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={pct}
        aria-valuetext={`${pct} %`}
        title={t('layers.opacity')}
        onChange={(event) => onChange(Number(event.target.value) / 100)}
      />
      <output htmlFor={id} aria-live="off">
        {pct} %
      </output>
    </>
  );
}
