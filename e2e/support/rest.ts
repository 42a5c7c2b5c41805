import { basicAuth, type Stack } from './stack';

export interface ApiInit {
  method?: string;
  /** Sent as JSON when given. */
  body?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  /** The parsed JSON body; undefined when the response had none. */
  body: T;
}

/** A fetch against the running stack's REST API with its API key: JSON in, JSON out. */
export type Api = <T>(path: string, init?: ApiInit) => Promise<ApiResponse<T>>;

export function restApi(stack: Pick<Stack, 'apiUrl' | 'apiKey'>): Api {
  return async function api<T>(path: string, init: ApiInit = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: basicAuth(stack.apiKey), 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
