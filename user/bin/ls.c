/* ls [-a] [DIR...]: the names in each directory (/bin, /dev, /proc, /), sorted;
 * in columns on a terminal, one per line into a pipe. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_NAMES 128

static char names[MAX_NAMES][64];
static int all;

static void sort(int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char t[64];

			memcpy(t, names[j], 64);
			memcpy(names[j], names[j - 1], 64);
			memcpy(names[j - 1], t, 64);
		}
}

static void show(int n)
{
	int width = 1, cols;

	if (!isatty(1)) {
		for (int i = 0; i < n; i++)
			printf("%s\n", names[i]);
		return;
	}
	for (int i = 0; i < n; i++)
		if ((int)strlen(names[i]) + 2 > width)
			width = strlen(names[i]) + 2;
	cols = 80 / width ? 80 / width : 1;
	for (int i = 0; i < n; i++) {
		int last = i % cols == cols - 1 || i == n - 1;

		printf("%s", names[i]);
		for (int pad = strlen(names[i]); !last && pad < width; pad++)
			printf(" ");
		if (last)
			printf("\n");
	}
}

static int list(const char *path)
{
	static char buf[2048];
	int fd = open(path, O_RDONLY | O_DIRECTORY), n, count = 0;

	if (fd < 0) {
		if (errno == ENOTDIR && (fd = open(path, O_RDONLY)) >= 0) {
			printf("%s\n", path); /* a file: its name */
			close(fd);
			return 0;
		}
		dprintf(2, "ls: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (int off = 0; off < n;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

			if ((all || d->d_name[0] != '.') && count < MAX_NAMES)
				snprintf(names[count++], 64, "%s", d->d_name);
			off += d->d_reclen;
		}
	}
	close(fd);
	sort(count);
	show(count);
	return n < 0;
}

int main(int argc, char **argv)
{
	int ret = 0, first = 1, dirs = 0;

	for (; first < argc && !strcmp(argv[first], "-a"); first++)
		all = 1;
	dirs = argc - first;
	if (!dirs)
		return list("/");
	for (int i = first; i < argc; i++) {
		if (dirs > 1)
			printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
		ret |= list(argv[i]);
	}
	return ret;
}
