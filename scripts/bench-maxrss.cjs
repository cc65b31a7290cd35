// Preloaded by the benchmark (node -r) into a CLI process: prints the process's peak resident
// memory, worker threads included, as the last line of stderr.
process.on('exit', () => {
  process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`);
});
