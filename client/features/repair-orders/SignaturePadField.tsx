import SignaturePad from 'signature_pad';
import { onCleanup, onMount } from 'solid-js';

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
      toPng: () => pad?.toDataURL('image/png') ?? '',
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
