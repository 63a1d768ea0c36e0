/* sleep SECONDS: waits that long (fractions allowed: sleep 0.5). ^C ends it, like any program. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec t = { 0, 0 };
	char *end;

	if (argc != 2) {
		dprintf(2, "usage: sleep SECONDS\n");
		return 1;
	}
	t.tv_sec = strtol(argv[1], &end, 10);
	if (*end == '.') {
		long scale = 100000000;

		for (end++; *end >= '0' && *end <= '9' && scale; end++, scale /= 10)
			t.tv_nsec += (*end - '0') * scale;
	}
	if (*end || t.tv_sec < 0 || end == argv[1]) {
		dprintf(2, "sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	/* Not cut short: only a signal handler could, and sleep has none. */
	return nanosleep(&t, NULL) < 0;
}
