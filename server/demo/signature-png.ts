import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 240;
const HEIGHT = 80;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A drawn-looking signature for the demo's ORs, as the signature pad would send it: a PNG data
 * URL of a dark stroke (a loop and a flourish, shifted by `seed`) on a transparent ground. Made
 * here with zlib, so that the demo needs no image library.
 */
export function demoSignaturePng(seed: number): string {
  const alpha = new Uint8Array(WIDTH * HEIGHT);
  const plot = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) alpha[py * WIDTH + px] = 255;
      }
    }
  };
  const phase = (seed % 7) / 3;
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 15 + t * 210;
    const y = 42 + 18 * Math.sin(t * 14 + phase) * (1 - t * 0.6) + 8 * Math.cos(t * 37 + phase);
    plot(x, y);
  }
  // The RGBA rows, each behind its filter byte (0: none).
  const raw = Buffer.alloc((WIDTH * 4 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = y * (WIDTH * 4 + 1) + 1 + x * 4;
      raw[at] = 20;
      raw[at + 1] = 30;
      raw[at + 2] = 70;
      raw[at + 3] = alpha[y * WIDTH + x]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
