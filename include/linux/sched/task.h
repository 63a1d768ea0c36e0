/* Finding tasks, and the processes' family (kernel/fork.c, kernel/exit.c). */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H
#include <linux/sched.h>
#include <linux/spinlock.h>

extern spinlock_t tasklist_lock;

/* What is left of a freed task, for reports (kernel/fork.c). */
struct task_obituary {
	pid_t pid; /* -1: nothing is known */
	int exit_code;
	char comm[TASK_COMM_LEN];
};

bool try_get_task_struct(struct task_struct *p, struct task_obituary *obit);
void task_quarantine_drain(void);

/* The task with this pid, with a reference (put_task_struct), or NULL. */
struct task_struct *find_get_task_by_pid(pid_t pid);
struct task_struct *find_get_process_by_pid(pid_t pid);
/* A new process's group, session and controlling terminal: its parent's,
 * or its own if a kernel thread made it (kernel/pgrp.c). */
void init_process_ids(struct task_struct *p, struct task_struct *parent);
/* Adds a new process p as a child of current (kernel/fork.c). */
void link_child(struct task_struct *p);

/*
 * Waits for a child of current to exit (pid, or any for -1) and reaps it:
 * its pid and, in *status, Linux's wait status (exit code << 8, or the
 * signal that killed it). -ECHILD if there is no such child; 0 with
 * WNOHANG if none has exited yet; -ERESTARTSYS if a signal came first.
 */
long kernel_wait(pid_t pid, int *status, int options);

#endif
