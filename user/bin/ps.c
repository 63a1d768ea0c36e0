/* ps: every task, from /proc/tasks: pid, state (R running or runnable, S
 * sleeping, D uninterruptible), CPU, priority, kernel stack use, switches,
 * command, and for a sleeper its wait channel: the function that went to
 * sleep (n_tty_read: waiting for a line; pipe_read; sys_nanosleep...). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	static char buf[1024];
	int fd = open("/proc/tasks", O_RDONLY), n;

	if (fd < 0) {
		dprintf(2, "ps: cannot open /proc/tasks\n");
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	return 0;
}
