/* Time: nanosleep and clock_gettime (the system calls), sleep and usleep on top. */
#include <time.h>
#include <unistd.h>
#include "syscall.h"

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall2(__NR_nanosleep, req, rem);
}

/* The seconds left to sleep, rounded up, when a signal cut the sleep short; else 0. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds }, rem = req;

	if (nanosleep(&req, &rem) < 0)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int clock_gettime(int clock, struct timespec *tp)
{
	return syscall2(__NR_clock_gettime, clock, tp);
}

int usleep(useconds_t us)
{
	struct timespec req = { .tv_sec = us / 1000000, .tv_nsec = us % 1000000 * 1000 };

	return nanosleep(&req, NULL);
}
