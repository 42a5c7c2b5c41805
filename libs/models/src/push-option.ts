/** The options model for create and update (contract 5.1). */
export const PUSH_OPTION_TYPES = ['Array', 'Object', 'String', 'Number', 'Boolean', 'DateTime', 'File', 'MultiPart'] as const;
export type PushOptionType = (typeof PUSH_OPTION_TYPES)[number];

export interface PushOptionChoice {
  value?: string;
  type?: PushOptionType;
  displayName?: string;
  description?: string;
  required?: boolean;
}

export interface PushFieldValidation {
  field?: string;
  details: string;
  ref?: string;
}

export interface PushValidationInfo {
  warnings?: PushFieldValidation[];
  information?: PushFieldValidation[];
}

export interface PushOptionProperty {
  type: PushOptionType;
  displayName: string;
  description: string;
  required: boolean;
  properties?: Record<string, PushOptionProperty>;
  options?: PushOptionChoice[];
  validation?: PushValidationInfo;
}

export interface PushOption {
  type: PushOptionType;
  displayName: string;
  description?: string;
  required: boolean;
  properties?: Record<string, PushOptionProperty>;
  options?: PushOptionChoice[];
  validation?: PushValidationInfo;
}
