import { productionTopologySuite } from './topology-suite';

/**
 * LEDGER_EVENT_STORE=postgres in production shape, on the machine's PostgreSQL: commands from two API
 * processes on shared policyholders lose nothing, the standby projector takes over from the checkpoint
 * when the active one dies (the models then equal a rebuild), and an API process killed mid-burst loses
 * no acknowledged command.
 */
productionTopologySuite('postgres');
