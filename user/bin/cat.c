/* cat: copies each file named on the command line to standard output. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int cat(const char *path)
{
	char buf[512];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("cat: cannot open %s\n", path);
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(STDOUT_FILENO, buf, n);
	close(fd);
	return n < 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	for (int i = 1; i < argc; i++)
		failed |= cat(argv[i]);
	return failed;
}
