/**
 * Message templates as the conversation service fills them (`TemplateRenderer`): a parameter is written
 * `<name>`, name = a letter then letters, digits, `_`, `-` or `.`.
 */
const PARAMETER = /<([A-Za-z][A-Za-z0-9_.-]*)>/g;

/** The template's parameter names, each once, in order of first use. */
export function templateParameters(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PARAMETER), (match) => match[1]))];
}

/** A piece of the preview: literal text, or a parameter with its value (null while it has none). */
export type PreviewPart = { text: string } | { parameter: string; value: string | null };

export function previewParts(body: string, values: Record<string, string>): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let last = 0;
  for (const match of body.matchAll(PARAMETER)) {
    if (match.index! > last) parts.push({ text: body.slice(last, match.index) });
    const value = values[match[1]];
    parts.push({ parameter: match[1], value: value?.trim() ? value : null });
    last = match.index! + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** The filled text, or null while a parameter has no value (never inserted half-filled). */
export function fillTemplate(body: string, values: Record<string, string>): string | null {
  const parts = previewParts(body, values);
  if (parts.some((part) => 'parameter' in part && part.value === null)) return null;
  return parts.map((part) => ('text' in part ? part.text : part.value)).join('');
}
