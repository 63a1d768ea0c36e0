/* elf.h: the ELF32 structures (the kernel's, include/uapi/linux/elf.h). */
#ifndef _ELF_H
#define _ELF_H

#include <linux/elf.h>

#endif
