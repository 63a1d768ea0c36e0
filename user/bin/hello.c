/* hello: the first user program. Says who it is and what it was given, exits 0. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("hello from user mode, pid %d, argc %d\n", getpid(), argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = \"%s\"\n", i, argv[i]);
	return 0;
}
