import fixed from '../../data/fixed-parameters.json';
import maternityMaximumDailyAllowance from '../../data/parameters/maternity-maximum-daily-allowance.json';
import maternityMinimumDailyAllowance from '../../data/parameters/maternity-minimum-daily-allowance.json';
import maternityRates from '../../data/parameters/maternity-rates.json';
import occupationalDailyBaseCapPassRate from '../../data/parameters/occupational-daily-base-cap-pass-rate.json';
import occupationalMaximumDailyAllowance from '../../data/parameters/occupational-maximum-daily-allowance.json';
import occupationalRates from '../../data/parameters/occupational-rates.json';
import paidDaysLimits from '../../data/parameters/paid-days-limits.json';
import pass from '../../data/parameters/pass.json';
import pmss from '../../data/parameters/pmss.json';
import recoveryLimitation from '../../data/parameters/recovery-limitation.json';
import sicknessMaximumDailyAllowance from '../../data/parameters/sickness-maximum-daily-allowance.json';
import sicknessRates from '../../data/parameters/sickness-rates.json';
import sicknessSalaryCapSmicMultiple from '../../data/parameters/sickness-salary-cap-smic-multiple.json';
import smicMonthly from '../../data/parameters/smic-monthly.json';
import socialContributions from '../../data/parameters/social-contributions.json';
import versions from '../../data/versions.json';
import { versionsFromData } from './rules-data';

/**
 * The data files of libs/rules/data, bundled at build time (JSON imports: no file system at run time, the
 * engine stays pure) and validated once, at import. A new parameter value or a new release is a change of
 * these files only; a new parameter (a new file) is also a line here and a field of RulesParameters.
 */
export const RULES_DATA = {
  parameters: [
    smicMonthly,
    pmss,
    pass,
    sicknessSalaryCapSmicMultiple,
    occupationalDailyBaseCapPassRate,
    sicknessMaximumDailyAllowance,
    occupationalMaximumDailyAllowance,
    maternityMaximumDailyAllowance,
    maternityMinimumDailyAllowance,
    sicknessRates,
    occupationalRates,
    maternityRates,
    socialContributions,
    paidDaysLimits,
    recoveryLimitation,
  ] as unknown[],
  fixed: fixed as unknown,
  versions: versions as unknown,
};

export const VERSIONS_FROM_DATA = versionsFromData(RULES_DATA);
