'use client';
import { useEffect, useRef } from 'react';
import { catalogueGroups, toggleEventType, toggleGroup, type CatalogueGroup } from './format';
import type { EventTypeInfo } from './types';
import '../_sync/sync.css';
import './webhooks.css';

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * Checkboxes for the event catalogue, one fieldset per group (new-style groups, then legacy),
 * each with an "all" checkbox. Every checkbox is labelled by its event type alone; the
 * description is its accessible description.
 */
export function EventTypePicker({
  idPrefix,
  catalogue,
  selected,
  onChange,
  error,
  disabled,
}: {
  idPrefix: string;
  catalogue: EventTypeInfo[];
  selected: string[];
  onChange: (next: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const groups = catalogueGroups(catalogue);
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset
      className="event-picker"
      id={idPrefix}
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      aria-invalid={error ? true : undefined}
      data-testid="event-type-picker"
      tabIndex={error ? -1 : undefined}
    >
      <legend>Event types</legend>
      <p id={hintId} className="hint">
        The events this endpoint receives. Choose at least one.
      </p>
      {error ? (
        <p id={errorId} className="field-error" data-testid="event-types-error">
          {error}
        </p>
      ) : null}
      <div className="event-groups">
        {groups.map((g) => (
          <EventGroupFieldset key={g.group} idPrefix={idPrefix} group={g} catalogue={catalogue} selected={selected} onChange={onChange} disabled={disabled} />
        ))}
      </div>
      <p className="selection-count" aria-live="polite" data-testid="event-selection-count">
        {selected.length === 0 ? 'No event types selected.' : `${selected.length} event ${selected.length === 1 ? 'type' : 'types'} selected.`}
      </p>
    </fieldset>
  );
}

function EventGroupFieldset({
  idPrefix,
  group,
  catalogue,
  selected,
  onChange,
  disabled,
}: {
  idPrefix: string;
  group: CatalogueGroup;
  catalogue: EventTypeInfo[];
  selected: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
}) {
  const chosen = group.events.filter((e) => selected.includes(e.eventType)).length;
  const all = chosen === group.events.length;
  const some = chosen > 0 && !all;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);
  const gid = `${idPrefix}-${slug(group.group)}`;

  const list = (
    <ul className="event-list">
      {group.events.map((e) => {
        const id = `${gid}-${slug(e.eventType)}`;
        const hint = e.legacy && e.replacedBy ? `${e.description} Instead: ${e.replacedBy}.` : e.description;
        return (
          <li key={e.eventType} className="check">
            <input
              id={id}
              type="checkbox"
              value={e.eventType}
              checked={selected.includes(e.eventType)}
              onChange={(ev) => onChange(toggleEventType(selected, e.eventType, ev.target.checked, catalogue))}
              aria-describedby={`${id}-hint`}
              disabled={disabled}
            />
            <label htmlFor={id}>
              <code>{e.eventType}</code>
            </label>
            <span id={`${id}-hint`} className="check-hint">
              {hint}
            </span>
          </li>
        );
      })}
    </ul>
  );

  return (
    <fieldset className={`event-group${group.folded ? ' event-group-wide' : ''}`} data-testid={`event-group-${group.group}`}>
      <legend>{group.label}</legend>
      {group.hint ? <p className="hint">{group.hint}</p> : null}
      <div className="check check-all">
        <input
          ref={allRef}
          id={`${gid}-all`}
          type="checkbox"
          checked={all}
          onChange={(ev) => onChange(toggleGroup(selected, group.events, ev.target.checked, catalogue))}
          disabled={disabled}
        />
        <label htmlFor={`${gid}-all`}>
          All {group.label.charAt(0).toLowerCase() + group.label.slice(1)} ({chosen} of {group.events.length})
        </label>
      </div>
      {group.folded ? (
        <details className="event-fold">
          <summary>Choose individual {group.label.toLowerCase()}</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </fieldset>
  );
}
