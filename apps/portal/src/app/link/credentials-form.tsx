'use client';
import { useState, type FormEvent } from 'react';
import {
  describedBy,
  emptyValues,
  errorId,
  fieldErrorFromMessage,
  fieldId,
  firstInvalid,
  hintId,
  inputProps,
  toCredentials,
  validateCredentials,
  type CredentialErrors,
  type CredentialValues,
} from './credentials';
import type { CredentialField } from './link-types';

export interface CredentialsFormProps {
  /** Names the form for assistive technology. */
  title: string;
  fields: CredentialField[];
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The API's answer to the last attempt (the connection stays PendingAuth). */
  serverError?: string;
  onSubmit: (credentials: CredentialValues) => void;
}

/** A form generated from a connector's credential fields; required fields are checked before anything is sent. */
export function CredentialsForm({ title, fields, submitLabel, pendingLabel, pending, serverError, onSubmit }: CredentialsFormProps) {
  const [values, setValues] = useState<CredentialValues>(() => emptyValues(fields));
  const [errors, setErrors] = useState<CredentialErrors>({});
  const server = serverError ? fieldErrorFromMessage(serverError, fields) : undefined;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const found = validateCredentials(fields, values);
    setErrors(found);
    const first = firstInvalid(fields, found);
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`#${fieldId(first.name)}`)?.focus();
      return;
    }
    onSubmit(toCredentials(fields, values));
  };

  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((old) => ({ ...old, [name]: '' }));
  };

  return (
    <form className="form link-form" onSubmit={submit} noValidate aria-label={title} data-testid="credentials-form">
      {fields.map((f) => {
        const error = errors[f.name] || (server?.field === f.name ? server.message : '');
        return (
          <div className="field" key={f.name}>
            <label htmlFor={fieldId(f.name)}>
              {f.label}
              {f.required ? null : <span className="muted"> (optional)</span>}
            </label>
            <input
              {...inputProps(f)}
              value={values[f.name] ?? ''}
              onChange={(e) => change(f.name, e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(f, Boolean(error))}
              disabled={pending}
              data-testid={`credential-${f.name}`}
            />
            {f.description ? (
              <p id={hintId(f.name)} className="hint">
                {f.description}
              </p>
            ) : null}
            {error ? (
              <p id={errorId(f.name)} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {fields.length > 0 && fields.every((f) => !f.required) ? <p className="hint">Every field is optional: leave a field empty to use its default.</p> : null}
      <div className="link-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="credentials-submit">
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
