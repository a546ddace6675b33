export { policyholderStatus, type PolicyholderStatus, type StoppageStatus, type StatusContext } from './policyholder-status';
export { BLOCKING_REASONS, type BlockingReason, type BlockedBy, type WaitingFor } from './blocking-reason';
export { statusMessage, frenchDate, type StatusCode, type StatusMessage } from './status-sentence';
export { parsePaymentSchedule, nextPaymentRunOn, NO_PAYMENT_SCHEDULE, InvalidPaymentSchedule, type PaymentSchedule } from './payment-schedule';
export { timelinessReport, summarize as summarizeTimeliness, UNPAID_AFTER_DAYS, type TimelinessReport, type UnpaidStoppage, type UnpaidReason } from './timeliness';
export { DELAY_BUCKETS, type DelayBucket, type DelayFigures } from './delay-figures';
export { missingCertificatesReport, missingCertificatesCsv, type MissingCertificatesReport, type MissingCertificate, type EmployerReminder } from './missing-certificates';
