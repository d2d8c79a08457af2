/**
 * The lines grid's keyboard, built for the counter: Tab moves across, ↑/↓ move between lines,
 * Entrée goes to the next line (adding one at the end of the job), Ctrl+Suppr deletes the line.
 */
export const COLUMNS = [
  'kind',
  'description',
  'reference',
  'quantity',
  'unit',
  'unitPrice',
  'discount',
  'vat',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Focuses a cell once the grid has rendered the line it is on. */
export function focusCell(jobIndex: number, lineIndex: number, column: Column): void {
  queueMicrotask(() => {
    const cell = document.querySelector<HTMLElement>(
      `[data-job="${jobIndex}"][data-line="${lineIndex}"][data-col="${column}"]`,
    );
    cell?.focus();
    if (cell instanceof HTMLInputElement) cell.select();
  });
}

export type GridMoves = {
  lineCount: () => number;
  addLine: () => void;
  removeLine: (lineIndex: number) => void;
};

export function onCellKey(
  event: KeyboardEvent,
  position: { jobIndex: number; lineIndex: number; column: Column },
  moves: GridMoves,
): void {
  const { jobIndex, lineIndex, column } = position;
  const lines = moves.lineCount();
  const isSelect = event.target instanceof HTMLSelectElement;
  if (event.key === 'Delete' && event.ctrlKey) {
    event.preventDefault();
    moves.removeLine(lineIndex);
  } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey) {
    event.preventDefault();
    if (lineIndex === lines - 1) moves.addLine();
    else focusCell(jobIndex, lineIndex + 1, column);
  } else if (event.key === 'ArrowDown' && !isSelect && lineIndex < lines - 1) {
    event.preventDefault();
    focusCell(jobIndex, lineIndex + 1, column);
  } else if (event.key === 'ArrowUp' && !isSelect && lineIndex > 0) {
    event.preventDefault();
    focusCell(jobIndex, lineIndex - 1, column);
  }
}
