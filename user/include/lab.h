/*
 * lab.h: the guest side of the labs' grader (tools/grade.py, docs/labs.md).
 * A lab's program (user/bin/labNN.c) runs its checks one after the other;
 * each prints "lab: check NAME" when it starts and "lab: ok NAME" or "lab:
 * fail NAME: WHY" when it ends, and the grader adds what the kernel printed
 * in between (a report of its checkers fails the check).
 */
#ifndef _LAB_H
#define _LAB_H
#include <stdio.h>

/* Starts check @name. */
void lab_begin(const char *name);
/* Ends the current check: passed if @ok, else failed with the reason @fmt... */
int lab_end(int ok, const char *fmt, ...) __printf(2, 3);
/* Runs program @path with the NULL-ended arguments: its exit status, or -1. */
int lab_run(const char *path, ...);
/* insmod MODULE [params]: 0 if it loaded, else insmod's exit status. */
#define lab_insmod(...) lab_run("/bin/insmod", __VA_ARGS__, NULL)
/* rmmod MODULE: 0 if it was unloaded. */
#define lab_rmmod(module) lab_run("/bin/rmmod", module, NULL)
/* Whether module @name is in /proc/modules. */
int lab_module_loaded(const char *name);
/* Reads file @path into @buf (NUL-terminated): the length, or -1. */
int lab_read_file(const char *path, char *buf, int size);
/* The last line: "lab: done". As pid 1 (no shell) it then sleeps for ever. */
void lab_done(void);

#endif
