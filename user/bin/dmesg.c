/* dmesg: the kernel log, oldest record first (from /dev/kmsg). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	static char record[512];
	int fd = open("/dev/kmsg", O_RDONLY), n;

	if (fd < 0) {
		dprintf(2, "dmesg: cannot open /dev/kmsg\n");
		return 1;
	}
	while ((n = read(fd, record, sizeof(record))) > 0)
		write(1, record, n);
	return n < 0;
}
