/* rxcount N: reads N bytes from the terminal in raw mode (no echo, no line
 * editing, no signals), then prints how many came. The floor of the serial
 * receive benchmark (make bench): the same bytes as `wc -c` in canonical
 * mode, without the line discipline's work. The settings are restored after. */
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[1024];
	struct termios saved, raw;
	long want = argc == 2 ? atoi(argv[1]) : 0, got = 0;
	int n = 1;

	if (want <= 0 || tcgetattr(0, &saved) < 0) {
		dprintf(2, "usage: rxcount N (N > 0, standard input a terminal)\n");
		return 1;
	}
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(0, TCSANOW, &raw);
	printf("rxcount: ready\n");
	while (got < want && (n = read(0, buf, sizeof(buf))) > 0)
		got += n;
	tcsetattr(0, TCSANOW, &saved);
	printf("rxcount: %ld bytes\n", got);
	return n <= 0;
}
