import { describe, expect, it } from 'vitest';
import { describeProgress, fileNameFromDisposition, formatBytes } from './download';

describe('the name a downloaded file is saved under', () => {
  it('takes the quoted or plain file name of the header', () => {
    expect(fileNameFromDisposition('attachment; filename="123456789FEC20261231.txt"')).toBe(
      '123456789FEC20261231.txt',
    );
    expect(fileNameFromDisposition('attachment; filename=archive-2026-11.json')).toBe(
      'archive-2026-11.json',
    );
  });

  it('prefers the UTF-8 name (RFC 6266) and falls back when there is none', () => {
    expect(
      fileNameFromDisposition(
        'attachment; filename="cloture.json"; filename*=UTF-8\'\'cl%C3%B4ture.json',
      ),
    ).toBe('clôture.json');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('a download’s progress in words', () => {
  it('says the file is being prepared until the server answers', () => {
    expect(describeProgress(null)).toBe('Préparation du fichier…');
  });

  it('counts the bytes, with a percentage when the size is known', () => {
    expect(formatBytes(512)).toBe('512 o');
    expect(describeProgress({ received: 1536, total: null })).toBe('1,5 Ko reçus…');
    expect(describeProgress({ received: 512 * 1024, total: 2 * 1024 * 1024 })).toBe(
      '25 % (512 Ko sur 2 Mo)',
    );
  });
});
