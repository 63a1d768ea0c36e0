/* open() flags. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_TRUNC 00001000  /* a /proc control file (ftrace's): start from empty */
#define O_APPEND 00002000
#define O_NONBLOCK 00004000

#endif
