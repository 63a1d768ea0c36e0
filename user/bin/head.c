/* head [-n N] [FILE]: the first N lines (10) of a file or of standard input. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[512];
	int lines = 10, fd = 0, i = 1, n;

	if (i + 1 < argc && !strcmp(argv[i], "-n")) {
		lines = atoi(argv[i + 1]);
		i += 2;
	}
	if (i < argc && (fd = open(argv[i], O_RDONLY)) < 0) {
		dprintf(2, "head: %s: cannot open\n", argv[i]);
		return 1;
	}
	while (lines > 0 && (n = read(fd, buf, sizeof(buf))) > 0) {
		int end = 0;

		while (end < n && lines > 0)
			lines -= buf[end++] == '\n';
		write(1, buf, end);
	}
	return 0;
}
