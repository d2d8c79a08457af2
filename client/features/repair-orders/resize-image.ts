/** The longest side a check-in photo keeps: enough to read a scratch, a fraction of the bytes. */
export const PHOTO_MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

/**
 * A photo from the camera or the phone, resized in the browser to at most 1600 px as a JPEG
 * (q 0.8) before it is sent: a 12 MP phone photo of 4 MB becomes about 300 KB, under the
 * server's 2 MB (decision 0016). The orientation from EXIF is applied by `createImageBitmap`.
 */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => {
    throw new Error('Ce fichier n’est pas une image lisible.');
  });
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Le navigateur ne sait pas redimensionner cette image.');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('Redimensionnement impossible.'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}
