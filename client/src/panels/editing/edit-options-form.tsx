import { useTranslation } from 'react-i18next';
import type { GridEditOptions, TrimSiblings } from './editing.queries';

const TRIMS: TrimSiblings[] = ['NEW', 'EXISTING', 'NONE'];

/** What every grid edit takes besides the shape: clip to the parent, trim siblings, snap tolerance. */
export function EditOptionsForm({
  options,
  disabled,
  onChange,
}: {
  options: GridEditOptions;
  disabled: boolean;
  onChange(options: GridEditOptions): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="editing-check">
        <input
          type="checkbox"
          data-testid="editing-clip"
          checked={options.clipToParent}
          disabled={disabled}
          onChange={(e) => onChange({ ...options, clipToParent: e.target.checked })}
        />
        {t('editing.clipToParent')}
      </label>
      <label>
        {t('editing.trimSiblings')}
        <select
          data-testid="editing-trim"
          value={options.trimSiblings}
          disabled={disabled}
          onChange={(e) => onChange({ ...options, trimSiblings: e.target.value as TrimSiblings })}
        >
          {TRIMS.map((trim) => (
            <option key={trim} value={trim}>
              {t(`editing.trim${trim}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('editing.snap')}
        <input
          type="number"
          min={0}
          max={50}
          step={1}
          data-testid="editing-snap"
          value={options.snapToleranceMeters}
          disabled={disabled}
          onChange={(e) => onChange({ ...options, snapToleranceMeters: Number(e.target.value) })}
        />
      </label>
    </>
  );
}
