/*
 * syscall_test CASE: the system calls from user mode, each case its happy
 * path and its errors (run by the kernel's `syscall` suite,
 * tests/kernel/syscall.c). Exits with the number of failed checks.
 */
#include <check.h>
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
	CHECK_ERR(syscall(2), ENOSYS);      /* fork: not in Janus */
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
	CHECK_ERR(waitpid(0, &status, 0), EINVAL);
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
static void proc_files(void)
{
	static char buf[8192];

	CHECK(slurp("/proc/interrupts", buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "CPU0") && strstr(buf, "SPU:"));
	CHECK(slurp("/proc/softirqs", buf, sizeof(buf)) > 0 && strstr(buf, "TIMER:"));
	CHECK(slurp("/proc/tasks", buf, sizeof(buf)) > 0 && strstr(buf, "syscall_test"));
	CHECK_ERR(open("/proc/nothing", O_RDONLY), ENOENT);
	CHECK_ERR(write(open("/proc/tasks", O_RDONLY), "x", 1), EBADF);
	CHECK(write(STDOUT_FILENO, "", 0) == 0);
}

/* /dev/kmsg: a write is a log record; reads return records, the oldest first. */
static void kmsg(void)
{
	static char line[512];
	int w = open("/dev/kmsg", O_WRONLY), r = open("/dev/kmsg", O_RDONLY), found = 0, n;

	CHECK(write(w, "syscall_test: hello, kernel log\n", 32) == 32);
	while (!found && (n = read(r, line, sizeof(line) - 1)) > 0) {
		line[n] = 0;
		found = strstr(line, "syscall_test: hello, kernel log") != NULL;
	}
	CHECK(found);
	CHECK(read(r, line, sizeof(line)) == 0); /* the end: nothing newer */
	CHECK(write(w, "syscall_test: again", 19) == 19);
	CHECK_ERR(read(r, line, 4), EINVAL); /* a record does not fit: nothing is lost */
	n = read(r, line, sizeof(line) - 1);
	CHECK(n > 0 && (line[n] = 0, strstr(line, "syscall_test: again") != NULL));
	close(w);
	close(r);
}

static const struct check_case cases[] = {
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
	{ 0 },
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "args-child"))
		return args_child(argc, argv);
	return check_main(argc, argv, cases);
}
