/* puts and putchar: unformatted output to standard output. */
#include <stdio.h>
#include <unistd.h>

/* The string and a newline, in one write() when it fits (printf's buffer). */
int puts(const char *s)
{
	return printf("%s\n", s) < 0 ? EOF : 0;
}

int putchar(int c)
{
	unsigned char ch = c;

	return write(STDOUT_FILENO, &ch, 1) == 1 ? ch : EOF;
}
