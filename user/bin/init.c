/*
 * init: the first user process (pid 1), run by the kernel at a normal boot
 * (or the program init= names). It shows the two faces of Janus once (it
 * runs seed003, whose read sleeps in the kernel on its behalf), then keeps
 * a shell on the serial terminal: a new session whose controlling terminal
 * is /dev/ttyS0, started again whenever it ends. Meanwhile it reaps the
 * orphans that are given to it, as init does.
 */
#include <fcntl.h>
#include <janus.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TTY "/dev/ttyS0"

static void run(char *const argv[])
{
	int status;
	pid_t pid = spawn(argv[0], argv);

	if (pid < 0) {
		printf("init: cannot run %s\n", argv[0]);
		return;
	}
	waitpid(pid, &status, 0);
}

/* A shell in a session of its own, with TTY as its controlling terminal. */
static pid_t start_shell(void)
{
	static char *const sh[] = { "/bin/sh", NULL };
	pid_t pid = fork();
	int fd;

	if (pid != 0)
		return pid;
	setsid();
	fd = open(TTY, O_RDWR); /* a session leader opening a terminal: it becomes its own */
	if (fd < 0) {
		printf("init: cannot open %s\n", TTY);
		exit(1);
	}
	for (int i = 0; i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
	execve(sh[0], sh, NULL);
	printf("init: cannot run %s\n", sh[0]);
	exit(127);
}

int main(void)
{
	static char *const seed003[] = { "/bin/seed003", NULL };
	struct timespec pause = { 1, 0 };
	pid_t shell;

	printf("init: pid %d, in user mode\n", getpid());
	run(seed003);
	printf("init: done; starting a shell on %s\n", TTY);
	shell = start_shell();
	for (;;) {
		int status;
		pid_t pid = wait(&status);

		if (pid < 0) {
			sleep(3600);
		} else if (pid == shell) {
			printf("init: the shell ended (status %d); starting another\n", status);
			nanosleep(&pause, NULL); /* a shell that cannot start does not spin */
			shell = start_shell();
		}
	}
}
