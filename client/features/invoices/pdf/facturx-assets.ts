import { loadEmbeddedFonts } from '../../../lib/pdf/embedded-fonts';
import type { FacturXAssets } from './facturx';
import srgbUrl from './sRGB.icc?url';

/**
 * What a Factur-X file needs beyond the invoice, fetched in the browser when one is made: the
 * fonts and the sRGB profile are assets, not part of the lazy PDF chunk (decision 0017).
 */
export async function loadFacturXAssets(): Promise<FacturXAssets> {
  const [fonts, profile] = await Promise.all([loadEmbeddedFonts(), fetch(srgbUrl)]);
  if (!profile.ok) throw new Error(`Profil de couleur introuvable (${profile.status})`);
  return { fonts, srgbProfile: new Uint8Array(await profile.arrayBuffer()) };
}
