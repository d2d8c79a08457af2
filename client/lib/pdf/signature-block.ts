import type { jsPDF } from 'jspdf';
import {
  CONTENT_WIDTH,
  ensureSpace,
  getFontFamily,
  INK,
  MARGIN,
  MUTED,
  PAGE_WIDTH,
  safe,
} from './document-kit';

/**
 * A signature box: its title, the printed prompts (what signing means, where to sign on paper),
 * the drawn signature when there is one, and the lines saying who signed, when and what, at the
 * bottom.
 */
export type SignatureBox = {
  title: string;
  prompts: readonly string[];
  /** A PNG data URL of the drawn signature. */
  image?: string | null;
  signedLines?: readonly string[];
};

const PROMPT_LINE = 5;
const SIGNED_LINE = 4;

/** One box at (x, y). An unreadable image leaves the box with its text, and says so. */
export function drawSignatureBox(
  doc: jsPDF,
  frame: { x: number; y: number; width: number; height: number },
  box: SignatureBox,
): void {
  const { x, y, width, height } = frame;
  doc.setDrawColor(...MUTED);
  doc.setLineWidth(0.2);
  doc.rect(x, y, width, height);
  doc.setFont(getFontFamily(doc), 'bold');
  doc.setFontSize(9);
  doc.text(safe(box.title), x + 3, y + 5);
  doc.setFont(getFontFamily(doc), 'normal');
  doc.setFontSize(8);
  doc.setTextColor(...MUTED);
  let promptsBottom = y + 5;
  for (const prompt of box.prompts) {
    const wrapped = doc.splitTextToSize(safe(prompt), width - 6) as string[];
    doc.text(wrapped, x + 3, promptsBottom + 6);
    promptsBottom += wrapped.length * PROMPT_LINE - (wrapped.length - 1) * 1.5;
  }
  doc.setTextColor(...INK);
  const signed = box.signedLines ?? [];
  const signedTop = y + height - 6 - (signed.length - 1) * SIGNED_LINE;
  if (box.image) {
    const top = promptsBottom + 3;
    const bottom = signedTop - 4;
    if (!drawFitted(doc, box.image, x + 3, top, width - 6, bottom - top)) {
      doc.setTextColor(...MUTED);
      doc.text('(image de la signature illisible)', x + 3, top + 4);
      doc.setTextColor(...INK);
    }
  }
  signed.forEach((line, index) => {
    doc.text(safe(line), x + 3, signedTop + index * SIGNED_LINE, { maxWidth: width - 6 });
  });
}

/**
 * Boxes two by two across the page, a new page when a row would not fit. Returns where what
 * follows starts.
 */
export function drawSignatureRows(
  doc: jsPDF,
  y: number,
  boxes: readonly SignatureBox[],
  height: number,
): number {
  const gap = 6;
  const width = (CONTENT_WIDTH - gap) / 2;
  let top = y;
  for (let index = 0; index < boxes.length; index += 2) {
    top = ensureSpace(doc, top, height + 2);
    drawSignatureBox(doc, { x: MARGIN, y: top, width, height }, boxes[index]!);
    const second = boxes[index + 1];
    if (second)
      drawSignatureBox(doc, { x: PAGE_WIDTH - MARGIN - width, y: top, width, height }, second);
    top += height + 4;
  }
  return top + 2;
}

/** The image scaled to fit the area, its proportions kept; false when jsPDF cannot read it. */
function drawFitted(
  doc: jsPDF,
  dataUrl: string,
  x: number,
  y: number,
  maxWidth: number,
  maxHeight: number,
): boolean {
  if (maxHeight <= 0) return false;
  try {
    const { width, height } = doc.getImageProperties(dataUrl);
    const scale = Math.min(maxWidth / width, maxHeight / height);
    doc.addImage(dataUrl, 'PNG', x, y, width * scale, height * scale, undefined, 'FAST');
    return true;
  } catch {
    return false;
  }
}
