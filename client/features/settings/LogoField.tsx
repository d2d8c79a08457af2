import { createSignal, Show } from 'solid-js';
import { LOGO_MAX_BYTES } from '../../../domain/schemas/settings';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

const LOGO_TYPES = ['image/png', 'image/jpeg'];

/**
 * The logo, read into a data URL in the browser (the settings carry it). A wrong type or size is
 * said at once, before anything is sent; the server's own check (`company.logo`) shows here too.
 */
export function LogoField(props: {
  logo: string | null;
  error: string | undefined;
  isEditable: boolean;
  onChange: (logo: string | null) => void;
}) {
  const [fileError, setFileError] = createSignal<string | null>(null);
  let input!: HTMLInputElement;

  function read(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) {
      setFileError('Le logo doit être une image PNG ou JPEG.');
    } else if (file.size > LOGO_MAX_BYTES) {
      const size = Math.round(file.size / 1024);
      setFileError(
        `Le logo doit peser au plus ${LOGO_MAX_BYTES / 1024} Ko (celui-ci : ${size} Ko).`,
      );
    } else {
      const reader = new FileReader();
      reader.onload = () => {
        if (typeof reader.result === 'string') props.onChange(reader.result);
      };
      reader.onerror = () => setFileError('Ce fichier n’a pas pu être lu.');
      reader.readAsDataURL(file);
    }
    // The same file can be chosen again after a removal.
    input.value = '';
  }

  return (
    <div class="settings-logo-row">
      <Field
        label={`Logo (PNG ou JPEG, ${LOGO_MAX_BYTES / 1024} Ko au plus)`}
        for="company-logo"
        error={fileError() ?? props.error}
      >
        <input
          ref={input}
          id="company-logo"
          type="file"
          accept={LOGO_TYPES.join(',')}
          disabled={!props.isEditable}
          onChange={(event) => read(event.currentTarget.files?.[0])}
        />
      </Field>
      <Show when={props.logo}>
        {(logo) => (
          <>
            <img class="settings-logo-preview" src={logo()} alt="Logo du garage" />
            <Show when={props.isEditable}>
              <Button onClick={() => props.onChange(null)}>Retirer le logo</Button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
