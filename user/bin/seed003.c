/*
 * seed003: reads seed 003's device. The driver's read sleeps a second in the
 * kernel, on this process's behalf, then copies its message here. Exits 0
 * if the message is the driver's, all 27 bytes of it (its NUL included).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[64] = { 0 };
	int fd = open("/dev/my_proc_context_dev", O_RDONLY);
	ssize_t n;

	if (fd < 0) {
		printf("seed003: cannot open /dev/my_proc_context_dev\n");
		return 1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0) {
		printf("seed003: read failed\n");
		return 1;
	}
	printf("seed003: read %d bytes: %s", (int)n, buf);
	return !(n == 27 && !strcmp(buf, "Data from process context\n"));
}
