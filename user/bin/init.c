/*
 * init: the first user process (pid 1), run by the kernel at a normal boot.
 * It shows the two faces of Janus from user mode: it runs seed003, whose read
 * sleeps in the kernel on its behalf, and cat /proc/interrupts, the kernel's
 * interrupt counts. Then it waits for children forever, as init does.
 */
#include <janus.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

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

int main(void)
{
	static char *const seed003[] = { "/bin/seed003", NULL };
	static char *const interrupts[] = { "/bin/cat", "/proc/interrupts", NULL };

	printf("init: pid %d, in user mode\n", getpid());
	run(seed003);
	run(interrupts);
	printf("init: done; waiting for orphans\n");
	for (;;)
		if (wait(NULL) < 0)
			sleep(3600);
}
