import { useSyncExternalStore } from 'react';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type { MessageKey } from './vi';

export type Language = 'vi' | 'en';

export const LANGUAGES: Language[] = ['vi', 'en'];

const STORAGE_KEY = 'cchc.language';
const catalogues: Record<Language, Messages> = { vi, en };

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'vi' ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Language = typeof window === 'undefined' ? 'vi' : readStoredLanguage();
const listeners = new Set<() => void>();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this visit.
  }
  document.documentElement.lang = language;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language; components using it re-render when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage, getLanguage);
}

export type MessageParams = Record<string, string | number>;

/** Looks a message up in the current catalogue and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalogues[current][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
