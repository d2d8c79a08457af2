import { AppError } from '../../../domain/errors';
import { readDetails } from '../../../domain/refusals';
import { type Role, type Staff, StaffSchema } from '../../../domain/schemas/staff';
import { errorMessage, fieldErrors } from '../../lib/api';
import type { FieldErrors } from '../../lib/validate';

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Tout, plus les comptes et les paramètres du garage.',
  staff: 'Clients, véhicules, devis et alertes.',
  display: 'L’écran de l’atelier : tableau et activité en direct, en lecture seule.',
};

/**
 * A refused account change, in words: the server's field errors, or one message for the form.
 * The last active admin cannot lose the role (`last_admin`); a stale copy (`stale_version`)
 * gives back the account as it is now, to retry on.
 */
export function toStaffErrors(caught: unknown): { errors: FieldErrors; current: Staff | null } {
  if (caught instanceof AppError && caught.code === 'last_admin') {
    return {
      errors: { form: `${caught.message} Nommez d’abord un autre administrateur.` },
      current: null,
    };
  }
  const stale = readDetails(caught, 'stale_version');
  if (stale) {
    const current = StaffSchema.safeParse(stale.current);
    return {
      errors: { form: `${errorMessage(caught)} Vérifiez le compte ci-dessous, puis réessayez.` },
      current: current.success ? current.data : null,
    };
  }
  const byField = fieldErrors(caught);
  return {
    errors: Object.keys(byField).length > 0 ? byField : { form: errorMessage(caught) },
    current: null,
  };
}
