/*
 * syscall_fuzz SEED CALLS: makes CALLS system calls with random and boundary
 * arguments, deterministically from SEED, and says how it went (run by the
 * kernel's `syscall_fuzz` suite, tests/kernel/syscall_fuzz.c; `make soak`
 * runs a million). The kernel must survive every one of them: a bad pointer
 * is -EFAULT, a bad number -ENOSYS, a bad value -EINVAL, and only the
 * calling process may come to harm.
 *
 * The calls are made by children, CHUNK calls each with seed SEED + chunk.
 * Some calls end their caller on purpose (exit, a kill of itself, a
 * sigreturn with a made-up frame): each child makes one of those last, after
 * its CHUNK ordinary calls, so the count is honest. The parent counts how
 * each child ended; a child that died before its last call is counted
 * apart, its calls not at all (more children run until CALLS calls are
 * made for sure). Every number up to NR_syscalls and
 * beyond is tried, every argument from: small numbers, -1 and the edges of
 * the 32-bit range, kernel addresses, NULL, an unmapped address, the
 * program's own (read-only) code, a valid buffer and its last bytes, and a
 * table of paths. What would only hang the child (sleeping for years,
 * reading the console) or reach beyond it (killing its parent, the test
 * device's deliberate bugs) is kept out.
 */
#include <errno.h>
#include <fcntl.h>
#include <janus.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <asm/unistd.h>
#include <linux/net.h>
#include <sys/socket.h>

#define CHUNK 1000
#define DONE 0x5a /* a child's exit code once its last call is made */

static unsigned int rng;

static unsigned int next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static unsigned int pick(unsigned int n)
{
	return next() % n;
}

static const int numbers[] = {
	__NR_exit, __NR_read, __NR_write, __NR_open, __NR_close, __NR_waitpid, __NR_getpid,
	__NR_kill, __NR_ioctl, __NR_getppid, __NR_sigaction, __NR_sigreturn, __NR_sched_yield,
	__NR_nanosleep, __NR_spawn, __NR_socketcall, __NR_socket, __NR_bind, __NR_setsockopt,
	__NR_getsockopt, __NR_getsockname, __NR_sendto, __NR_recvfrom, __NR_sendmsg, __NR_recvmsg,
};

static const char *const paths[] = {
	"/dev/null", "/dev/zero", "/proc/tasks", "/proc/interrupts", "/proc/softirqs",
	"/nonexistent", "", "/dev/", "/bin/syscall_fuzz",
};

static char buf[8192] __attribute__((aligned(4096)));
static struct timespec no_sleep = { 0, 0 }, short_sleep = { 0, 1000 }; /* a jiffy */
static pid_t parent;

/* One argument: mostly the awkward values a careless caller passes. */
static long argument(void)
{
	static const unsigned long edges[] = {
		0, 1, 2, 3, 16, 255, 4096, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe,
		0xc0000000, 0xc0100000, 0xfffff000, 0x10000000, 0x08048000,
	};

	switch (pick(6)) {
	case 0:
		return next();
	case 1:
		return edges[pick(sizeof(edges) / sizeof(edges[0]))];
	case 2:
		return (long)(buf + pick(sizeof(buf)));
	case 3:
		return (long)paths[pick(sizeof(paths) / sizeof(paths[0]))];
	case 4:
		return pick(20);
	default:
		return -(long)pick(5) - 1;
	}
}

static const struct sigaction sane_actions[] = { { .sa_handler = SIG_IGN },
						  { .sa_handler = SIG_DFL } };

/* Keeps a call from hanging its caller or reaching beyond it, and (until
 * the last call) from ending it. */
static void tame(int nr, long a[6])
{
	switch (nr) {
	case __NR_sigaction: /* a handler from nowhere would end it at the next signal */
		if ((unsigned long)a[1] - (unsigned long)buf < sizeof(buf))
			a[1] = (long)&sane_actions[pick(2)];
		break;
	case __NR_nanosleep: {
		/* Any readable memory may ask for years: a valid request (a real
		 * sleep rarely), or one the kernel must refuse. */
		static const unsigned long bad[] = { 0, 0xc0100000, 0xfffff000, 0x10000000, 1 };

		a[0] = pick(2) ? (long)(pick(50) ? &no_sleep : &short_sleep) : (long)bad[pick(5)];
		break;
	}
	case __NR_kill: /* never the parent, which counts, nor itself */
		if (a[0] == parent || a[0] <= 0 || a[0] == getpid())
			a[0] = 0x7fff0000;
		break;
	case __NR_read: /* stdin is closed: only files that never block are open */
	case __NR_waitpid: /* children spawned here exit at once */
		break;
	case __NR_open: /* the path table only: no /dev/selftest, no console */
		a[0] = (long)paths[pick(sizeof(paths) / sizeof(paths[0]))];
		break;
	case __NR_spawn: /* a child with no arguments exits at once */
		a[1] = 0;
		break;
	case __NR_socket: /* a socket's reads must not wait for frames that never come */
		a[1] |= SOCK_NONBLOCK;
		break;
	case __NR_socketcall: /* its arguments are memory: no socket() through it */
		if (a[0] == SYS_SOCKET)
			a[0] = SYS_BIND;
		break;
	}
}

static int random_number(void)
{
	if (pick(10))
		return numbers[pick(sizeof(numbers) / sizeof(numbers[0]))];
	return pick(3) ? (int)pick(NR_syscalls + 20) : (int)next();
}

static int ends_the_caller(int nr)
{
	return nr == __NR_exit || nr == __NR_sigreturn;
}

static int child(unsigned int seed)
{
	static const int last[] = { __NR_exit, __NR_sigreturn, __NR_kill };
	long a[6];
	int nr;

	rng = seed * 2654435761u + 1;
	/* Nothing of this child reaches the console. */
	close(0);
	close(1);
	close(2);
	for (int i = 0; i < CHUNK; i++) {
		do
			nr = random_number();
		while (ends_the_caller(nr));
		for (int k = 0; k < 6; k++)
			a[k] = argument();
		tame(nr, a);
		for (unsigned int k = 0; k < 64; k++) /* fresh garbage for pointers into buf */
			buf[pick(sizeof(buf))] = next();
		syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	/* The last call may end it: exit, a made-up sigreturn (SIGSEGV), or
	 * SIGUSR2 to itself. Each way out tells the parent the chunk is done. */
	nr = last[pick(3)];
	for (int k = 0; k < 6; k++)
		a[k] = argument();
	if (nr == __NR_exit)
		a[0] = DONE;
	if (nr == __NR_kill) {
		a[0] = getpid();
		a[1] = SIGUSR2;
	}
	syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	return DONE;
}

/* Whether a child got through its chunk: it ended by its last call or after it. */
static int chunk_done(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status) == DONE;
	return WTERMSIG(status) == SIGUSR2 || WTERMSIG(status) == SIGSEGV;
}

static unsigned int stuck;

/* A child whose made-up sigreturn sent it into an endless loop of its own
 * (user mode: the kernel is fine) is killed after a few seconds. */
static int wait_or_kill(pid_t pid, unsigned int chunk)
{
	uint64_t give_up = rdtsc() + 8000000000ull; /* a few seconds at any TSC rate */
	int status = 0;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (rdtsc() > give_up) {
			printf("    # syscall_fuzz: chunk %u stuck in user mode: killed\n", chunk);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			stuck++;
			break;
		}
		usleep(1000);
	}
	return status;
}

int main(int argc, char **argv)
{
	unsigned int seed, calls, chunks = 0, early = 0, killed = 0;
	uint64_t start = rdtsc();

	if (argc == 4 && !strcmp(argv[1], "-child")) {
		parent = getppid();
		return child(atoi(argv[2]));
	}
	if (argc != 3)
		return 0; /* spawned by a fuzzed spawn: nothing to do */
	seed = atoi(argv[1]);
	calls = atoi(argv[2]);
	/* Until CALLS calls are made: a chunk that died early does not count. */
	for (unsigned int c = 0; (c - early) * (CHUNK + 1) < calls; c++) {
		char s[16];
		char *cargv[] = { argv[0], "-child", s, "x", NULL };
		int status;
		pid_t pid;

		snprintf(s, sizeof(s), "%u", seed + c);
		pid = spawn(argv[0], cargv);
		if (pid < 0) {
			printf("    # syscall_fuzz: chunk %u: cannot run a child\n", c);
			return 1;
		}
		status = wait_or_kill(pid, c);
		if (WIFSIGNALED(status))
			killed++;
		if (!chunk_done(status))
			early++; /* did not reach its last call */
		chunks = c + 1;
	}
	printf("    # syscall_fuzz: seed %u: %u calls in %u children (%u ended by a signal, %u of "
	       "them before their last call, %u stuck in user mode); %llu Mcycles\n", seed,
	       (chunks - early) * (CHUNK + 1), chunks, killed, early, stuck,
	       (unsigned long long)((rdtsc() - start) >> 20));
	return 0;
}
