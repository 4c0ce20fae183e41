/**
 * Version of the saved session this app writes; `readSession` (session-schema.ts) upgrades older
 * ones. Kept apart so that the first bundle need not hold the checks of a restore.
 */
export const SESSION_SCHEMA_VERSION = 2;
