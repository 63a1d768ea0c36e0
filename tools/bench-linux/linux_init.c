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
 *                       sched_yield(), per switch. Both are SCHED_FIFO at one
 *                       priority: CFS does not hand over at a sched_yield()
 *                       while the yielder's vruntime is the smaller. The
 *                       partner counts its turns in shared memory, and only
 *                       calls in which it ran exactly once are kept
 *   pipe_roundtrip      a byte to another process through a pipe and back
 * It also prints whether Linux isolates its page tables from user mode (PTI:
 * two CR3 loads in every system call), from sysfs.
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

static volatile unsigned long *partner_turns;

/* Two processes at the same SCHED_FIFO priority: a sched_yield() puts the
 * caller behind the other, as Janus's does, so every call is a switch there
 * and one back. A sample counts only if the partner ran exactly once in it
 * (missed= says how many did not): what is timed is two process switches. */
static void measure_switch(void)
{
	unsigned int kept = 0, missed = 0;
	struct bench_stats s;

	sched_yield(); /* warm-up */
	for (unsigned int i = 0; i < BENCH_SAMPLES; i++) {
		unsigned long before = *partner_turns;
		unsigned long long start = bench_tsc(), end;

		sched_yield();
		end = bench_tsc();
		if (*partner_turns - before == 1)
			samples[kept++] = end - start;
		else
			missed++;
	}
	if (kept < BENCH_SAMPLES / 2) {
		printf("bench: process_switch not comparable: the partner ran once in only %u of "
		       "%u sched_yield() calls\n", kept, BENCH_SAMPLES);
		return;
	}
	s = bench_stats(samples, kept);
	printf(BENCH_LINE, "process_switch", 2u, kept, missed, s.min, s.p10, s.median, s.p90, "-");
	fflush(stdout);
}

static int to_child[2], to_parent[2];

static void pipe_roundtrip(void)
{
	char c = 'x';

	if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
		_exit(1);
}

/* "Mitigation: PTI" means a CR3 load at every entry and exit of the kernel. */
static void print_meltdown(void)
{
	char line[128] = "unknown\n";
	FILE *f = fopen("/sys/devices/system/cpu/vulnerabilities/meltdown", "r");

	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = 0;
		fclose(f);
	}
	printf("bench: linux meltdown: %s", line);
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
	struct sched_param fifo;
	pid_t pid;

	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	pin_to_cpu0(); /* the children inherit it */
	printf("bench: tsc_khz %lu kHz, on CPU0 of %ld\n", tsc_khz(), sysconf(_SC_NPROCESSORS_ONLN));
	print_meltdown();
	measure(null_syscall_int80, BATCH);
	report("null_syscall_int80", "-", BATCH);
	measure(null_syscall, BATCH);
	report("null_syscall", "-", BATCH);

	partner_turns = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fifo.sched_priority = 1;
	if (sched_setscheduler(0, SCHED_FIFO, &fifo)) /* the child inherits it */
		printf("bench: process_switch: no SCHED_FIFO, CFS may not hand over\n");
	pid = fork();
	if (!pid)
		for (;;) {
			sched_yield();
			++*partner_turns;
		}
	sched_yield();
	measure_switch();
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	fifo.sched_priority = 0;
	sched_setscheduler(0, SCHED_OTHER, &fifo);

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
