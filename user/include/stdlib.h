/* stdlib.h: ending the process, and turning strings into numbers. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

_Noreturn void exit(int status);
/* Raises SIGABRT; if that returns (handled or ignored), exits with status 127. */
_Noreturn void abort(void);
int atoi(const char *s);
long strtol(const char *s, char **end, int base);

#endif
