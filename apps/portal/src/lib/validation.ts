/** Client-side checks for the create-company form; the API validates again. */
export interface CompanyFormValues {
  name: string;
  description: string;
}

export type CompanyFormErrors = Partial<Record<keyof CompanyFormValues, string>>;

export const NAME_MAX = 255;
export const DESCRIPTION_MAX = 2000;
/** Characters the contract keeps in a company name; others are removed by the API. */
const ALLOWED_NAME_CHAR = /[A-Za-z0-9\s\-',&@.?!]/;

export function validateCompanyForm(values: CompanyFormValues): CompanyFormErrors {
  const errors: CompanyFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Enter a company name.';
  else if (name.length > NAME_MAX) errors.name = `Company name must be ${NAME_MAX} characters or fewer.`;
  else if (![...name].some((ch) => ALLOWED_NAME_CHAR.test(ch) && ch.trim())) {
    errors.name = "Company name must contain at least one letter, digit or one of - ' , & @ . ? !";
  }
  if (values.description.trim().length > DESCRIPTION_MAX) errors.description = `Description must be ${DESCRIPTION_MAX} characters or fewer.`;
  return errors;
}

export function toCreateCompanyInput(values: CompanyFormValues): { name: string; description?: string } {
  const description = values.description.trim();
  return { name: values.name.trim(), ...(description ? { description } : {}) };
}
