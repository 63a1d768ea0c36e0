/* dmesg [-w] [-n LEVEL]: the kernel log, oldest record first (from /dev/kmsg).
 * -w follows it: after the last record, waits for new ones (^C ends it).
 * -n sets the consoles' log level instead (1-8: levels below it are shown). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char record[512];
	int follow = argc == 2 && !strcmp(argv[1], "-w");
	int fd, n;

	if (argc == 3 && !strcmp(argv[1], "-n")) {
		if (klogctl(8, NULL, atoi(argv[2])) < 0) {
			dprintf(2, "dmesg: -n: the level is 1 to 8\n");
			return 1;
		}
		return 0;
	}
	if (argc > 1 && !follow) {
		dprintf(2, "usage: dmesg [-w] [-n LEVEL]\n");
		return 1;
	}
	/* Without -w, a read past the last record fails with EAGAIN: the end. */
	fd = open("/dev/kmsg", follow ? O_RDONLY : O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		dprintf(2, "dmesg: cannot open /dev/kmsg\n");
		return 1;
	}
	while ((n = read(fd, record, sizeof(record))) > 0)
		write(1, record, n);
	return n < 0 && errno != EAGAIN;
}
