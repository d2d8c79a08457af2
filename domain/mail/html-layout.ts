/*
 * The HTML part of every e-mail: one centred column (at most 600 px, full width on a phone),
 * inline styles only (mail clients drop <style> and classes), the garage's name on top, its
 * phone and address in the footer, and for reminders the unsubscribe link.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `& < > " '` as entities: safe in text and in a double- or single-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

export type HtmlLayout = {
  garageName?: string;
  garagePhone?: string;
  garageAddress?: string;
  /** The button under the message: the quote's link. */
  action?: { label: string; url: string };
  /** Reminders only: the one-click link that turns the customer's consent off. */
  unsubscribeUrl?: string;
};

/** Only web links go into an href: a `javascript:` URL would be a bug (or an attack). */
function safeUrl(url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new RangeError(`Not a web link: ${url}`);
  return escapeHtml(url);
}

const FONT = 'font-family:Arial,Helvetica,sans-serif';
const TEXT = `${FONT};font-size:16px;line-height:1.5;color:#1f2933`;

/** Blank lines part paragraphs; other line breaks stay breaks. Lines are already escaped. */
function paragraphs(lines: readonly string[]): string {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') {
      if ((blocks.at(-1) as string[]).length > 0) blocks.push([]);
    } else {
      (blocks.at(-1) as string[]).push(line);
    }
  }
  return blocks
    .filter((block) => block.length > 0)
    .map((block) => `<p style="margin:0 0 16px;${TEXT}">${block.join('<br>')}</p>`)
    .join('');
}

export function renderHtmlLayout(
  bodyLines: readonly string[],
  layout: HtmlLayout & { title: string },
): string {
  const garage = layout.garageName ? escapeHtml(layout.garageName) : '';
  const action = layout.action
    ? `<p style="margin:24px 0;text-align:center"><a href="${safeUrl(layout.action.url)}" style="display:inline-block;padding:12px 24px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;${FONT};font-size:16px;font-weight:bold">${escapeHtml(layout.action.label)}</a></p>`
    : '';
  const contact = [layout.garagePhone, layout.garageAddress]
    .filter((part): part is string => Boolean(part))
    .map(escapeHtml)
    .join(' — ');
  const unsubscribe = layout.unsubscribeUrl
    ? `<p style="margin:8px 0 0;${FONT};font-size:12px;color:#6b7280">Vous recevez ce rappel car vous avez accepté les rappels de ${garage || 'votre garage'}. <a href="${safeUrl(layout.unsubscribeUrl)}" style="color:#6b7280">Ne plus recevoir ces rappels</a></p>`
    : '';
  return [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:16px 8px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px">',
    garage
      ? `<tr><td style="padding:20px 24px;border-bottom:1px solid #e5e7eb;${FONT};font-size:20px;font-weight:bold;color:#111827">${garage}</td></tr>`
      : '',
    `<tr><td style="padding:24px">${paragraphs(bodyLines)}${action}</td></tr>`,
    `<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb"><p style="margin:0;${FONT};font-size:13px;color:#4b5563">${[garage, contact].filter(Boolean).join(' — ')}</p>${unsubscribe}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
}
