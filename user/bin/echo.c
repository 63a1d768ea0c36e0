/* echo [-n] WORD...: the words, separated by spaces, and a newline (not with -n). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = argc < 2 || strcmp(argv[1], "-n"), first = newline ? 1 : 2;

	for (int i = first; i < argc; i++)
		printf("%s%s", argv[i], i < argc - 1 ? " " : "");
	if (newline)
		printf("\n");
	return 0;
}
