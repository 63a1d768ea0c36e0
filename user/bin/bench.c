/*
 * bench: user-mode benchmarks, run by the kernel's `make bench` harness
 * (tests/kernel/bench_user.c). Each figure goes to the kernel log through
 * /dev/kmsg as "bench: NAME VALUE cycles", next to the kernel's own.
 *   null_syscall     getpid(): int 0x80, the dispatch, iret, per call
 *   process_switch   two processes handing the CPU to each other with
 *                    sched_yield(), per switch
 */
#include <fcntl.h>
#include <janus.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALLS 1000
#define TRIALS 11
#define YIELDS 500

static int kmsg;

static void report(const char *name, unsigned long long value)
{
	dprintf(kmsg, "bench: %s %llu cycles\n", name, value);
}

static unsigned long long best_of(unsigned long long (*measure)(void))
{
	unsigned long long best = ~0ull;

	for (int t = 0; t < TRIALS; t++) {
		unsigned long long v = measure();
		if (v < best)
			best = v;
	}
	return best;
}

static unsigned long long getpid_loop(void)
{
	uint64_t start = rdtsc();

	for (int i = 0; i < CALLS; i++)
		getpid();
	return (unsigned long)(rdtsc() - start) / CALLS; /* 32-bit: no libgcc here */
}

static unsigned long long yield_loop(void)
{
	uint64_t start = rdtsc();

	for (int i = 0; i < YIELDS; i++)
		sched_yield();
	return (unsigned long)(rdtsc() - start) / (2 * YIELDS); /* each round: there and back */
}

int main(int argc, char **argv)
{
	static char *const partner[] = { "/bin/bench", "yield-partner", NULL };
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "yield-partner")) {
		for (;;)
			sched_yield();
	}
	kmsg = open("/dev/kmsg", O_WRONLY);
	report("null_syscall", best_of(getpid_loop));
	pid = spawn(partner[0], partner);
	sched_yield(); /* it has started */
	report("process_switch", best_of(yield_loop));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return 0;
}
