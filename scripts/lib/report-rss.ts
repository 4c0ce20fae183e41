/**
 * Preloaded with `node --import tsx --import ./scripts/lib/report-rss.ts scripts/analyze.ts ...`
 * by the bounds tests: writes the process's peak resident set size to stderr as it exits, as the
 * last line `maxrss-kb <n>`.
 */
process.on('exit', () => {
  process.stderr.write(`\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
