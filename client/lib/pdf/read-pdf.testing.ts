import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { EmbeddedFonts } from './document-kit';

/**
 * For the PDF tests (tests only): a document read back through poppler, as a reader sees it,
 * and tiny PNGs to stand for drawn signatures.
 */

export type PdfReading = {
  /** `pdftotext -layout`, pages split by form feeds. */
  text: string;
  /** The text with every run of white space as one space, to find a sentence across lines. */
  flat: string;
  /**
   * `pdftotext -raw` (the order the text was drawn in) with white space runs as one space: a
   * sentence that wraps inside one of two boxes side by side reads whole here.
   */
  drawnFlat: string;
  pages: number;
  /** The images drawn, page by page (`pdfimages -list`). */
  imagePages: number[];
  /** The fonts `pdffonts` lists, and whether each is embedded. */
  fonts: Array<{ name: string; isEmbedded: boolean }>;
};

/** A scratch folder for the files, removed by `dispose`; PDF_OUT_DIR keeps them to look at. */
export function createPdfReader(): {
  read: (name: string, bytes: ArrayBuffer) => PdfReading;
  dispose: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'gp-pdf-'));
  return {
    read(name, bytes) {
      const file = join(process.env.PDF_OUT_DIR ?? dir, name);
      writeFileSync(file, Buffer.from(bytes));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const drawn = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      return {
        text,
        flat: text.replace(/\s+/g, ' '),
        drawnFlat: drawn.replace(/\s+/g, ' '),
        pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
        imagePages: images
          .split('\n')
          .slice(2)
          .map((row) => row.trim().split(/\s+/))
          // An image with transparency comes with its soft mask: count the image once.
          .filter((columns) => columns[2] === 'image')
          .map((columns) => Number(columns[0])),
        fonts: fonts
          .split('\n')
          .slice(2)
          .filter((row) => row.trim())
          .map((row) => {
            // name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
            const columns = row.trim().split(/\s+/);
            return { name: columns[0]!, isEmbedded: columns.at(-5) === 'yes' };
          }),
      };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The fonts `loadEmbeddedFonts` fetches in the browser, read from the files in Node. */
export function readEmbeddedFonts(): EmbeddedFonts {
  const read = (file: string) =>
    readFileSync(new URL(`./fonts/${file}`, import.meta.url)).toString('base64');
  return {
    normal: read('DejaVuSans.ttf'),
    bold: read('DejaVuSans-Bold.ttf'),
    italic: read('DejaVuSans-Oblique.ttf'),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A transparent PNG (RGBA, 8 bits) with dark ink where `isInk(x, y)`: a stand-in for what a
 * signature pad exports, as a data URL.
 */
export function buildPngDataUrl(
  width: number,
  height: number,
  isInk: (x: number, y: number) => boolean,
): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4, 0);
    for (let x = 0; x < width; x++) {
      if (isInk(x, y)) row.set([20, 24, 40, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
