/* time.h: struct timespec (the kernel's) and nanosleep. */
#ifndef _TIME_H
#define _TIME_H

#include <linux/time.h>

int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
