import { describe, expect, it } from 'vitest';
import { isPng, sniffImage } from './image';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part,
    ),
  );
const uint32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

const png = (width: number, height: number) =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    uint32be(13),
    'IHDR',
    uint32be(width),
    uint32be(height),
    [8, 6, 0, 0, 0],
  );

/** SOI, an APP0 segment, then a start of frame of that marker: height, then width. */
const jpeg = (sof: number, width: number, height: number) =>
  bytes(
    [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
    'JFIF',
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc4, 0x00, 0x04, 0, 0], // a DHT before the frame: skipped
    [0xff, sof, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 3],
    [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
  );

const riff = (chunk: string, payload: number[]) =>
  bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [payload.length, 0, 0, 0], payload);

describe('what an uploaded file is, from its bytes', () => {
  it('reads a PNG’s size from its IHDR chunk', () => {
    expect(sniffImage(png(640, 480))).toEqual({
      contentType: 'image/png',
      width: 640,
      height: 480,
    });
    expect(isPng(png(1, 1))).toBe(true);
  });

  it('reads a JPEG’s size from its frame header, baseline or progressive, past other segments', () => {
    expect(sniffImage(jpeg(0xc0, 1600, 1200))).toEqual({
      contentType: 'image/jpeg',
      width: 1600,
      height: 1200,
    });
    expect(sniffImage(jpeg(0xc2, 800, 600))?.width).toBe(800);
  });

  it('reads the three kinds of WebP', () => {
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]);
    expect(sniffImage(lossy)).toEqual({ contentType: 'image/webp', width: 640, height: 480 });
    // 14 bits of width − 1, then 14 of height − 1: 100 × 50.
    const bits = 99 | (49 << 14);
    const lossless = riff('VP8L', [
      0x2f,
      bits & 255,
      (bits >> 8) & 255,
      (bits >> 16) & 255,
      bits >>> 24,
      0,
    ]);
    expect(sniffImage(lossless)).toEqual({ contentType: 'image/webp', width: 100, height: 50 });
    const extended = riff('VP8X', [0, 0, 0, 0, 0x7f, 0x07, 0, 0x37, 0x04, 0]);
    expect(sniffImage(extended)).toEqual({ contentType: 'image/webp', width: 1920, height: 1080 });
  });

  it('refuses a text file named .png, a GIF, a truncated image and a zero size', () => {
    expect(sniffImage(bytes('Ceci est un fichier texte nommé photo.png'))).toBeNull();
    expect(sniffImage(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(sniffImage(png(640, 480).subarray(0, 20))).toBeNull();
    expect(sniffImage(jpeg(0xc0, 800, 600).subarray(0, 30))).toBeNull();
    expect(sniffImage(png(0, 480))).toBeNull();
    expect(isPng(jpeg(0xc0, 1, 1))).toBe(false);
  });
});
