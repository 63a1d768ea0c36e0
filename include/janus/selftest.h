/* Boot-time self-tests and benchmarks (kernel/selftest/selftest.c). */
#ifndef _JANUS_SELFTEST_H
#define _JANUS_SELFTEST_H
#include <linux/types.h>
/* Runs what the command line asked for; returns the QEMU exit code for the
 * result, or -1 if nothing was asked for. */
int run_boot_tests(void);
#endif
