/* dmesg [-n LEVEL]: the kernel log, oldest record first (from /dev/kmsg);
 * -n sets the consoles' log level instead (1-8: levels below it are shown). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char record[512];
	int fd, n;

	if (argc == 3 && !strcmp(argv[1], "-n")) {
		if (klogctl(8, NULL, atoi(argv[2])) < 0) {
			dprintf(2, "dmesg: -n: the level is 1 to 8\n");
			return 1;
		}
		return 0;
	}
	fd = open("/dev/kmsg", O_RDONLY);
	if (fd < 0) {
		dprintf(2, "dmesg: cannot open /dev/kmsg\n");
		return 1;
	}
	while ((n = read(fd, record, sizeof(record))) > 0)
		write(1, record, n);
	return n < 0;
}
