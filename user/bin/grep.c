/* grep [-v] [-c] TEXT [FILE...]: the lines that contain TEXT (a fixed string);
 * -v the others, -c only their count. Exit status 0 if a line was selected. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int invert, count_only;
static const char *needle;

/* Reads fd line by line (a line longer than the buffer is cut). */
static unsigned long grep(int fd)
{
	static char line[1024];
	unsigned long selected = 0;
	int len = 0, n;
	char c;

	while ((n = read(fd, &c, 1)) > 0 || len) {
		if (n > 0 && c != '\n') {
			if (len < (int)sizeof(line) - 1)
				line[len++] = c;
			continue;
		}
		line[len] = 0;
		if ((strstr(line, needle) != NULL) != invert) {
			selected++;
			if (!count_only)
				printf("%s\n", line);
		}
		len = 0;
		if (n <= 0)
			break;
	}
	return selected;
}

int main(int argc, char **argv)
{
	unsigned long total = 0;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		invert |= !strcmp(argv[i], "-v");
		count_only |= !strcmp(argv[i], "-c");
	}
	if (i == argc) {
		dprintf(2, "usage: grep [-v] [-c] TEXT [FILE...]\n");
		return 2;
	}
	needle = argv[i++];
	if (i == argc)
		total = grep(0);
	for (; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			dprintf(2, "grep: %s: cannot open\n", argv[i]);
			continue;
		}
		total += grep(fd);
		close(fd);
	}
	if (count_only)
		printf("%lu\n", total);
	return total ? 0 : 1;
}
