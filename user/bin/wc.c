/* wc [-l|-w|-c] [FILE...]: lines, words and bytes of each file, or of standard input. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char only;

static void report(unsigned long l, unsigned long w, unsigned long c, const char *name)
{
	if (only)
		printf("%lu", only == 'l' ? l : only == 'w' ? w : c);
	else
		printf("%7lu %7lu %7lu", l, w, c);
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

static int count(int fd, const char *name)
{
	static char buf[1024];
	unsigned long lines = 0, words = 0, bytes = 0;
	int in_word = 0, n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		bytes += n;
		for (int i = 0; i < n; i++) {
			int space = buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t' || buf[i] == '\r';

			lines += buf[i] == '\n';
			words += !space && !in_word;
			in_word = !space;
		}
	}
	report(lines, words, bytes, name);
	return n < 0;
}

int main(int argc, char **argv)
{
	int i = 1, ret = 0;

	if (i < argc && argv[i][0] == '-' && strchr("lwc", argv[i][1]) && argv[i][1]) {
		only = argv[i][1];
		i++;
	}
	if (i == argc)
		return count(0, NULL);
	for (; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			dprintf(2, "wc: %s: cannot open\n", argv[i]);
			ret = 1;
			continue;
		}
		ret |= count(fd, argv[i]);
		close(fd);
	}
	return ret;
}
