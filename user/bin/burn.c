/*
 * burn: keeps a CPU busy in user mode (for the cputime suite and for
 * watching top) for MS milliseconds of CLOCK_MONOTONIC time, in a loop that
 * makes a system call (to read the clock) only once a million rounds.
 *
 *   burn [MS]     default 2000
 */
#include <stdlib.h>
#include <time.h>

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	long long end = now_ms() + (argc > 1 ? atoi(argv[1]) : 2000);
	volatile long sink = 0;

	do {
		for (long i = 0; i < 1000000; i++)
			sink += i;
	} while (now_ms() < end);
	return 0;
}
