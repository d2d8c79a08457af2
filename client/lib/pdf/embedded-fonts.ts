import type { EmbeddedFonts } from './document-kit';
import normalUrl from './fonts/DejaVuSans.ttf?url';
import boldUrl from './fonts/DejaVuSans-Bold.ttf?url';
import italicUrl from './fonts/DejaVuSans-Oblique.ttf?url';

/**
 * DejaVu Sans for a PDF that must embed its fonts (PDF/A, decision 0017), fetched in the browser
 * only when such a document is made: the files are assets, not part of any chunk.
 */
export async function loadEmbeddedFonts(): Promise<EmbeddedFonts> {
  const [normal, bold, italic] = await Promise.all(
    [normalUrl, boldUrl, italicUrl].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Police introuvable : ${url} (${response.status})`);
      return encodeBase64(new Uint8Array(await response.arrayBuffer()));
    }),
  );
  return { normal: normal!, bold: bold!, italic: italic! };
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode under the engines' argument limits.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
