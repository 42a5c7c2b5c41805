'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { focusFirstInvalid } from '../_sync/focus';
import { EventTypePicker } from '../_webhooks/event-type-picker';
import type { WebhookConsumer } from '../_webhooks/types';
import {
  EMPTY_WEBHOOK_FORM,
  hasWebhookErrors,
  serverWebhookErrors,
  toCreateWebhookInput,
  validateWebhookForm,
  type WebhookField,
  type WebhookFormErrors,
  type WebhookFormValues,
} from '../_webhooks/webhook-form';
import { ErrorList, LoadError } from '../error-box';

const PICKER_ID = 'webhook-event-types';

/** Adds a consumer: receiver URL, event types from the catalogue, optional company tags. */
export function CreateWebhookForm({ onCreated }: { onCreated?: (consumer: WebhookConsumer) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery({ ...trpc.webhooks.catalogue.queryOptions(), staleTime: Infinity });
  const [values, setValues] = useState<WebhookFormValues>(EMPTY_WEBHOOK_FORM);
  const [errors, setErrors] = useState<WebhookFormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);

  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async (consumer) => {
        setValues(EMPTY_WEBHOOK_FORM);
        setErrors({});
        setGeneral([]);
        onCreated?.(consumer);
        await queryClient.invalidateQueries(trpc.webhooks.list.queryFilter());
      },
      onError: (err) => {
        const found = serverWebhookErrors(err);
        setErrors(found.fields);
        setGeneral(found.general);
      },
    }),
  );

  const clear = (field: WebhookField) => {
    if (errors[field]) setErrors((old) => ({ ...old, [field]: undefined }));
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setGeneral([]);
    const found = validateWebhookForm(values);
    setErrors(found);
    if (hasWebhookErrors(found)) {
      // The event type picker is a fieldset: focus it (tabIndex -1) when it is the first problem.
      focusFirstInvalid(e.currentTarget);
      return;
    }
    create.mutate(toCreateWebhookInput(values));
  };

  return (
    <section className="card" aria-labelledby="create-webhook-heading">
      <div className="card-head">
        <h2 id="create-webhook-heading">Add a webhook</h2>
        <p className="hint">
          Ledgerlink POSTs each event to this URL, signed with the webhook&apos;s secret (Standard Webhooks / Svix headers). Failed deliveries are retried for about a day and a
          half.
        </p>
      </div>
      <form className="webhook-form" onSubmit={onSubmit} noValidate aria-labelledby="create-webhook-heading" data-testid="create-webhook-form">
        <div className="field">
          <label htmlFor="webhook-url">Endpoint URL</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks/ledgerlink"
            value={values.url}
            onChange={(e) => {
              setValues((v) => ({ ...v, url: e.target.value }));
              clear('url');
            }}
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={errors.url ? 'webhook-url-error webhook-url-hint' : 'webhook-url-hint'}
            aria-required="true"
          />
          <p id="webhook-url-hint" className="hint">
            An http:// or https:// address, without a user name or password.
          </p>
          {errors.url ? (
            <p id="webhook-url-error" className="field-error" data-testid="webhook-url-error">
              {errors.url}
            </p>
          ) : null}
        </div>

        {catalogue.data ? (
          <EventTypePicker
            idPrefix={PICKER_ID}
            catalogue={catalogue.data}
            selected={values.eventTypes}
            onChange={(eventTypes) => {
              setValues((v) => ({ ...v, eventTypes }));
              clear('eventTypes');
            }}
            error={errors.eventTypes}
            disabled={create.isPending}
          />
        ) : catalogue.isError ? (
          <LoadError what="the event types" error={catalogue.error} onRetry={() => catalogue.refetch()} />
        ) : (
          <p role="status" className="muted">
            Loading event types…
          </p>
        )}

        <div className="field">
          <label htmlFor="webhook-company-tags">
            Company tags <span className="muted">(optional)</span>
          </label>
          <textarea
            id="webhook-company-tags"
            name="companyTags"
            rows={2}
            spellCheck={false}
            placeholder="region:uk"
            value={values.companyTags}
            onChange={(e) => {
              setValues((v) => ({ ...v, companyTags: e.target.value }));
              clear('companyTags');
            }}
            aria-invalid={errors.companyTags ? true : undefined}
            aria-describedby={errors.companyTags ? 'webhook-company-tags-error webhook-company-tags-hint' : 'webhook-company-tags-hint'}
          />
          <p id="webhook-company-tags-hint" className="hint">
            Only events of companies with one of these tags are sent. Write each as key:value, separated by commas or new lines (at most 10). Leave empty for every company.
          </p>
          {errors.companyTags ? (
            <p id="webhook-company-tags-error" className="field-error" data-testid="webhook-company-tags-error">
              {errors.companyTags}
            </p>
          ) : null}
        </div>

        <div className="check">
          <input
            id="webhook-start-disabled"
            type="checkbox"
            checked={values.startDisabled}
            onChange={(e) => setValues((v) => ({ ...v, startDisabled: e.target.checked }))}
            aria-describedby="webhook-start-disabled-hint"
          />
          <label htmlFor="webhook-start-disabled">Create it disabled</label>
          <span id="webhook-start-disabled-hint" className="check-hint">
            Nothing is delivered until you enable it.
          </span>
        </div>

        <div className="form-footer">
          <button type="submit" className="button button-primary" disabled={create.isPending || !catalogue.data}>
            {create.isPending ? 'Adding…' : 'Add webhook'}
          </button>
          {hasWebhookErrors(errors) && !general.length ? (
            <p className="inline-status inline-status-error" role="alert" data-testid="create-webhook-invalid">
              Check the highlighted fields: nothing was sent.
            </p>
          ) : null}
        </div>
        <ErrorList heading="Could not add the webhook:" messages={general} testId="create-webhook-error" />
      </form>
    </section>
  );
}
