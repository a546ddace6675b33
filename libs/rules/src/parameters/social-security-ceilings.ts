import { CHECKED_AGAINST_SPEC, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

const checked = { checkedOn: CHECKED_ON, checkedAgainst: CHECKED_AGAINST_SPEC };
const annualOrder = (year: number) => `CSS D242-17; arrêté fixing the plafond de la sécurité sociale for ${year}`;

/** Monthly social-security ceiling, cents. Value in force on the last day of the month before the start (R331-5). */
export const PMSS: Parameter<number> = {
  name: 'PMSS',
  description: 'Plafond mensuel de la sécurité sociale, cents',
  values: [
    { from: '2023-01-01', to: '2023-12-31', value: 366_600, source: annualOrder(2023), ...checked },
    { from: '2024-01-01', to: '2024-12-31', value: 386_400, source: annualOrder(2024), ...checked },
    { from: '2025-01-01', to: '2025-12-31', value: 392_500, source: annualOrder(2025), ...checked },
    { from: '2026-01-01', value: 400_500, source: annualOrder(2026), ...checked },
  ],
};

/** Annual social-security ceiling, cents (12 × PMSS). Value in force on the chain's start date (R433-2). */
export const PASS: Parameter<number> = {
  name: 'PASS',
  description: 'Plafond annuel de la sécurité sociale, cents',
  values: [
    { from: '2024-01-01', to: '2024-12-31', value: 4_636_800, source: annualOrder(2024), ...checked },
    { from: '2025-01-01', to: '2025-12-31', value: 4_710_000, source: annualOrder(2025), ...checked },
    { from: '2026-01-01', value: 4_806_000, source: annualOrder(2026), ...checked },
  ],
};
