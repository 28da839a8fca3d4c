// V8 settings of the service's process, set before anything else is loaded (main.ts imports this
// module first).
//
// Allocation-site pretenuring off. V8 watches each place in the code that allocates objects, and
// when those objects often survive a young collection it allocates the next ones straight in the old
// generation. A server's objects live as long as a request, but the rows of a page were judged
// long-lived (from how many of them young collections had found alive) and allocated old; every young
// object they pointed to (their dates and texts) was kept through the young collections by a row
// already dead, promoted, and cleared only by a full collection. Measured on the flat page of
// 10,000 releases with one connection (issue 9, seventeenth round, docs/performance.md): 800 KB
// survived each young collection and was promoted, young pauses of 1 ms and a full collection every
// 3 s; with pretenuring off, 11 KB, 0.3 ms, no full collection, and 10 to 20% more requests a second.
// Set at run time, it holds for every way the service is started (npm start, the bench, a container).
import v8 from 'node:v8';

v8.setFlagsFromString('--no-allocation-site-pretenuring');
