import { formatCents } from '@ij/money';
import type { BlockedBy, BlockingReason } from './blocking-reason';

/**
 * What a clerk reads out on the phone, in French (the fund's language), with a stable code for tools and
 * translations. One sentence per situation; the figures come from the status, never recomputed here.
 */
export type StatusCode = BlockingReason | 'PAID_UP' | 'PAYMENT_PLANNED' | 'NOT_STARTED' | 'ANNULLED';

export interface StatusMessage {
  code: StatusCode;
  text: string;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** 2026-03-01 → "1er mars 2026", 2026-03-12 → "12 mars 2026". */
export function frenchDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/** 2026-03 → "mars 2026". */
function frenchMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${MONTHS[number - 1]} ${year}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

export interface SentenceFacts {
  startDate: string;
  paidThrough: string | null;
  pendingCents: number;
  nextPaymentOn?: string;
  blockedBy?: BlockedBy;
  annulledOn?: string;
  today: string;
}

function paidPart(paidThrough: string | null): string {
  return paidThrough === null ? "Aucun jour de cet arrêt n'est encore payé" : `Cet arrêt est payé jusqu'au ${frenchDate(paidThrough)}`;
}

export function statusMessage(facts: SentenceFacts): StatusMessage {
  const { paidThrough, pendingCents, nextPaymentOn, blockedBy } = facts;
  if (facts.annulledOn !== undefined) return { code: 'ANNULLED', text: `Cet arrêt a été annulé le ${frenchDate(facts.annulledOn)} : aucune indemnité n'est due à ce titre.` };
  if (blockedBy) return { code: blockedBy.reason, text: blockedSentence(blockedBy, facts) };
  if (facts.startDate > facts.today) return { code: 'NOT_STARTED', text: `Cet arrêt commence le ${frenchDate(facts.startDate)} : rien n'est encore dû.` };
  if (nextPaymentOn !== undefined && pendingCents > 0) {
    return { code: 'PAYMENT_PLANNED', text: `${paidPart(paidThrough)}. ${formatCents(pendingCents)} sont en attente et seront versés lors du prochain paiement, le ${frenchDate(nextPaymentOn)}.` };
  }
  if (nextPaymentOn !== undefined) return { code: 'PAYMENT_PLANNED', text: `${paidPart(paidThrough)}. Les jours suivants seront versés lors du prochain paiement, le ${frenchDate(nextPaymentOn)}.` };
  return { code: 'PAID_UP', text: `${paidPart(paidThrough)}. Rien n'est en attente.` };
}

function blockedSentence(blockedBy: BlockedBy, facts: SentenceFacts): string {
  const since = frenchDate(blockedBy.since);
  const pending = facts.pendingCents > 0 ? ` ${formatCents(facts.pendingCents)} vous attendent.` : '';
  switch (blockedBy.reason) {
    case 'MISSING_SALARY_CERTIFICATE': {
      const months = blockedBy.missingMonths && blockedBy.missingMonths.length > 0 ? ` (salaires de ${list(blockedBy.missingMonths.map(frenchMonth))})` : '';
      return `Nous attendons l'attestation de salaire de votre employeur depuis le ${since}${months} : le montant sera calculé et versé dès sa réception.`;
    }
    case 'RULES_REVIEW_NEEDED':
      return `Votre dossier doit être examiné par nos services (règle de calcul à vérifier pour le ${since}) : nous revenons vers vous dès que c'est fait.`;
    case 'REGULARIZATION_NOT_PLANNED':
      return `${paidPart(facts.paidThrough)}. Le paiement des jours suivants doit être lancé par nos services ; aucune date n'est encore fixée.${pending}`;
    case 'BANK_ACCOUNT_UNCONFIRMED':
      return `Vos nouvelles coordonnées bancaires, enregistrées le ${since}, sont en cours de vérification par nos services : le paiement suivra cette vérification.${pending}`;
    case 'TRANSFER_RETURNED': {
      const reason = blockedBy.returnReasonCode ? ` (motif ${blockedBy.returnReasonCode}${blockedBy.returnReasonText ? ` : ${blockedBy.returnReasonText}` : ''})` : '';
      return `Votre banque nous a renvoyé le virement le ${since}${reason} : merci de nous transmettre un nouveau RIB.${pending}`;
    }
    case 'NO_BANK_ACCOUNT':
      return `Nous n'avons pas vos coordonnées bancaires : merci de nous transmettre un RIB pour que nous puissions vous payer.${pending}`;
  }
}
