import SignaturePad from 'signature_pad';
import { onCleanup, onMount } from 'solid-js';

/**
 * The widest a signature is kept: enough for print (the PDF's box is about 80 mm), and jsPDF
 * decodes each PNG in JavaScript, so a tablet's 1 600 px canvas would cost the print three
 * times as much (bench/repair-order-pdf.bench.ts). Also keeps it far under the 200 KB limit.
 */
const EXPORT_MAX_WIDTH = 600;

function exportPng(canvas: HTMLCanvasElement): string {
  const scale = Math.min(1, EXPORT_MAX_WIDTH / canvas.width);
  if (scale === 1) return canvas.toDataURL('image/png');
  const copy = document.createElement('canvas');
  copy.width = Math.round(canvas.width * scale);
  copy.height = Math.round(canvas.height * scale);
  const context = copy.getContext('2d');
  if (!context) return canvas.toDataURL('image/png');
  context.drawImage(canvas, 0, 0, copy.width, copy.height);
  return copy.toDataURL('image/png');
}

export type PadHandle = {
  isEmpty: () => boolean;
  /** The strokes as a PNG data URL (white background, so the PDF prints them on any paper). */
  toPng: () => string;
  clear: () => void;
};

/**
 * The drawing area of a signature (signature_pad): finger, stylus or mouse. The canvas is sized
 * to its box at the screen's pixel ratio, or strokes come out blurred and offset on a tablet.
 */
export function SignaturePadField(props: {
  label: string;
  onReady: (pad: PadHandle) => void;
  onDraw: () => void;
}) {
  let canvas!: HTMLCanvasElement;
  let pad: SignaturePad | undefined;

  function fitCanvas() {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const data = pad?.toData() ?? [];
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad?.clear();
    if (data.length > 0) pad?.fromData(data);
  }

  onMount(() => {
    pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255, 255, 255)', penColor: '#102a56' });
    pad.addEventListener('endStroke', () => props.onDraw());
    fitCanvas();
    window.addEventListener('resize', fitCanvas);
    props.onReady({
      isEmpty: () => pad?.isEmpty() ?? true,
      toPng: () => exportPng(canvas),
      clear: () => {
        pad?.clear();
        props.onDraw();
      },
    });
  });
  onCleanup(() => {
    window.removeEventListener('resize', fitCanvas);
    pad?.off();
  });

  return <canvas ref={canvas} class="ro-signature-pad" aria-label={props.label} role="img" />;
}
