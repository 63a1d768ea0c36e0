/*
 * init: the first user process (pid 1), run by the kernel at a normal boot
 * (or the program init= names). It shows the two faces of Janus once (it
 * runs seed003, whose read sleeps in the kernel on its behalf), then keeps
 * a shell on each terminal, the serial line /dev/ttyS0 and the VGA screen
 * with the keyboard, /dev/tty1: each in a new session whose controlling
 * terminal it is, started again whenever it ends. Meanwhile it reaps the
 * orphans that are given to it, as init does.
 */
#include <fcntl.h>
#include <janus.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *const ttys[] = { "/dev/ttyS0", "/dev/tty1" };
#define NR_TTYS 2

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

/* A shell in a session of its own, with tty as its controlling terminal. */
static pid_t start_shell(const char *tty)
{
	static char *const sh[] = { "/bin/sh", NULL };
	pid_t pid = fork();
	int fd;

	if (pid != 0)
		return pid;
	setsid();
	fd = open(tty, O_RDWR); /* a session leader opening a terminal: it becomes its own */
	if (fd < 0) {
		printf("init: cannot open %s\n", tty);
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
	pid_t shell[NR_TTYS];

	printf("init: pid %d, in user mode\n", getpid());
	run(seed003);
	/* As distributions do: the boot's info messages stayed on the consoles;
	 * from now on (a driver that prints for every key...) only warnings and
	 * worse do. `dmesg` shows everything, `dmesg -n 7` brings it back. */
	klogctl(8, NULL, 5);
	printf("init: done; console log level 5 (dmesg -n 7 shows info messages again); "
	       "starting a shell on %s and %s\n", ttys[0], ttys[1]);
	for (int i = 0; i < NR_TTYS; i++)
		shell[i] = start_shell(ttys[i]);
	for (;;) {
		int status;
		pid_t pid = wait(&status);

		if (pid < 0)
			sleep(3600);
		for (int i = 0; i < NR_TTYS; i++) {
			if (pid == shell[i]) {
				printf("init: the shell on %s ended (status %d); starting another\n",
				       ttys[i], status);
				nanosleep(&pause, NULL); /* a shell that cannot start does not spin */
				shell[i] = start_shell(ttys[i]);
			}
		}
	}
}
