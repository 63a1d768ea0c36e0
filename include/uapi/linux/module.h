/* Flags of the module system calls (Linux's values): finit_module's flags;
 * delete_module takes O_NONBLOCK and O_TRUNC (uapi/linux/fcntl.h). */
#ifndef _UAPI_LINUX_MODULE_H
#define _UAPI_LINUX_MODULE_H

#define MODULE_INIT_IGNORE_MODVERSIONS 1
#define MODULE_INIT_IGNORE_VERMAGIC 2

#endif
