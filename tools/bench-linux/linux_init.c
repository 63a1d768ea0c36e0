/*
 * /init for `make bench-linux`: the same micro-benchmarks as Janus's
 * user/bin/bench.c, built static for i386 Linux and run as PID 1 of a Debian
 * kernel in the same QEMU. It prints the same report lines
 * (include/uapi/janus/bench.h) to the console, so tests/run.py reads both
 * kernels with one parser, then leaves QEMU through isa-debug-exit.
 *   null_syscall        getpid through glibc's syscall(): __kernel_vsyscall
 *                       in the vDSO, sysenter
 *   null_syscall_int80  getpid with a hand-written int 0x80
 *   process_switch      two processes pinned to one CPU taking turns with
 *                       sched_yield(), per switch, if they do take turns:
 *                       the partner counts its turns in shared memory. CFS
 *                       does not hand over at a sched_yield() (the yielder
 *                       keeps the CPU while its vruntime is the smaller), so
 *                       on Linux this is usually "not comparable": the pipe
 *                       round trip is Linux's switch figure
 *   pipe_roundtrip      a byte to another process through a pipe and back
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "../../include/uapi/janus/bench_loop.h"

#define BATCH 8

static unsigned long long samples[BENCH_SAMPLES];

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ull + t.tv_nsec;
}

/* TSC ticks per millisecond, against the kernel's monotonic clock. */
static unsigned long tsc_khz(void)
{
	uint64_t t0 = now_ns(), c0 = bench_tsc(), t1, c1;

	do
		t1 = now_ns();
	while (t1 - t0 < 200000000ull);
	c1 = bench_tsc();
	return (unsigned long)((c1 - c0) * 1000000ull / (t1 - t0));
}

static void report(const char *name, const char *floor, unsigned int batch)
{
	struct bench_stats s = bench_stats(samples, BENCH_SAMPLES);

	printf(BENCH_LINE, name, batch, BENCH_SAMPLES, 0u, s.min, s.p10, s.median, s.p90, floor);
	fflush(stdout);
}

static void measure(void (*op)(void), unsigned int batch)
{
	bench_measure(samples, op, batch);
}

static void null_syscall(void) { syscall(SYS_getpid); }

static void null_syscall_int80(void)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "0"(SYS_getpid) : "memory");
}

static void yield(void) { sched_yield(); }

static volatile unsigned long *partner_turns;

static int to_child[2], to_parent[2];

static void pipe_roundtrip(void)
{
	char c = 'x';

	if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
		_exit(1);
}

static void pin_to_cpu0(void)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(0, &one);
	sched_setaffinity(0, sizeof(one), &one);
}

int main(void)
{
	unsigned long turns;
	pid_t pid;

	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	pin_to_cpu0(); /* the children inherit it */
	printf("bench: tsc_khz %lu kHz, on CPU0 of %ld\n", tsc_khz(), sysconf(_SC_NPROCESSORS_ONLN));
	measure(null_syscall_int80, BATCH);
	report("null_syscall_int80", "-", BATCH);
	measure(null_syscall, BATCH);
	report("null_syscall", "-", BATCH);

	partner_turns = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid = fork();
	if (!pid)
		for (;;) {
			sched_yield();
			++*partner_turns;
		}
	sched_yield();
	turns = *partner_turns;
	measure(yield, 1);
	turns = *partner_turns - turns;
	if (turns < BENCH_SAMPLES)
		printf("bench: process_switch not comparable: the partner ran %lu times in %u "
		       "sched_yield() calls\n", turns, BENCH_SAMPLES + 1);
	else
		report("process_switch", "-", 2);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	if (pipe(to_child) || pipe(to_parent))
		return 1;
	pid = fork();
	if (!pid) {
		char c;

		while (read(to_child[0], &c, 1) == 1 && write(to_parent[1], &c, 1) == 1)
			;
		_exit(0);
	}
	measure(pipe_roundtrip, 1);
	report("pipe_roundtrip", "-", 1);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	printf("bench: done\n");
	fflush(stdout);
	tcdrain(STDOUT_FILENO); /* out of the UART before QEMU goes */
	if (ioperm(0xf4, 1, 1) == 0)
		outb(0x10, 0xf4); /* isa-debug-exit: (0x10 << 1) | 1, a pass */
	return 0;
}
