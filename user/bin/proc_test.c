/*
 * proc_test PATH NEEDLE COUNT: reads PATH to its end in small reads and
 * checks that the listing is whole: it ends with a complete line, and
 * exactly COUNT lines contain NEEDLE (run by the kernel's `seq_file` suite,
 * tests/kernel/seq_file.c). Exits with the number of failed checks.
 */
#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 100 /* many reads, each ending anywhere in a line */

int main(int argc, char **argv)
{
	static char text[256 * 1024];
	size_t len = 0;
	int fd, found = 0;
	ssize_t n;

	if (argc != 4) {
		printf("    # usage: proc_test PATH NEEDLE COUNT\n");
		return 1;
	}
	fd = open(argv[1], O_RDONLY);
	CHECK(fd >= 0);
	while (len + CHUNK < sizeof(text) && (n = read(fd, text + len, CHUNK)) > 0)
		len += n;
	CHECK(read(fd, text, CHUNK) == 0); /* the end, not a full buffer */
	close(fd);
	text[len] = '\0';
	CHECK(len > 0 && text[len - 1] == '\n');
	for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		found += strstr(line, argv[2]) != 0;
	}
	CHECK(found == atoi(argv[3]));
	printf("    # proc_test: %s: %d bytes, %d lines with \"%s\"\n", argv[1], (int)len, found,
	       argv[2]);
	return check_failures;
}
