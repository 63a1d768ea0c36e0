/*
 * syscall_test CASE: the system calls from user mode, each case its happy
 * path and its errors (run by the kernel's `syscall` suite,
 * tests/kernel/syscall.c). Exits with the number of failed checks.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <janus.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <asm/unistd.h>

static void ids(void)
{
	CHECK(getpid() > 1);
	CHECK(getppid() == 0); /* started by the kernel's test, not by a process */
}

static void files(void)
{
	char buf[16];
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);

	CHECK(null >= 3 && zero > null);
	CHECK(write(null, "gone", 4) == 4);
	CHECK(read(null, buf, sizeof(buf)) == 0);
	memset(buf, 1, sizeof(buf));
	CHECK(read(zero, buf, sizeof(buf)) == sizeof(buf));
	CHECK(buf[0] == 0 && buf[15] == 0);
	CHECK_ERR(write(zero, "x", 1), EBADF); /* opened read-only */
	CHECK(close(null) == 0 && close(zero) == 0);
	CHECK_ERR(close(null), EBADF);
	CHECK_ERR(read(99, buf, 1), EBADF);
	CHECK_ERR(open("/nonexistent", O_RDONLY), ENOENT);
	CHECK_ERR(open("/dev/nonexistent", O_RDONLY), ENOENT);
	CHECK_ERR(open("/dev/null", 3), EINVAL);
	CHECK_ERR(open((const char *)0, O_RDONLY), EFAULT);
	CHECK_ERR(read(STDOUT_FILENO + 100, buf, 1), EBADF);
}

static void too_many_files(void)
{
	int fd, opened = 0;

	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		opened++;
	CHECK(errno == EMFILE);
	CHECK(opened == 16 - 3); /* 16 descriptors, 3 of them stdio */
	for (fd = 3; fd < 16; fd++)
		close(fd);
	CHECK(open("/dev/null", O_RDONLY) == 3); /* the lowest free one again */
}

static void ioctls(void)
{
	int null = open("/dev/null", O_RDONLY);

	CHECK_ERR(ioctl(null, 0x1234, 0), ENOTTY);
	CHECK_ERR(ioctl(42, 0x1234, 0), EBADF);
	close(null);
}

static void unknown_numbers(void)
{
	CHECK_ERR(syscall(14), ENOSYS);     /* mknod: not in Janus */
	CHECK_ERR(syscall(9999), ENOSYS);
	CHECK_ERR(syscall(-1), ENOSYS);
	CHECK(syscall(__NR_getpid) == getpid());
	CHECK(sched_yield() == 0);
}

static void sleeping(void)
{
	struct timespec t = { 0, 200 * 1000 * 1000 }, bad = { 0, 1000 * 1000 * 1000 };

	CHECK(nanosleep(&t, NULL) == 0);
	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);
	CHECK_ERR(nanosleep((struct timespec *)0xc0000000, NULL), EFAULT);
}

/* The child of children: it got its arguments, in order. */
static int args_child(int argc, char **argv)
{
	return !(argc == 4 && !strcmp(argv[2], "from") && !strcmp(argv[3], "syscall_test"));
}

static void children(void)
{
	static char *const args[] = { "/bin/syscall_test", "args-child", "from", "syscall_test",
				      NULL };
	int status = -1;
	pid_t pid = spawn(args[0], args);

	CHECK(pid > getpid());
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_ERR(waitpid(pid, &status, 0), ECHILD); /* reaped already */
	CHECK_ERR(wait(&status), ECHILD);
	CHECK_ERR(spawn("/bin/nonexistent", args), ENOENT);
	CHECK_ERR(spawn((const char *)16, args), EFAULT);
	CHECK_ERR(waitpid(0, &status, 0), ECHILD); /* none left in my process group */
}

static void exit_codes(void)
{
	static char *const child[] = { "/bin/syscall_test", "exit-child", NULL };
	int status = 0;
	pid_t pid = spawn(child[0], child);

	CHECK(waitpid(pid, &status, WNOHANG) == 0); /* still sleeping */
	CHECK(waitpid(-1, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
}

/* The child of exit_codes: its parent is a process now. */
static void exit_child(void)
{
	struct timespec t = { 0, 50 * 1000 * 1000 };

	if (getppid() <= 1)
		exit(1);
	nanosleep(&t, NULL);
	exit(42);
}

static void kill_and_default_actions(void)
{
	static char *const sleeper[] = { "/bin/syscall_test", "sleep-child", NULL };
	int status = 0;
	pid_t pid = spawn(sleeper[0], sleeper);

	CHECK(kill(pid, 0) == 0);
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK_ERR(kill(pid, 0), ESRCH);
	CHECK_ERR(kill(getpid(), 99), EINVAL);
	CHECK_ERR(kill(1, SIGTERM), EPERM); /* a kernel thread */
	CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
	CHECK(kill(getpid(), SIGUSR2) == 0); /* ignored: nothing happens */
	CHECK_ERR(signal(SIGKILL, SIG_IGN), EINVAL);
	CHECK_ERR(sigaction(0, NULL, NULL), EINVAL);
	CHECK_ERR(sigaction(32, NULL, NULL), EINVAL);
}

static void sleep_child(void)
{
	sleep(100);
	exit(1); /* not reached: killed */
}

static volatile int handled;

static void on_usr1(int sig)
{
	handled = sig;
}

static volatile int told_to_stop;

static void on_usr2(int sig)
{
	told_to_stop = sig;
}

/* Signals the parent every 20 ms, at most `times` times or until told to
 * stop (SIGUSR2), then exits 7. A signal sent once, after a fixed delay,
 * could come before the parent is asleep in the call under test (a busy
 * host): the next one then finds it asleep. */
static void signal_parent(int times)
{
	struct timespec t = { 0, 20 * 1000 * 1000 };
	struct sigaction sa = { .sa_handler = on_usr2 };

	sigaction(SIGUSR2, &sa, NULL);
	for (int i = 0; i < times && !told_to_stop; i++) {
		nanosleep(&t, NULL);
		kill(getppid(), SIGUSR1);
	}
	exit(7);
}

/* The child of the EINTR cases: until told to stop (a minute at most). */
static void signal_child(void)
{
	signal_parent(3000);
}

/* The child of the restart case: five signals, then it exits by itself. */
static void signal_child_5(void)
{
	signal_parent(5);
}

static pid_t start_signal_child(const char *mode, unsigned long flags)
{
	char *const child[] = { "/bin/syscall_test", (char *)mode, NULL };
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = flags };

	handled = 0;
	sigaction(SIGUSR1, &sa, NULL);
	return spawn(child[0], child);
}

/* Tells the signal child to stop and reaps it; its last signals restart the wait. */
static void stop_signal_child(pid_t pid)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	int status = 0;

	sigaction(SIGUSR1, &sa, NULL);
	kill(pid, SIGUSR2);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
}

/* A signal cuts a sleeping waitpid short: the handler runs, waitpid fails EINTR. */
static void a_signal_interrupts_a_sleeping_call(void)
{
	int status = 0;
	pid_t pid = start_signal_child("signal-child", 0);

	CHECK_ERR(waitpid(pid, &status, 0), EINTR);
	CHECK(handled == SIGUSR1);
	stop_signal_child(pid);
}

/* With SA_RESTART the same waitpid starts again after each handler and
 * returns the child when it exits. */
static void sa_restart_restarts_it(void)
{
	int status = 0;
	pid_t pid = start_signal_child("signal-child-5", SA_RESTART);

	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(handled == SIGUSR1);
	CHECK(WEXITSTATUS(status) == 7);
}

/* nanosleep is never restarted: EINTR, and the time that was left. */
static void nanosleep_reports_the_time_left(void)
{
	struct timespec t = { 10, 0 }, rem = { 0, 0 };
	pid_t pid = start_signal_child("signal-child", SA_RESTART);

	CHECK_ERR(nanosleep(&t, &rem), EINTR);
	CHECK(handled == SIGUSR1);
	CHECK(rem.tv_sec >= 8 && rem.tv_sec <= 10);
	stop_signal_child(pid);
}

/* The whole of a file, NUL-terminated, in buf; its length. */
static int slurp(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), len = 0, n;

	while (fd >= 0 && (n = read(fd, buf + len, 64)) > 0 && len < size - 65)
		len += n;
	buf[len] = 0;
	close(fd);
	return len;
}

/* /proc's listings, read in small pieces, and the standard descriptors. */
/* The type of the entry @name in directory @path (getdents64), or -1. */
static int listed(const char *path, const char *name)
{
	static char buf[2048];
	int fd = open(path, O_RDONLY | O_DIRECTORY), type = -1, n;

	while (fd >= 0 && type < 0 && (n = getdents64(fd, buf, sizeof(buf))) > 0)
		for (int off = 0; off < n; off += ((struct linux_dirent64 *)(buf + off))->d_reclen)
			if (!strcmp(((struct linux_dirent64 *)(buf + off))->d_name, name))
				type = ((struct linux_dirent64 *)(buf + off))->d_type;
	close(fd);
	return type;
}

static void proc_files(void)
{
	static char buf[8192];

	CHECK(slurp("/proc/interrupts", buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "CPU0") && strstr(buf, "SPU:"));
	CHECK(slurp("/proc/softirqs", buf, sizeof(buf)) > 0 && strstr(buf, "TIMER:"));
	CHECK(slurp("/proc/tasks", buf, sizeof(buf)) > 0 && strstr(buf, "syscall_test"));
	CHECK_ERR(open("/proc/nothing", O_RDONLY), ENOENT);
	/* ls /proc: the kernel's listings and what drivers made with proc_mkdir
	 * and proc_create, down to /proc/irq/4/ttyS0 as in Linux. */
	CHECK(listed("/proc", "interrupts") == DT_REG);
	CHECK(listed("/proc", "irq") == DT_DIR);
	CHECK(listed("/proc/irq", "4") == DT_DIR);
	CHECK(listed("/proc/irq/4", "ttyS0") == DT_DIR);
	CHECK(listed("/proc/irq/4", "..") == DT_DIR);
	CHECK(listed("/proc/irq/4", "nothing") == -1);
	CHECK_ERR(read(open("/proc/irq", O_RDONLY), buf, 1), EISDIR);
	CHECK_ERR(open("/proc/interrupts", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(write(open("/proc/tasks", O_RDONLY), "x", 1), EBADF);
	CHECK(write(STDOUT_FILENO, "", 0) == 0);
}

/* /dev/kmsg: a write is a log record; reads return records, the oldest
 * first; at the end, O_NONBLOCK gives EAGAIN, a blocking read waits. */
static void kmsg(void)
{
	static char line[512];
	int w = open("/dev/kmsg", O_WRONLY), r = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	int found = 0, n;

	CHECK(write(w, "syscall_test: hello, kernel log\n", 32) == 32);
	while (!found && (n = read(r, line, sizeof(line) - 1)) > 0) {
		line[n] = 0;
		found = strstr(line, "syscall_test: hello, kernel log") != NULL;
	}
	CHECK(found);
	CHECK_ERR(read(r, line, sizeof(line)), EAGAIN); /* the end: nothing newer */
	CHECK(write(w, "syscall_test: again", 19) == 19);
	CHECK_ERR(read(r, line, 4), EINVAL); /* a record does not fit: nothing is lost */
	n = read(r, line, sizeof(line) - 1);
	CHECK(n > 0 && (line[n] = 0, strstr(line, "syscall_test: again") != NULL));
	close(w);
	close(r);
}

/* Job control: SIGSTOP stops a child (ps: T; waitpid WUNTRACED reports it,
 * once), SIGCONT continues it, SIGKILL ends even a stopped one. */
static void stop_and_continue(void)
{
	static char buf[16384];
	char state[16];
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			usleep(10000);
	}
	CHECK(kill(pid, SIGSTOP) == 0);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP && !WIFSIGNALED(status));
	CHECK(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0);
	snprintf(state, sizeof(state), "\n%5d T ", pid);
	CHECK(slurp("/proc/tasks", buf, sizeof(buf)) > 0 && strstr(buf, state));
	CHECK(kill(pid, SIGCONT) == 0);
	CHECK(kill(pid, SIGSTOP) == 0); /* stopped again... */
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
	CHECK(kill(pid, SIGKILL) == 0); /* ... and killed so */
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	/* A sleep stopped and continued goes on for the time left, and succeeds
	 * (restart_syscall), as `sleep 10`, ^Z, fg does. */
	pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, 300000000 };

		exit(nanosleep(&t, NULL) == 0 ? 0 : 1);
	}
	CHECK(kill(pid, SIGSTOP) == 0);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
	CHECK(kill(pid, SIGCONT) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A process exists for kill() until it is reaped, as in Linux: while it
 * exits (its memory already given back) and as a zombie, kill(pid, 0) is 0
 * (not EPERM as for a kernel thread, nor ESRCH); reaped, ESRCH. The
 * child's end of the pipe closes in its exit, after its memory. */
static void kill_until_reaped(void)
{
	int p[2], status = 0;
	char byte;
	pid_t pid;

	CHECK(pipe(p) == 0);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		exit(0);
	}
	close(p[1]);
	CHECK(read(p[0], &byte, 1) == 0); /* end of file: the child is in its exit */
	CHECK(kill(pid, 0) == 0);
	CHECK(kill(pid, SIGTERM) == 0); /* dropped: it is dead already */
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(kill(pid, 0) < 0 && errno == ESRCH);
	close(p[0]);
}

/* A stopped job whose shell exits is orphaned: it gets SIGHUP and SIGCONT
 * (POSIX), so it ends instead of staying stopped for ever. Here B plays the
 * shell, C the job in a group of its own. */
static void orphaned_stopped_group(void)
{
	int p[2], status = 0, tries = 0;
	pid_t b, c = 0;

	CHECK(pipe(p) == 0);
	b = fork();
	if (b == 0) {
		c = fork();
		if (c == 0) {
			setpgid(0, 0);
			kill(getpid(), SIGSTOP);
			for (;;) /* continued without a hang-up: it stays, and the check fails */
				usleep(10000);
		}
		setpgid(c, c);
		write(p[1], &c, sizeof(c));
		exit(waitpid(c, &status, WUNTRACED) == c && WIFSTOPPED(status) ? 0 : 1);
	}
	CHECK(read(p[0], &c, sizeof(c)) == sizeof(c) && c > 0);
	CHECK(waitpid(b, &status, 0) == b && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	while (kill(c, 0) == 0 && tries++ < 500)
		usleep(10000);
	CHECK(kill(c, 0) < 0 && errno == ESRCH);
	kill(c, SIGKILL); /* if the check failed: not left behind */
	close(p[0]);
	close(p[1]);
}

/* dmesg -w: a blocking read of /dev/kmsg past the end waits for the next record. */
static void kmsg_follow(void)
{
	static char line[512];
	int r = open("/dev/kmsg", O_RDONLY), found = 0, status = -1, n;
	pid_t pid = fork();

	if (pid == 0) {
		usleep(50000); /* most likely, the parent is waiting by now */
		dprintf(open("/dev/kmsg", O_WRONLY), "syscall_test: a record for the follower\n");
		exit(0);
	}
	while (!found && (n = read(r, line, sizeof(line) - 1)) > 0) {
		line[n] = 0;
		found = strstr(line, "syscall_test: a record for the follower") != NULL;
	}
	CHECK(found);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(r);
}

static void pause_forever(void)
{
	sleep(3600);
}

/* fork: the child is a copy (its memory its own), returns 0; the parent gets its pid. */
static void forks(void)
{
	static int shared = 1;
	int status = -1, p[2];
	pid_t pid;
	char c = 0;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		shared = 2; /* the parent's copy stays 1 */
		write(p[1], getppid() > 0 ? "k" : "?", 1);
		exit(7);
	}
	CHECK(pid > getpid());
	CHECK(read(p[0], &c, 1) == 1 && c == 'k'); /* the child had the pipe too */
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7);
	CHECK(shared == 1);
	close(p[0]);
	close(p[1]);
}

/* execve: the same process runs another program; a failed one returns. */
static void execs(void)
{
	static char *const args[] = { "/bin/syscall_test", "args-child", "from", "syscall_test",
				      NULL };
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		execve("/bin/nonexistent", args, NULL); /* fails: still this program */
		execve(args[0], args, NULL);
		exit(99);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_ERR(execve("/bin/nonexistent", args, NULL), ENOENT);
	CHECK_ERR(execve((const char *)16, args, NULL), EFAULT);
}

/* Process groups: a child moves to its own group; waitpid(-pgid) finds it. */
static void groups(void)
{
	int status = -1;
	pid_t pid;

	CHECK(getpgrp() == getpgid(0) && getsid(0) > 0);
	CHECK_ERR(setsid(), EPERM); /* a kernel-started process leads its own group */
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause_forever();
	}
	CHECK(setpgid(pid, pid) == 0 && getpgid(pid) == pid);
	CHECK_ERR(setpgid(pid, 12345), EPERM);
	CHECK(kill(-pid, SIGTERM) == 0);
	CHECK(waitpid(-pid, &status, 0) == pid && WTERMSIG(status) == SIGTERM);
	CHECK_ERR(kill(-pid, 0), ESRCH);
}

static const struct check_case cases[] = {
	{ "fork", forks },
	{ "execve", execs },
	{ "groups", groups },
	{ "ids", ids },
	{ "files", files },
	{ "too-many-files", too_many_files },
	{ "ioctls", ioctls },
	{ "unknown-numbers", unknown_numbers },
	{ "sleeping", sleeping },
	{ "children", children },
	{ "exit-codes", exit_codes },
	{ "exit-child", exit_child },
	{ "kill", kill_and_default_actions },
	{ "sleep-child", sleep_child },
	{ "signal-child", signal_child },
	{ "signal-child-5", signal_child_5 },
	{ "eintr", a_signal_interrupts_a_sleeping_call },
	{ "restart", sa_restart_restarts_it },
	{ "nanosleep-eintr", nanosleep_reports_the_time_left },
	{ "proc", proc_files },
	{ "kmsg", kmsg },
	{ "kmsg-follow", kmsg_follow },
	{ "stop-continue", stop_and_continue },
	{ "orphan", orphaned_stopped_group },
	{ "kill-until-reaped", kill_until_reaped },
	{ 0 },
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "args-child"))
		return args_child(argc, argv);
	return check_main(argc, argv, cases);
}
