/* Modules, as far as built-in drivers need: module_init/module_exit come from
 * linux/init.h; THIS_MODULE is NULL, since nothing is ever unloaded. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <linux/init.h>
#include <linux/kernel.h>

struct module;
#define THIS_MODULE ((struct module *)0)

#endif
