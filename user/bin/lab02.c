/*
 * lab02: the checks of lab 2 (labs/02-blocking-read): eduwait.ko's read
 * must sleep until the edu device interrupts, wake every reader with the
 * device's result, and give up when the reader is killed.
 *
 *     lab02               run every check (as the grader does)
 *     lab02 reader WANT   one read of /dev/eduwait: exit 0 if it gave WANT
 */
#include <errno.h>
#include <fcntl.h>
#include <janus.h>
#include <lab.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEV "/dev/eduwait"
#define TICK_US 100000 /* how often the checks look */

static int reader(const char *want)
{
	char buf[32];
	int fd = open(DEV, O_RDONLY), n;

	if (fd < 0) {
		printf("lab02: reader: cannot open %s\n", DEV);
		return 2;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0) {
		printf("lab02: reader: read failed: %s\n", strerror(errno));
		return 3;
	}
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	printf("lab02: reader %d read '%s'\n", getpid(), buf);
	return strcmp(buf, want) ? 1 : 0;
}

static pid_t start_reader(char *want)
{
	char *argv[] = { "/bin/lab02", "reader", want, NULL };

	return spawn(argv[0], argv);
}

/* Writes n to the device: it computes n! and interrupts. */
static int compute(const char *n)
{
	int fd = open(DEV, O_WRONLY), ok;

	if (fd < 0)
		return 0;
	ok = write(fd, n, strlen(n)) == (ssize_t)strlen(n);
	close(fd);
	return ok;
}

/* Waits up to ticks for pid to end, writing n to the device each tick if n: its status, or -1. */
static int wait_for(pid_t pid, int ticks, const char *n)
{
	int status;

	for (int i = 0; i < ticks; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		if (n)
			compute(n);
		usleep(TICK_US);
	}
	return -1;
}

/* A reader left blocked would hold the module: give it interrupts until it returns. */
static void release(pid_t pid)
{
	if (wait_for(pid, 50, "1") < 0)
		printf("lab02: reader %d still blocked after 50 interrupts\n", pid);
}

static void load(void)
{
	int fd;

	lab_begin("load");
	if (lab_insmod("eduwait")) {
		lab_end(0, "insmod eduwait failed");
		return;
	}
	fd = open(DEV, O_RDONLY);
	if (fd >= 0)
		close(fd);
	lab_end(fd >= 0, "no %s after insmod", DEV);
}

static void read_blocks(void)
{
	pid_t pid;
	int status;

	lab_begin("read_blocks");
	pid = start_reader("1");
	status = wait_for(pid, 25, NULL); /* 2.5 s without an interrupt */
	if (status < 0)
		release(pid);
	lab_end(pid > 0 && status < 0, "read returned without an interrupt (reader status %d)", status);
}

static void interrupt_wakes(void)
{
	pid_t pid;
	int status;

	lab_begin("interrupt_wakes");
	pid = start_reader("120");
	status = wait_for(pid, 30, "5");
	if (status < 0)
		release(pid);
	lab_end(status == 0, "after 'echo 5 > %s' the reader %s", DEV,
		status < 0 ? "stayed blocked" : "did not read 120");
}

static void every_reader(void)
{
	pid_t pids[3];
	int good = 0;

	lab_begin("every_reader_wakes");
	for (int i = 0; i < 3; i++)
		pids[i] = start_reader("720");
	usleep(5 * TICK_US);
	for (int i = 0; i < 3; i++) {
		int status = wait_for(pids[i], 30, "6");

		good += status == 0;
		if (status < 0)
			release(pids[i]);
	}
	lab_end(good == 3, "%d of 3 readers read 720", good);
}

static void killable(void)
{
	pid_t pid;
	int status;

	lab_begin("reader_can_be_killed");
	pid = start_reader("1");
	usleep(5 * TICK_US);
	kill(pid, SIGTERM);
	status = wait_for(pid, 20, NULL);
	if (status < 0)
		release(pid);
	lab_end(status >= 0 && WIFSIGNALED(status),
		"a reader sent SIGTERM while blocked %s", status < 0 ? "did not die within 2 s" :
		"was not killed by the signal");
}

static void unload(void)
{
	lab_begin("unload");
	lab_end(lab_rmmod("eduwait") == 0 && !lab_module_loaded("eduwait"), "rmmod eduwait failed");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "reader"))
		return reader(argv[2]);
	load();
	read_blocks();
	interrupt_wakes();
	every_reader();
	killable();
	unload();
	lab_done();
	return 0;
}
