/*
 * lsmod: the loaded modules, as kmod's lsmod shows them, from /proc/modules
 * (name size refcount users state address [taints], kernel/module/procfs.c).
 * A module that is not Live has its state after the users.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_FIELDS 7

/* Splits a line into its space-separated fields; returns how many. */
static int split(char *line, char **field)
{
	int n = 0;

	while (n < MAX_FIELDS) {
		while (*line == ' ')
			line++;
		if (!*line)
			break;
		field[n++] = line;
		while (*line && *line != ' ')
			line++;
		if (*line)
			*line++ = '\0';
	}
	return n;
}

int main(void)
{
	static char buf[16384];
	char *line, *next, *field[MAX_FIELDS];
	ssize_t len = 0, n;
	int fd = open("/proc/modules", O_RDONLY);

	if (fd < 0) {
		printf("lsmod: cannot open /proc/modules\n");
		return 1;
	}
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	printf("Module                  Size  Used by\n");
	for (line = buf; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		if (split(line, field) < 6)
			continue;
		printf("%-19s %8s  %s", field[0], field[1], field[2]);
		if (strcmp(field[3], "-")) {
			size_t users = strlen(field[3]);

			if (users && field[3][users - 1] == ',')
				field[3][users - 1] = '\0';
			printf(" %s", field[3]);
		}
		if (strcmp(field[4], "Live"))
			printf(" [%s]", field[4]);
		printf("\n");
	}
	return 0;
}
