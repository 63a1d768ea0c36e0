/* open() flags, Linux i386's values. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_CREAT 0100       /* Janus has no writable file system: -EROFS if the file is not there */
#define O_NOCTTY 0400      /* opening a terminal does not make it the controlling one */
#define O_TRUNC 01000      /* a /proc control file (ftrace's): start from empty */
#define O_APPEND 02000
#define O_NONBLOCK 04000   /* reads and writes that would wait fail with -EAGAIN */
#define O_DIRECTORY 0200000 /* -ENOTDIR unless the path is a directory */

#endif
