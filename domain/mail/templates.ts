import {
  ALLOWED_PLACEHOLDERS,
  isReminderTemplate,
  type MailTemplate,
  MailTemplateSchema,
  PLACEHOLDER_LABELS,
  type Placeholder,
  type TemplateKind,
  type TemplateValues,
} from '../schemas/mail';
import { escapeHtml, type HtmlLayout, renderHtmlLayout } from './html-layout';

/*
 * The garage's editable templates: text with `{{nom}}`-style placeholders and nothing else. No
 * expressions, no nested lookups (`{{client.nom}}` is refused), no code: a placeholder is a name
 * from a fixed list, replaced by a string. The HTML part escapes every value and every character
 * of the template itself, so neither the staff nor a customer's name can inject markup.
 */

export type TemplateToken = { type: 'text'; value: string } | { type: 'placeholder'; name: string };

export type TemplateIssue = {
  field: 'subject' | 'body';
  message: string;
  placeholder?: string;
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/y;

/** The template as text and placeholders, and every `{{` that opens no well-formed placeholder. */
export function parseTemplate(source: string): { tokens: TemplateToken[]; malformed: string[] } {
  const tokens: TemplateToken[] = [];
  const malformed: string[] = [];
  let literal = '';
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{{', index);
    if (open === -1) {
      literal += source.slice(index);
      break;
    }
    literal += source.slice(index, open);
    PLACEHOLDER.lastIndex = open;
    const match = PLACEHOLDER.exec(source);
    if (match) {
      if (literal) tokens.push({ type: 'text', value: literal });
      literal = '';
      tokens.push({ type: 'placeholder', name: match[1] as string });
      index = open + match[0].length;
    } else {
      const close = source.indexOf('}}', open + 2);
      const end = close === -1 ? Math.min(source.length, open + 30) : close + 2;
      malformed.push(source.slice(open, end));
      literal += source.slice(open, open + 2);
      index = open + 2;
    }
  }
  if (literal) tokens.push({ type: 'text', value: literal });
  return { tokens, malformed };
}

function allowedList(kind: TemplateKind): string {
  return ALLOWED_PLACEHOLDERS[kind].map((name) => `{{${name}}}`).join(', ');
}

function checkField(kind: TemplateKind, field: TemplateIssue['field'], source: string) {
  const issues: TemplateIssue[] = [];
  const { tokens, malformed } = parseTemplate(source);
  for (const piece of malformed) {
    issues.push({
      field,
      placeholder: piece,
      message: `« ${piece} » n’est pas un champ valide : écrivez un nom entre accolades, par exemple {{nom}}.`,
    });
  }
  const allowed: readonly string[] = ALLOWED_PLACEHOLDERS[kind];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.type !== 'placeholder' || allowed.includes(token.name) || seen.has(token.name)) {
      continue;
    }
    seen.add(token.name);
    const known = token.name in PLACEHOLDER_LABELS;
    issues.push({
      field,
      placeholder: token.name,
      message: known
        ? `Le champ {{${token.name}}} n’est pas disponible dans ce modèle. Champs possibles : ${allowedList(kind)}.`
        : `Le champ {{${token.name}}} n’existe pas. Champs possibles : ${allowedList(kind)}.`,
    });
  }
  return issues;
}

/** Every problem of a template at once, in French, for the settings form; `[]` when valid. */
export function checkTemplate(template: MailTemplate): TemplateIssue[] {
  return [
    ...checkField(template.kind, 'subject', template.subject),
    ...checkField(template.kind, 'body', template.body),
  ];
}

/**
 * The settings form's and the server's one schema for a template: its shape, then every
 * placeholder problem as a field error (`subject` or `body`), all at once.
 */
export const CheckedMailTemplateSchema = MailTemplateSchema.superRefine((template, context) => {
  for (const issue of checkTemplate(template)) {
    context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
});

export type RenderOptions = HtmlLayout;
export type RenderedMail = { subject: string; text: string; html: string };

/** Own keys only: `{{constructor}}` must never reach Object.prototype (it is refused anyway). */
function readValue(values: TemplateValues, name: string): string {
  return Object.hasOwn(values, name) ? (values[name as Placeholder] ?? '') : '';
}

function renderTokens(
  tokens: readonly TemplateToken[],
  values: TemplateValues,
  encode: (value: string) => string,
): string {
  return tokens
    .map((token) =>
      token.type === 'text' ? encode(token.value) : encode(readValue(values, token.name)),
    )
    .join('');
}

function requireValid(template: MailTemplate): void {
  const issues = checkTemplate(template);
  if (issues.length > 0) {
    // Templates are checked when saved: an invalid one here is a bug, not the customer's input.
    throw new RangeError(`Invalid ${template.kind} template: ${issues[0]?.message}`);
  }
}

const identity = (value: string) => value;
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/**
 * The message for one recipient: the subject on one line, the text part as written, the HTML
 * part with every value escaped inside the garage's layout. Missing values render empty.
 */
export function renderTemplate(
  template: MailTemplate,
  values: TemplateValues,
  options: RenderOptions = {},
): RenderedMail {
  requireValid(template);
  if (isReminderTemplate(template.kind) && !options.unsubscribeUrl) {
    throw new RangeError(`A ${template.kind} needs its unsubscribe link`);
  }
  const subject = oneLine(renderTokens(parseTemplate(template.subject).tokens, values, identity));
  const bodyLines = template.body.split(/\r?\n/).map((line) => parseTemplate(line).tokens);
  const body = bodyLines.map((line) => renderTokens(line, values, identity)).join('\n');
  const htmlLines = bodyLines.map((line) => renderTokens(line, values, escapeHtml));
  const textParts = [body];
  if (options.action) textParts.push(`${options.action.label} : ${options.action.url}`);
  const garage = options.garageName ?? values.garage;
  const footer = [garage, options.garagePhone ?? values.telephone_garage, options.garageAddress];
  const signature = footer.filter((part): part is string => Boolean(part)).join(' — ');
  if (signature) textParts.push(`-- \n${signature}`);
  if (options.unsubscribeUrl) {
    textParts.push(`Pour ne plus recevoir ces rappels : ${options.unsubscribeUrl}`);
  }
  const html = renderHtmlLayout(htmlLines, {
    ...options,
    garageName: garage,
    garagePhone: options.garagePhone ?? values.telephone_garage,
    title: subject,
  });
  return { subject, text: textParts.join('\n\n'), html };
}
