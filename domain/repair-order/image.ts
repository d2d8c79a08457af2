import type { PHOTO_TYPES } from '../schemas/repair-order';

export type SniffedImage = {
  contentType: (typeof PHOTO_TYPES)[number];
  width: number;
  height: number;
};

/**
 * What an uploaded file is, from its bytes and never its name or declared type: JPEG, PNG or
 * WebP with readable dimensions, or null. A text file renamed `.png` has no PNG signature; a
 * truncated image has no readable size. Pure, for the server's check and the browser's preview.
 */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return readPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes);
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes.subarray(8), ascii('WEBP'))) {
    return readWebp(bytes);
  }
  return null;
}

/** A PNG whose first chunk is its IHDR, as the format requires. */
export function isPng(bytes: Uint8Array): boolean {
  return sniffImage(bytes)?.contentType === 'image/png';
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function uint16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function uint32be(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
  );
}

function uint24le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

function sized(
  contentType: SniffedImage['contentType'],
  width: number,
  height: number,
): SniffedImage | null {
  return width > 0 && height > 0 ? { contentType, width, height } : null;
}

function readPng(bytes: Uint8Array): SniffedImage | null {
  if (bytes.length < 24 || !startsWith(bytes.subarray(12), ascii('IHDR'))) return null;
  return sized('image/png', uint32be(bytes, 16), uint32be(bytes, 20));
}

/** Start of frame markers (baseline, progressive, lossless…), not DHT (C4), JPG (C8), DAC (CC). */
const JPEG_SOF = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function readJpeg(bytes: Uint8Array): SniffedImage | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // standalone markers carry no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame
    const length = uint16be(bytes, at + 2);
    if (length < 2) return null;
    if (JPEG_SOF.has(marker)) {
      if (at + 9 > bytes.length) return null;
      return sized('image/jpeg', uint16be(bytes, at + 7), uint16be(bytes, at + 5));
    }
    at += 2 + length;
  }
  return null;
}

function readWebp(bytes: Uint8Array): SniffedImage | null {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    if (!startsWith(bytes.subarray(23), [0x9d, 0x01, 0x2a])) return null;
    const width = (bytes[26]! | (bytes[27]! << 8)) & 0x3fff;
    const height = (bytes[28]! | (bytes[29]! << 8)) & 0x3fff;
    return sized('image/webp', width, height);
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    if (bytes[20] !== 0x2f) return null;
    const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return sized('image/webp', uint24le(bytes, 24) + 1, uint24le(bytes, 27) + 1);
  }
  return null;
}
