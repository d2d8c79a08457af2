import { For } from 'solid-js';
import { Field } from '../../ui/Field';
import { Input, Textarea } from '../../ui/Input';
import { LogoField } from './LogoField';
import { COMPANY_PATHS, type CompanyTextField, type SettingsSectionProps } from './settings-values';

type TextField = { field: CompanyTextField; label: string; placeholder?: string };

const IDENTITY: TextField[] = [
  { field: 'companyName', label: 'Raison sociale' },
  { field: 'legalForm', label: 'Forme juridique', placeholder: 'SARL, SAS, EI…' },
  { field: 'capital', label: 'Capital', placeholder: '10 000 €' },
  { field: 'siret', label: 'SIRET', placeholder: '14 chiffres' },
  {
    field: 'registry',
    label: 'RCS ou répertoire des métiers',
    placeholder: 'RCS Lyon 123 456 789',
  },
  { field: 'vatNumber', label: 'N° de TVA intracommunautaire', placeholder: 'FR…' },
  { field: 'phone', label: 'Téléphone' },
  { field: 'email', label: 'E-mail' },
  { field: 'website', label: 'Site web' },
];

const ADDRESS: TextField[] = [
  { field: 'street', label: 'Adresse' },
  { field: 'postalCode', label: 'Code postal' },
  { field: 'city', label: 'Ville' },
];

/** Who the garage is, as the quotes print it: identity, address, logo, footer. */
export function CompanySection(props: SettingsSectionProps) {
  const fields = (list: TextField[]) => (
    <For each={list}>
      {(item) => {
        const id = `company-${item.field}`;
        const error = () => props.errors[COMPANY_PATHS[item.field]];
        return (
          <Field label={item.label} for={id} error={error()}>
            <Input
              id={id}
              value={props.values[item.field]}
              placeholder={item.placeholder ?? ''}
              disabled={!props.isEditable}
              error={error()}
              onInput={(event) => props.setValues(item.field, event.currentTarget.value)}
            />
          </Field>
        );
      }}
    </For>
  );

  return (
    <section class="card settings-card" aria-labelledby="settings-company-title">
      <h2 id="settings-company-title">Identité</h2>
      <div class="form-grid">{fields(IDENTITY)}</div>
      <div class="form-grid">{fields(ADDRESS)}</div>
      <LogoField
        logo={props.values.logo}
        error={props.errors[COMPANY_PATHS.logo]}
        isEditable={props.isEditable}
        onChange={(logo) => props.setValues('logo', logo)}
      />
      <Field
        label="Mentions de pied de page"
        for="company-footer"
        error={props.errors[COMPANY_PATHS.legalFooter]}
      >
        <Textarea
          id="company-footer"
          rows={2}
          value={props.values.legalFooter}
          disabled={!props.isEditable}
          error={props.errors[COMPANY_PATHS.legalFooter]}
          onInput={(event) => props.setValues('legalFooter', event.currentTarget.value)}
        />
      </Field>
    </section>
  );
}
