/* janus.h: what Janus has that POSIX does not: spawn, and the TSC for timing. */
#ifndef _JANUS_H
#define _JANUS_H

#include <stdint.h>
#include <sys/types.h>

/* A new process running the program at path with arguments argv (NULL-ended): its pid. */
pid_t spawn(const char *path, char *const argv[]);

/* The CPU's time-stamp counter: cycles since reset. */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#endif
