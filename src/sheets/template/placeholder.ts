import { isPlaceholder, PLACEHOLDERS } from '../../core/placeholder.js';

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Placeholder names in a text, known or not. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] as string);
}

export function isRowPlaceholder(name: string): boolean {
  return isPlaceholder(name) && (PLACEHOLDERS[name].scope === 'row' || PLACEHOLDERS[name].scope === 'entry');
}

/** The placeholder a cell holds when it holds exactly one and nothing else. */
export function soloPlaceholder(text: string): string | undefined {
  const m = /^\s*\{\{\s*([\w.]+)\s*\}\}\s*$/.exec(text);
  return m?.[1];
}

/** Replaces every {{name}} whose value is known; leaves unknown ones as they are. */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(TOKEN, (whole, name: string) => values[name] ?? whole);
}
