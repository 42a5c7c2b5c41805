'use client';
import type { Company } from '@ledgerlink/models';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { toCreateCompanyInput, validateCompanyForm, type CompanyFormErrors, type CompanyFormValues } from '../../../lib/validation';

const EMPTY: CompanyFormValues = { name: '', description: '' };

export function CreateCompanyForm({ onCreated }: { onCreated?: (company: Company) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CompanyFormValues>(EMPTY);
  const [errors, setErrors] = useState<CompanyFormErrors>({});
  const create = useMutation(
    trpc.companies.create.mutationOptions({
      onSuccess: async (company) => {
        setValues(EMPTY);
        setErrors({});
        onCreated?.(company);
        await queryClient.invalidateQueries({ queryKey: trpc.companies.list.queryKey() });
      },
    }),
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = validateCompanyForm(values);
    setErrors(found);
    if (found.name || found.description) {
      const first = e.currentTarget.querySelector<HTMLElement>(found.name ? '#company-name' : '#company-description');
      first?.focus();
      return;
    }
    create.mutate(toCreateCompanyInput(values));
  };

  const set = (key: keyof CompanyFormValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    if (errors[key]) setErrors((old) => ({ ...old, [key]: undefined }));
  };

  return (
    <section className="card" aria-labelledby="create-company-heading">
      <h2 id="create-company-heading">Create company</h2>
      <form className="form form-inline" onSubmit={onSubmit} noValidate aria-labelledby="create-company-heading" data-testid="create-company-form">
        <div className="field">
          <label htmlFor="company-name">Name</label>
          <input
            id="company-name"
            name="name"
            value={values.name}
            onChange={set('name')}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'company-name-error company-name-hint' : 'company-name-hint'}
            aria-required="true"
          />
          <p id="company-name-hint" className="hint">
            Letters, digits, spaces and - &apos; , &amp; @ . ? ! (other characters are removed).
          </p>
          {errors.name ? (
            <p id="company-name-error" className="field-error">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className="field field-wide">
          <label htmlFor="company-description">
            Description <span className="muted">(optional)</span>
          </label>
          <textarea
            id="company-description"
            name="description"
            rows={2}
            value={values.description}
            onChange={set('description')}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? 'company-description-error' : undefined}
          />
          {errors.description ? (
            <p id="company-description-error" className="field-error">
              {errors.description}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create company'}
          </button>
        </div>
      </form>
      {create.isError ? (
        <p className="error-box" role="alert" data-testid="create-error">
          Could not create the company: {errorMessage(create.error)}
        </p>
      ) : null}
    </section>
  );
}
