// Preloaded into Prisma CLI runs (`node -r`): the CLI's WebAssembly schema engine leaves a 10-second
// timer behind after `migrate deploy` has finished, which kept every start 10 s longer. Long timers
// are unref'd so they cannot hold the finished process open; the work itself is awaited as before.
const original = global.setTimeout;
global.setTimeout = function setTimeout(fn, ms, ...args) {
  const t = original(fn, ms, ...args);
  if (ms >= 5000 && t && typeof t.unref === 'function') t.unref();
  return t;
};
