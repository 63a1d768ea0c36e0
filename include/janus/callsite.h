/*
 * Where a registration was made: "request_irq at mydrv.c:42". The driver API
 * macros that register something a module must undo (request_irq,
 * mod_timer, queue_work, kthread_run, register_chrdev, proc_create, ...)
 * pass CALLSITE("name") to the function behind them; the registry keeps the
 * pointer. The record lives in the caller's read-only data, so it also says
 * who registered: a record inside a module's memory means that module.
 * kernel/module/leftovers.c names it when a module is unloaded with the
 * registration still in place.
 */
#ifndef _JANUS_CALLSITE_H
#define _JANUS_CALLSITE_H

struct callsite {
	const char *api;  /* the call, e.g. "request_irq" */
	const char *file; /* the file name, without its directories */
	unsigned int line;
};

#define CALLSITE(api_name)                                                          \
	({                                                                          \
		static const struct callsite __callsite = { api_name, __FILE_NAME__, \
							    __LINE__ };             \
		&__callsite;                                                        \
	})

#endif
