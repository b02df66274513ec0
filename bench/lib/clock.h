/* Clocks for the benchmarks: wall time for what a user waits, CPU time
 * where a shared machine makes wall time swing (bench_sort, bench_store). */
#ifndef TTHC_BENCH_CLOCK_H
#define TTHC_BENCH_CLOCK_H

#include <time.h>

/* Seconds on clock id (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID). */
double bench_clock(clockid_t id);

/* Seconds of wall time (CLOCK_MONOTONIC). */
double bench_wall(void);

#endif
