/* ps: every task, from /proc/tasks: pid, state (R running, S sleeping, D
 * uninterruptible), CPU, priority, kernel stack use, switches and command. */
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
