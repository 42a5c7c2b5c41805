'use client';
import { dataTypeLabel } from './data-types';
import { frequencyOptions } from './frequency';
import type { RowErrors, SettingField, SettingRowValues, SettingsErrors } from './settings-form';
import { SYNC_ORDER_MAX, WINDOW_MAX_MONTHS } from './settings-form';
import './sync.css';

export type SettingsTableMode = 'client' | 'company';

interface Props {
  /** Prefix of every input id (and of data-testids), unique on the page. */
  idPrefix: string;
  mode: SettingsTableMode;
  rows: SettingRowValues[];
  errors: SettingsErrors;
  onChange: (dataType: string, patch: Partial<SettingRowValues>) => void;
  /** Company mode: types the client defaults lock (read-only here). */
  lockedTypes?: ReadonlySet<string>;
  /** Company mode: types whose values differ from the client defaults. */
  overriddenTypes?: ReadonlySet<string>;
  disabled?: boolean;
  caption: string;
}

export const fieldId = (prefix: string, dataType: string, field: SettingField) => `${prefix}-${dataType}-${field}`;

/** One row per data type: fetch on first link, frequency, order, history window or date, lock. */
export function SettingsTable({ idPrefix, mode, rows, errors, onChange, lockedTypes, overriddenTypes, disabled, caption }: Props) {
  return (
    <div className="table-wrap">
      <table className="table sync-table settings-table" data-testid={`${idPrefix}-table`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Data type</th>
            <th scope="col">Fetch on first link</th>
            <th scope="col">Frequency</th>
            <th scope="col">Sync order</th>
            <th scope="col">History</th>
            <th scope="col">{mode === 'client' ? 'Locked' : 'Source'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SettingRow
              key={row.dataType}
              idPrefix={idPrefix}
              mode={mode}
              row={row}
              errors={errors[row.dataType] ?? {}}
              onChange={(patch) => onChange(row.dataType, patch)}
              locked={lockedTypes?.has(row.dataType) ?? false}
              overridden={overriddenTypes?.has(row.dataType) ?? false}
              disabled={disabled}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SettingRow({
  idPrefix,
  mode,
  row,
  errors,
  onChange,
  locked,
  overridden,
  disabled,
}: {
  idPrefix: string;
  mode: SettingsTableMode;
  row: SettingRowValues;
  errors: RowErrors;
  onChange: (patch: Partial<SettingRowValues>) => void;
  locked: boolean;
  overridden: boolean;
  disabled?: boolean;
}) {
  const label = dataTypeLabel(row.dataType);
  const id = (field: SettingField) => fieldId(idPrefix, row.dataType, field);
  const readOnly = disabled || (mode === 'company' && locked);
  const describe = (field: SettingField, extra?: string) => [errors[field] ? `${id(field)}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
  const sameHistoryError = errors.syncFromWindow && errors.syncFromWindow === errors.syncFromUtc;
  const historyErrorId = `${idPrefix}-${row.dataType}-history-error`;
  const rowErrorId = `${idPrefix}-${row.dataType}-row-error`;

  return (
    <tr data-testid={`${idPrefix}-row-${row.dataType}`} className={mode === 'company' && locked ? 'row-locked' : undefined}>
      <th scope="row">
        {label}
        <code className="type-key">{row.dataType}</code>
        {errors.row ? (
          <p id={rowErrorId} className="field-error" role="alert">
            {errors.row}
          </p>
        ) : null}
      </th>
      <td>
        <label htmlFor={id('fetchOnFirstLink')} className="visually-hidden">
          Fetch {label} on first link
        </label>
        <input
          id={id('fetchOnFirstLink')}
          type="checkbox"
          checked={row.fetchOnFirstLink}
          disabled={readOnly}
          onChange={(e) => onChange({ fetchOnFirstLink: e.target.checked })}
          aria-invalid={errors.fetchOnFirstLink ? true : undefined}
          aria-describedby={describe('fetchOnFirstLink')}
          data-testid={`${id('fetchOnFirstLink')}`}
        />
        <FieldError id={`${id('fetchOnFirstLink')}-error`} text={errors.fetchOnFirstLink} />
      </td>
      <td>
        <label htmlFor={id('syncSchedule')} className="visually-hidden">
          Frequency for {label}
        </label>
        <select
          id={id('syncSchedule')}
          value={row.syncSchedule}
          disabled={readOnly}
          onChange={(e) => onChange({ syncSchedule: e.target.value })}
          aria-invalid={errors.syncSchedule ? true : undefined}
          aria-describedby={describe('syncSchedule')}
          data-testid={id('syncSchedule')}
        >
          {frequencyOptions(Number(row.syncSchedule)).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id('syncSchedule')}-error`} text={errors.syncSchedule} />
      </td>
      <td>
        <label htmlFor={id('syncOrder')} className="visually-hidden">
          Sync order for {label}
        </label>
        <input
          id={id('syncOrder')}
          type="number"
          inputMode="numeric"
          min={0}
          max={SYNC_ORDER_MAX}
          step={1}
          value={row.syncOrder}
          disabled={readOnly}
          onChange={(e) => onChange({ syncOrder: e.target.value })}
          aria-invalid={errors.syncOrder ? true : undefined}
          aria-describedby={describe('syncOrder')}
          data-testid={id('syncOrder')}
        />
        <FieldError id={`${id('syncOrder')}-error`} text={errors.syncOrder} />
      </td>
      <td>
        <div className="history-inputs" role="group" aria-label={`History for ${label}`}>
          <span className="unit">
            <label htmlFor={id('syncFromWindow')} className="visually-hidden">
              History window in months for {label}
            </label>
            <input
              id={id('syncFromWindow')}
              type="number"
              inputMode="numeric"
              min={1}
              max={WINDOW_MAX_MONTHS}
              step={1}
              placeholder="All"
              value={row.syncFromWindow}
              disabled={readOnly}
              onChange={(e) => onChange({ syncFromWindow: e.target.value })}
              aria-invalid={errors.syncFromWindow ? true : undefined}
              aria-describedby={sameHistoryError ? historyErrorId : describe('syncFromWindow')}
              data-testid={id('syncFromWindow')}
            />
            months
          </span>
          <span className="or">or from</span>
          <span className="unit">
            <label htmlFor={id('syncFromUtc')} className="visually-hidden">
              Sync {label} from date
            </label>
            <input
              id={id('syncFromUtc')}
              type="date"
              value={row.syncFromDate}
              disabled={readOnly}
              onChange={(e) => onChange({ syncFromDate: e.target.value })}
              aria-invalid={errors.syncFromUtc ? true : undefined}
              aria-describedby={sameHistoryError ? historyErrorId : describe('syncFromUtc')}
              data-testid={id('syncFromUtc')}
            />
          </span>
        </div>
        {sameHistoryError ? (
          <FieldError id={historyErrorId} text={errors.syncFromWindow} />
        ) : (
          <>
            <FieldError id={`${id('syncFromWindow')}-error`} text={errors.syncFromWindow} />
            <FieldError id={`${id('syncFromUtc')}-error`} text={errors.syncFromUtc} />
          </>
        )}
      </td>
      <td>
        {mode === 'client' ? (
          <>
            <label htmlFor={id('isLocked')} className="visually-hidden">
              Lock {label} (companies cannot override)
            </label>
            <input
              id={id('isLocked')}
              type="checkbox"
              checked={row.isLocked}
              disabled={readOnly}
              onChange={(e) => onChange({ isLocked: e.target.checked })}
              aria-invalid={errors.isLocked ? true : undefined}
              aria-describedby={describe('isLocked')}
              data-testid={id('isLocked')}
            />
            <FieldError id={`${id('isLocked')}-error`} text={errors.isLocked} />
          </>
        ) : locked ? (
          <span className="lock-note" data-testid={`${idPrefix}-${row.dataType}-source`}>
            Locked by client defaults
          </span>
        ) : (
          <span className={`source-tag${overridden ? ' source-tag-override' : ''}`} data-testid={`${idPrefix}-${row.dataType}-source`}>
            {overridden ? 'Company override' : 'Client default'}
          </span>
        )}
      </td>
    </tr>
  );
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}
