/** The reader of src/core/export/csv.ts, for the CLI's round-trip tests. */
export { readCsv } from '../../src/core/export/csv';
