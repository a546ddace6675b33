/** The answer shapes of api.md that the console reads (only the fields it shows). */
export interface Bucket {
  count: number;
  amountCents: number;
}
export interface BacklogRow {
  policyholderId: string;
  stoppageId: string;
  kind: string;
  reason: string;
  amountCents: number;
  since: string;
  ageDays: number;
  ageBucket: string;
}
export interface Backlog {
  through: string;
  rulesVersion: string;
  totals: Bucket;
  byReason: (Bucket & { reason: string })[];
  byKind: (Bucket & { kind: string })[];
  byAgeBucket: (Bucket & { ageBucket: string })[];
  rows: BacklogRow[];
}

export interface StoppageSummary {
  stoppageId: string;
  kind: string;
  status: string;
  entitlementStatus: string;
  entitlementCents: number;
  paidCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
}
export interface Balance {
  policyholderId: string;
  through: string;
  rulesVersion: string;
  entitlementCents: number;
  paidCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
  stoppages: StoppageSummary[];
}
export interface HistoryEvent {
  position: number;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  recordedAt: string;
  actor: string;
  correlationId: string;
  rulesVersion?: string;
}

export interface Stoppage extends StoppageSummary {
  policyholderId: string;
  startDate: string;
  endDate: string;
  prescribedOn?: string;
  prolongationOf?: string;
  ald?: { affectionId: string };
  accidentDate?: string;
  lastDay?: string;
  employerId?: string;
  annulled?: { reason: string; annulledOn: string };
  requalifications?: { previousKind: string; kind: string; recognizedOn: string }[];
  openedOn: string;
  through: string;
  rulesVersion: string;
  salaries?: { month: string; grossCents: number }[];
  extensions: { newEndDate: string; prescribedOn?: string; extendedOn?: string }[];
  advances: { advanceId: string; amountCents: number; reason: string; issuedOn: string }[];
  regularizations: {
    regularizationId: string;
    through: string;
    rulesVersion: string;
    entitlementCents: number;
    paidBeforeCents: number;
    deltaCents: number;
    outcome: string;
    regularizedOn: string;
  }[];
  recoveries: { amountCents: number; recoveredOn?: string }[];
}
export interface Entitlement {
  rulesVersion: string;
  through: string;
  status: string;
  dailyBaseCents: number;
  entitlementCents: number;
  days: { date: string; paid: boolean; amountCents: number; reason: string }[];
  steps: { label: string; value: string; legalRef: string }[];
}

export interface Rules {
  active: string;
  versions: { version: string; releasedOn: string; notes: string }[];
}

export interface Replay {
  replayId: string;
  rulesVersion: string;
  currentRulesVersion?: string;
  through: string;
  status: string;
  reason?: string;
  processed: number;
  total: number;
  affected: number;
  underpaidCents: number;
  overpaidCents: number;
}
export interface DiffRow {
  policyholderId: string;
  stoppageId: string;
  kind?: string;
  currentCents: number;
  replayedCents: number;
  paidCents: number;
  deltaCents: number;
}
export interface DiffPage {
  rows: DiffRow[];
  next?: string | null;
}

export interface Verification {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  regularizationsChecked?: number;
  failures: { streamId: string; revision: number; kind: string; detail: string; expected?: unknown; actual?: unknown }[];
}

/** GET /v1/policyholders/{id}/status (api.md "Where is my money"). */
export interface BlockedBy {
  reason: string;
  since: string;
  waitingFor: 'EMPLOYER' | 'FUND' | 'BANK' | 'POLICYHOLDER';
}
export interface StoppageStatus {
  stoppageId: string;
  kind: string;
  startDate: string;
  endDate: string;
  paidThrough: string | null;
  pendingCents: number;
  pendingKnown: boolean;
  nextPaymentOn?: string;
  blockedBy?: BlockedBy;
  daysWithoutIncome: number;
  message: { code: string; text: string };
}
export interface PolicyholderStatus {
  policyholderId: string;
  asOf: string;
  daysWithoutIncome: number;
  stoppages: StoppageStatus[];
}

/** GET /v1/reports/timeliness. */
export interface DelayFigures {
  days: number;
  p50: number | null;
  p90: number | null;
  max: number | null;
}
export interface Timeliness {
  from: string;
  to: string;
  asOf: string;
  rulesVersion: string;
  payableDays: number;
  delays: DelayFigures;
  byKind: (DelayFigures & { kind: string })[];
  waiting: { days: number; longestDays: number | null };
  distribution: { bucket: string; days: number }[];
  byWeek: (DelayFigures & { weekOf: string; waitingDays: number })[];
  unpaidAfter30Days: {
    stoppages: number;
    policyholders: number;
    byReason: { reason: string; waitingFor: string; stoppages: number; policyholders: number }[];
    rows: { policyholderId: string; stoppageId: string; kind: string; startDate: string; daysSinceStart: number; reason: string; waitingFor: string }[];
  };
}
