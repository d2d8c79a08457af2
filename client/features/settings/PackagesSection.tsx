import { Index, Show } from 'solid-js';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/Feedback';
import { focusSoon } from './focus';
import { PackageCard } from './PackageCard';
import { newPackage, type SettingsSectionProps } from './settings-values';

/** Packages ("forfaits"): lines a quote takes in one click, each package under its own id. */
export function PackagesSection(props: SettingsSectionProps) {
  function add() {
    const pack = newPackage(props.values.defaultVatRateBp);
    props.setValues('packages', (packages) => [...packages, pack]);
    focusSoon(`package-${pack.id}-name`);
  }

  function remove(id: string) {
    props.setValues('packages', (packages) => packages.filter((pack) => pack.id !== id));
    focusSoon('settings-add-package');
  }

  return (
    <section class="card settings-card" aria-labelledby="settings-packages-title">
      <h2 id="settings-packages-title">Forfaits</h2>
      <p class="muted">
        Un forfait ajoute ses lignes au devis en un clic (ex. « Vidange + filtre »). Son nom devient
        l’intitulé de la prestation.
      </p>
      <Show
        when={props.values.packages.length > 0}
        fallback={<EmptyState title="Aucun forfait pour l’instant." />}
      >
        <Index each={props.values.packages}>
          {(pack, index) => (
            <PackageCard
              pack={pack()}
              index={index}
              setValues={props.setValues}
              errors={props.errors}
              isEditable={props.isEditable}
              defaultVatRateBp={props.values.defaultVatRateBp}
              onRemove={() => remove(pack().id)}
            />
          )}
        </Index>
      </Show>
      <Show when={props.isEditable}>
        <Button id="settings-add-package" variant="ghost" class="settings-add" onClick={add}>
          + Nouveau forfait
        </Button>
      </Show>
    </section>
  );
}
