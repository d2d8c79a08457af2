import { z } from 'zod';
import { QUOTE_LINES_MAX } from './bounds';
import { IdSchema, text } from './common';
import { SIGNATURE_IMAGE_MAX_BYTES } from './repair-order';

/*
 * What the customer sends from the online approval page (issue 14): accept everything, accept
 * some lines, or refuse with a reason. The page and the public route parse the same schema.
 * Strict objects: the page sends nothing else, and an unexpected field is a forged request.
 */

export const APPROVAL_CHOICES = ['accept_all', 'accept_lines', 'refuse'] as const;
export type ApprovalChoice = (typeof APPROVAL_CHOICES)[number];

export const APPROVAL_CHOICE_LABELS: Record<ApprovalChoice, string> = {
  accept_all: 'J’accepte l’ensemble du devis',
  accept_lines: 'J’accepte une partie des travaux',
  refuse: 'Je refuse le devis',
};

/** A PNG always starts with the same 8 bytes, `iVBORw0KGgo` in base64. */
const PNG_DATA_URL = /^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/;
export const SIGNATURE_DATA_URL_MAX = Math.ceil((SIGNATURE_IMAGE_MAX_BYTES * 4) / 3) + 40;

export const ApprovalSignatureSchema = z
  .string({ error: 'Signez dans le cadre avant de valider.' })
  .min(1, { error: 'Signez dans le cadre avant de valider.' })
  .max(SIGNATURE_DATA_URL_MAX, { error: 'La signature est trop lourde.' })
  .regex(PNG_DATA_URL, { error: 'La signature doit être une image PNG.' });

/** The SHA-256 (hex) of the revision the page showed: `hashQuoteRevision`. */
export const RevisionHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: 'Empreinte du devis invalide : rechargez la page.' });

const signerName = text({ error: 'Saisissez votre nom et prénom.' })
  .trim()
  .min(2, { error: 'Saisissez votre nom et prénom.' })
  .max(150, { error: '150 caractères au maximum.' });

const bonPourAccord = z.literal(true, {
  error: 'Cochez « Bon pour accord » pour valider votre accord.',
});

const acceptance = {
  revisionHash: RevisionHashSchema,
  signerName,
  signature: ApprovalSignatureSchema,
  bonPourAccord,
};

export const ApprovalDecisionSchema = z
  .discriminatedUnion(
    'choice',
    [
      z.strictObject({ choice: z.literal('accept_all'), ...acceptance }),
      z.strictObject({
        choice: z.literal('accept_lines'),
        ...acceptance,
        acceptedLineIds: z
          .array(IdSchema)
          .min(1, { error: 'Cochez au moins une ligne à accepter.' })
          .max(QUOTE_LINES_MAX)
          .refine((ids) => new Set(ids).size === ids.length, {
            error: 'Une ligne figure deux fois.',
          }),
      }),
      z.strictObject({
        choice: z.literal('refuse'),
        revisionHash: RevisionHashSchema,
        signerName,
        reason: text({ error: 'Indiquez la raison de votre refus.' })
          .trim()
          .min(1, { error: 'Indiquez la raison de votre refus.' })
          .max(500, { error: '500 caractères au maximum.' }),
      }),
    ],
    { error: 'Choisissez d’accepter, d’accepter en partie ou de refuser le devis.' },
  )
  .meta({ id: 'ApprovalDecision' });

export type ApprovalDecision = z.output<typeof ApprovalDecisionSchema>;
export type ApprovalDecisionInput = z.input<typeof ApprovalDecisionSchema>;
