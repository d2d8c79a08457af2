/**
 * The error codes, their HTTP status and their default French message: the API's stable
 * vocabulary (`AppError` in ./errors.ts, their details in ./refusals.ts).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  /** Saved with a version that is no longer the current one; details: `StaleVersionDetails`. */
  stale_version: 409,
  // The business refusals: each a rule of its own, its details declared in ./refusals.ts.
  quote_locked: 409,
  invalid_transition: 409,
  empty_quote: 409,
  validity_past: 409,
  compliance_missing: 409,
  not_yet_expired: 409,
  mileage_lower: 409,
  last_admin: 409,
  alert_resolved: 409,
  repair_order_locked: 409,
  repair_order_signed: 409,
  checkin_unsigned: 409,
  amendment_pending: 409,
  piec_choice_missing: 409,
  handback_incomplete: 409,
  job_not_authorised: 409,
  signature_stale: 409,
  quote_not_accepted: 409,
  quote_already_ordered: 409,
  /** The online approval page showed another revision than the one decided on (issue 14). */
  quote_revision_changed: 409,
  invoice_locked: 409,
  invoice_exists: 409,
  invoice_not_issued: 409,
  repair_order_not_closed: 409,
  credit_exceeds_invoice: 409,
  period_closed: 409,
  payment_exceeds_balance: 409,
  refund_exceeds_payment: 409,
  allocation_exceeds_credit: 409,
  cash_limit_exceeded: 409,
  till_not_open: 409,
  till_already_open: 409,
  closure_exists: 409,
  closure_not_due: 409,
  closure_out_of_order: 409,
  period_not_closed: 409,
  payload_too_large: 413,
  /** A body that is not JSON (UTF-8): the API reads nothing else. */
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/** The 409s that are a rule saying no, not a stale copy. */
export type RefusalCode = Exclude<
  { [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends 409 ? C : never }[ErrorCode],
  'stale_version'
>;

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Certaines informations sont invalides.',
  unauthenticated: 'Veuillez vous connecter.',
  forbidden: "Vous n'avez pas les droits pour cette action.",
  not_found: 'Élément introuvable.',
  stale_version: "Quelqu'un a modifié cet élément entre-temps.",
  quote_locked: 'Ce devis n’est plus un brouillon : révisez-le pour le modifier.',
  invalid_transition: 'Ce changement de statut n’est pas possible.',
  empty_quote: 'Ajoutez au moins une ligne avant d’envoyer le devis.',
  validity_past: 'La date de validité est passée : changez-la avant d’envoyer.',
  compliance_missing: 'Des mentions obligatoires manquent.',
  not_yet_expired: 'Ce devis est encore valable.',
  mileage_lower: 'Ce relevé est inférieur au précédent.',
  last_admin: 'Il doit rester au moins un administrateur actif.',
  alert_resolved: 'Cette alerte est déjà résolue.',
  repair_order_locked: 'Cet ordre de réparation est clos : le véhicule a été restitué.',
  repair_order_signed:
    'Le client a signé l’ordre de réparation : ajoutez des travaux supplémentaires.',
  checkin_unsigned: 'Le client n’a pas encore signé la prise en charge du véhicule.',
  amendment_pending: 'Des travaux supplémentaires attendent l’accord du client.',
  piec_choice_missing: 'Le choix du client sur les pièces de réemploi manque.',
  handback_incomplete: 'La restitution n’est pas complète.',
  job_not_authorised: 'Ces travaux n’ont pas été autorisés par le client.',
  signature_stale:
    'L’ordre de réparation a changé depuis son affichage : relisez-le avant de signer.',
  quote_not_accepted:
    'Seul un devis accepté, en tout ou en partie, devient un ordre de réparation.',
  quote_already_ordered: 'Ce devis a déjà son ordre de réparation.',
  quote_revision_changed:
    'Le devis a changé depuis son affichage : rechargez la page et relisez-le avant de répondre.',
  invoice_locked: 'Cette facture est émise : elle ne se modifie plus, corrigez-la par un avoir.',
  invoice_exists: 'Une facture existe déjà pour cet élément.',
  invoice_not_issued: 'Cette facture n’est pas encore émise.',
  repair_order_not_closed:
    'Le véhicule n’a pas encore été restitué : l’ordre de réparation n’est pas facturable.',
  credit_exceeds_invoice: 'L’avoir dépasse ce qui reste à créditer sur la facture.',
  period_closed: 'Cette période est clôturée : elle ne reçoit plus d’écriture.',
  payment_exceeds_balance: 'Le montant affecté dépasse ce qui reste dû sur la facture.',
  refund_exceeds_payment: 'Le remboursement dépasse ce qui reste de ce paiement.',
  allocation_exceeds_credit: 'Le montant affecté dépasse le crédit qui reste sur ce paiement.',
  cash_limit_exceeded:
    'Un particulier ne peut pas régler plus de 1 000 € en espèces (art. L112-6 du Code monétaire et financier).',
  till_not_open: 'La caisse n’est pas ouverte.',
  till_already_open: 'La caisse est déjà ouverte.',
  closure_exists: 'Cette période est déjà clôturée.',
  closure_not_due: 'Cette période n’est pas encore terminée.',
  closure_out_of_order: 'Les périodes se clôturent dans l’ordre.',
  period_not_closed: 'Cette période n’est pas clôturée : son archive n’existe pas encore.',
  payload_too_large: 'La requête est trop volumineuse.',
  unsupported_media_type: 'Format de requête non pris en charge : envoyez du JSON (UTF-8).',
  rate_limited: 'Trop de tentatives. Réessayez dans quelques minutes.',
  internal: 'Une erreur interne est survenue.',
  unavailable: 'Le service est momentanément indisponible.',
};
