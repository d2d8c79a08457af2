import type { Closure } from '../../../domain/schemas/journal';
import { ArchiveExport } from './ArchiveExport';
import { B2cSummaryExport } from './B2cSummaryExport';
import { FecExport } from './FecExport';

/** « Exports »: the FEC for the accountant, a closed period's archive, the B2C summary. */
export function ExportsSection(props: { closures: readonly Closure[] }) {
  return (
    <section class="card journal-exports" aria-labelledby="journal-exports-title">
      <h2 id="journal-exports-title">Exports</h2>
      <div class="journal-exports-grid">
        <FecExport />
        <ArchiveExport closures={props.closures} />
      </div>
      <B2cSummaryExport />
    </section>
  );
}
