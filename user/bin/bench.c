/*
 * bench: user-mode benchmarks, run by the kernel's `make bench` harness
 * (tests/kernel/bench_user.c). Each figure goes to the kernel log through
 * /dev/kmsg in the format of include/uapi/janus/bench.h, next to the
 * kernel's own.
 *   user_int_iret    `int` from ring 3 into a gate that only irets: the
 *                    floor of a system call through a gate
 *   sysenter_sysexit sysenter into a bare sysexit (with `sysenter` as its
 *                    argument: the CPU has it): the floor through sysenter
 *   null_syscall_int80  getpid() with a hand-written `int 0x80`
 *   null_syscall     getpid() through the libc, which calls the vsyscall
 *                    page: entry, dispatch, exit
 *   process_switch   two processes handing the CPU to each other with
 *                    sched_yield() (batch 2: per switch)
 *   pipe_roundtrip   two processes ping-ponging one byte through two pipes
 *                    (write, the reader wakes, writes back, the first wakes),
 *                    per round trip: the figure Linux's pipe benchmarks give
 * `bench traced` measures null_syscall alone, as null_syscall_traced: the
 * kernel runs it with the sys_enter/sys_exit events on (kernel/trace/).
 */
#include <fcntl.h>
#include <janus.h>
#include <janus/bench_loop.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/unistd.h>

#define BATCH 8

static int kmsg;
static unsigned long long samples[BENCH_SAMPLES];

static void report(const char *name, const char *floor, unsigned int batch)
{
	struct bench_stats s = bench_stats(samples, BENCH_SAMPLES);

	dprintf(kmsg, BENCH_LINE, name, batch, BENCH_SAMPLES, 0u, s.min, s.p10, s.median, s.p90,
		floor);
}

static void measure(void (*op)(void), unsigned int batch)
{
	bench_measure(samples, op, batch);
}

static void int_iret(void)
{
	__asm__ __volatile__("int %0" : : "i"(BENCH_IRET_VECTOR) : "memory");
}

/* Into the floor's bare sysexit, straight back to the label. */
static void sysenter_sysexit(void)
{
	__asm__ __volatile__("movl %%esp, %%ecx\n\t"
			     "movl $1f, %%edx\n\t"
			     "sysenter\n"
			     "1:"
			     : : : "ecx", "edx", "memory");
}

static void toggle_sysenter(void)
{
	__asm__ __volatile__("int %0" : : "i"(BENCH_SYSENTER_VECTOR) : "memory");
}

static void null_syscall_int80(void)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "0"(__NR_getpid) : "memory");
}

static void null_syscall(void)
{
	getpid();
}

static void yield(void)
{
	sched_yield();
}

static int to_child[2], from_child[2];

/* One round trip: a byte there, the same byte back. */
static void pipe_roundtrip(void)
{
	char c = 'p';

	write(to_child[1], &c, 1);
	read(from_child[0], &c, 1);
}

/* The other end: each byte straight back, until the pipe ends. */
static void echo_child(void)
{
	char c;

	close(to_child[1]); /* or its own write end would keep the read from ever ending */
	close(from_child[0]);
	while (read(to_child[0], &c, 1) == 1)
		write(from_child[1], &c, 1);
	exit(0);
}

/* Each round trip is two switches at least: process_switch is its floor. */
static void bench_pipe(void)
{
	pid_t pid;

	pipe(to_child);
	pipe(from_child);
	pid = fork();
	if (pid == 0)
		echo_child();
	close(to_child[0]);
	close(from_child[1]);
	measure(pipe_roundtrip, BATCH);
	report("pipe_roundtrip", "process_switch", BATCH);
	close(to_child[1]); /* the child reads end of file and exits */
	waitpid(pid, NULL, 0);
	close(from_child[0]);
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
	if (argc > 1 && !strcmp(argv[1], "traced")) { /* the kernel turned sys_enter/exit on */
		measure(null_syscall, BATCH);
		report("null_syscall_traced", "null_syscall", BATCH);
		return 0;
	}
	measure(int_iret, BATCH);
	report("user_int_iret", "-", BATCH);
	measure(null_syscall_int80, BATCH);
	report("null_syscall_int80", "user_int_iret", BATCH);
	if (argc > 1 && !strcmp(argv[1], "sysenter")) {
		toggle_sysenter(); /* no system call until it is toggled back */
		measure(sysenter_sysexit, BATCH);
		toggle_sysenter();
		report("sysenter_sysexit", "-", BATCH);
	}
	measure(null_syscall, BATCH);
	report("null_syscall", argc > 1 ? "sysenter_sysexit" : "user_int_iret", BATCH);
	pid = spawn(partner[0], partner);
	sched_yield(); /* it has started */
	measure(yield, 1);
	report("process_switch", "yield_switch_2", 2);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	bench_pipe();
	return 0;
}
