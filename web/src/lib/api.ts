// The HTTP client. Every error the server sends as
// `{ error: { code, message, field } }` becomes an ApiError whose message is
// the Vietnamese text meant for the person at the screen.
import { t } from '../i18n';

export type ApiErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'internal'
  | 'network'
  | 'aborted';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  /** Offending input as a dot path (`milestones.2`), when the server names one. */
  readonly field: string | null;

  constructor(code: ApiErrorCode, message: string, status: number, field: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.code === 'unauthenticated';
}

/** The text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return t('error.unexpected');
}

type UnauthenticatedHandler = () => void;
let unauthenticatedHandler: UnauthenticatedHandler | null = null;

/** Registers what happens when a request answers 401 (the router sends the user to the login page). */
export function onUnauthenticated(handler: UnauthenticatedHandler): void {
  unauthenticatedHandler = handler;
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

function fallbackMessage(code: ApiErrorCode): string {
  switch (code) {
    case 'unauthenticated':
      return t('error.unauthenticated');
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.notFound');
    case 'too_large':
      return t('error.tooLarge');
    case 'rate_limited':
      return t('error.rateLimited');
    case 'network':
      return t('error.network');
    default:
      return t('error.unexpected');
  }
}

/** Builds an ApiError from a status and a response body (parsed JSON or raw text). */
export function toApiError(status: number, body: unknown): ApiError {
  const code: ApiErrorCode = CODE_BY_STATUS[status] ?? 'internal';
  if (body && typeof body === 'object' && 'error' in body) {
    const detail = (body as { error: unknown }).error;
    if (detail && typeof detail === 'object') {
      const { code: bodyCode, message, field } = detail as { code?: unknown; message?: unknown; field?: unknown };
      return new ApiError(
        typeof bodyCode === 'string' ? (bodyCode as ApiErrorCode) : code,
        typeof message === 'string' && message ? message : fallbackMessage(code),
        status,
        typeof field === 'string' && field ? field : null,
      );
    }
  }
  return new ApiError(code, fallbackMessage(code), status);
}

interface RequestOptions {
  /** Do not leave the page on 401 (the login form and the session probe). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

function handleUnauthenticated(error: ApiError, options: RequestOptions): void {
  if (error.code === 'unauthenticated' && !options.allowUnauthenticated) unauthenticatedHandler?.();
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw new ApiError('aborted', t('error.aborted'), 0);
    throw new ApiError('network', t('error.network'), 0);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    handleUnauthenticated(error, options);
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Query string from the defined, non-empty entries. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0..100 */
  percent: number;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Posts multipart form data with XMLHttpRequest so that upload progress can be
 * shown (fetch has no upload progress).
 */
export function uploadMultipart<T>(path: string, form: FormData, onProgress: (progress: UploadProgress) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      onProgress({ loaded: event.loaded, total: event.total, percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const error = toApiError(xhr.status, parsed);
      handleUnauthenticated(error, {});
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError('network', t('error.network'), 0));
    xhr.ontimeout = () => reject(new ApiError('network', t('error.network'), 0));
    xhr.onabort = () => reject(new ApiError('aborted', t('error.aborted'), 0));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
