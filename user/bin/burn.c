/*
 * burn: keeps a CPU busy in user mode (for the cputime suite and for
 * watching top): N million rounds of a loop that makes no system call.
 *
 *   burn [MILLIONS]     default 20
 */
#include <stdlib.h>

int main(int argc, char **argv)
{
	long rounds = (argc > 1 ? atoi(argv[1]) : 20) * 1000000L;
	volatile long sink = 0;

	for (long i = 0; i < rounds; i++)
		sink += i;
	return 0;
}
