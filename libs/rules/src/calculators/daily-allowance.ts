import type { StoppageKind } from '../rules.types';
import type { Calculator } from './calculation.types';
import { computeMaternityTariff } from './maternity.calculator';
import { computeOccupationalTariff } from './occupational.calculator';
import { computeSicknessTariff } from './sickness.calculator';
import { computeTherapeuticPartTimeTariff } from './therapeutic-part-time.calculator';

/** One calculator per kind; a missing kind is a compile error. */
export const CALCULATORS: Readonly<Record<StoppageKind, Calculator>> = {
  SICKNESS: computeSicknessTariff,
  THERAPEUTIC_PART_TIME: computeTherapeuticPartTimeTariff,
  OCCUPATIONAL_ACCIDENT: computeOccupationalTariff,
  OCCUPATIONAL_DISEASE: computeOccupationalTariff,
  MATERNITY: computeMaternityTariff,
  PATERNITY: computeMaternityTariff,
};
