/* time PROGRAM [ARG...]: runs it and says how long it took (the monotonic clock). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec start, end;
	char path[256];
	int status = 0;
	long ms;
	pid_t pid;

	if (argc < 2) {
		dprintf(2, "usage: time PROGRAM [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	pid = fork();
	if (pid == 0) {
		snprintf(path, sizeof(path), strchr(argv[1], '/') ? "%s" : "/bin/%s", argv[1]);
		execve(path, argv + 1, NULL);
		dprintf(2, "time: %s: %s\n", argv[1], strerror(errno));
		exit(127);
	}
	waitpid(pid, &status, 0);
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = (end.tv_sec - start.tv_sec) * 1000 + (end.tv_nsec - start.tv_nsec) / 1000000;
	dprintf(2, "real %ld.%03lds\n", ms / 1000, ms % 1000);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
