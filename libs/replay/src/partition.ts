/** The policyholder hash lives with the read models, which partitioned rebuilds also split by it. */
export { partitionOf } from '@ij/projections/documents';
