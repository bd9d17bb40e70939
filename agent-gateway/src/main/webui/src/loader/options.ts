// The launcher's labels (from the widget's
// translation files, bundled into widget.js).
import en from '../locales/en/widget.json';
import fr from '../locales/fr/widget.json';

import type { Language } from '../i18n/languages';

const LAUNCHER_LABELS: Record<Language, typeof en.launcher> = { en: en.launcher, fr: fr.launcher };

export const OPEN_STATE_KEY = 'livechat.widget.open';
/** Prefix of the chat's keys in the host page's sessionStorage (the same names /chat/ uses standalone). */
export const SESSION_PREFIX = 'livechat.widget.';

export function launcherLabels(language: Language): { open: string; close: string; frameTitle: string } {
  return LAUNCHER_LABELS[language];
}
