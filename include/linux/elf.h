/* ELF32, for the program and module loaders (include/uapi/linux/elf.h). */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H
#include <uapi/linux/elf.h>

#endif
