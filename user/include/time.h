/* time.h: struct timespec (the kernel's) and nanosleep. */
#ifndef _TIME_H
#define _TIME_H

#include <linux/time.h>

int nanosleep(const struct timespec *req, struct timespec *rem);
/* CLOCK_MONOTONIC only: the time since boot. */
int clock_gettime(int clock, struct timespec *tp);

#endif
